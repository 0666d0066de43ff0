-- Gives one reservation's units back (expiry, cancel, refund, return), at most once: the reservation's entry in
-- the held hash is the token, and only the call that removes it gives the units back.
--
-- KEYS[1] drop:{D}:stock, KEYS[2] drop:{D}:buyers, KEYS[3] drop:{D}:held (see buy.lua)
-- ARGV[1] orderId
-- Returns {released (1|0), remaining}; 0 when the reservation was already released or never held here.
local entry = redis.call('HGET', KEYS[3], ARGV[1])
if not entry then
  return {0, tonumber(redis.call('GET', KEYS[1]) or '0')}
end
redis.call('HDEL', KEYS[3], ARGV[1])
local sep = string.find(entry, '|', 1, true)
local userId = string.sub(entry, 1, sep - 1)
local quantity = tonumber(string.sub(entry, sep + 1))
if redis.call('HINCRBY', KEYS[2], userId, -quantity) <= 0 then
  redis.call('HDEL', KEYS[2], userId)
end
return {1, redis.call('INCRBY', KEYS[1], quantity)}
