-- Rebuilds a drop's keys from the database after Redis lost them (docs/hot-path.md), unless they exist again
-- (another instance was faster, or the catalog reloaded the drop). Keys as in buy.lua.
--
-- KEYS[1] sale, KEYS[2] stock, KEYS[3] buyers, KEYS[4] idem, KEYS[5] held
-- ARGV: revision, quantity, limit, opens, closes, closed, stock, n, then n triples orderId, userId, quantity (the live
-- orders), then m, then m pairs replayKey, replayValue (every order's Idempotency-Key answer)
-- Returns 1 when rebuilt, 0 when the keys existed. The sale hash is written last; the script is atomic anyway.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('DEL', KEYS[3], KEYS[4], KEYS[5])
redis.call('SET', KEYS[2], ARGV[7])
local i = 9
for _ = 1, tonumber(ARGV[8]) do
  redis.call('HSET', KEYS[5], ARGV[i], ARGV[i + 1] .. '|' .. ARGV[i + 2])
  redis.call('HINCRBY', KEYS[3], ARGV[i + 1], tonumber(ARGV[i + 2]))
  i = i + 3
end
local m = tonumber(ARGV[i])
i = i + 1
for _ = 1, m do
  redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('HSET', KEYS[1], 'revision', ARGV[1], 'quantity', ARGV[2], 'limit', ARGV[3], 'opens', ARGV[4],
           'closes', ARGV[5], 'closed', ARGV[6])
return 1
