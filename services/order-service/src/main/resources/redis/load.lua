-- Loads a drop's terms from the order service's copy (docs/hot-path.md). Keys as in buy.lua.
--
-- KEYS[1] sale, KEYS[2] stock, KEYS[3] buyers, KEYS[4] idem, KEYS[5] held
-- ARGV: revision, quantity, limit, opens (ms), closes (ms), closed (0|1), fresh (1 = the drop is not open yet)
--
-- Returns STALE (Redis has a newer revision), LOADED (all keys written fresh: stock = quantity, no buyers, no
-- replays, no holds), UPDATED (only the terms; the stock moves by a change of quantity, never below 0) or ABSENT
-- (the drop is open and its keys are gone: only a rebuild from the database may write them).
-- Fresh keys are only written while nobody holds units, so a rescheduled drop never loses reservations.
local current = redis.call('HGET', KEYS[1], 'revision')
if current and tonumber(current) > tonumber(ARGV[1]) then
  return 'STALE'
end
local exists = redis.call('EXISTS', KEYS[1]) == 1
if ARGV[7] == '1' and redis.call('HLEN', KEYS[5]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5])
  redis.call('SET', KEYS[2], ARGV[2])
  redis.call('HSET', KEYS[1], 'revision', ARGV[1], 'quantity', ARGV[2], 'limit', ARGV[3], 'opens', ARGV[4],
             'closes', ARGV[5], 'closed', ARGV[6])
  return 'LOADED'
end
if not exists then
  return 'ABSENT'
end
local delta = tonumber(ARGV[2]) - tonumber(redis.call('HGET', KEYS[1], 'quantity') or ARGV[2])
if delta ~= 0 then
  local stock = tonumber(redis.call('GET', KEYS[2]) or '0')
  if stock + delta < 0 then
    redis.call('SET', KEYS[2], 0)
  else
    redis.call('INCRBY', KEYS[2], delta)
  end
end
redis.call('HSET', KEYS[1], 'revision', ARGV[1], 'quantity', ARGV[2], 'limit', ARGV[3], 'opens', ARGV[4],
           'closes', ARGV[5], 'closed', ARGV[6])
return 'UPDATED'
