-- Records a hold Redis does not know although its order is live in the database (it was persisted after a rebuild),
-- taking its units from the stock. KEYS[1] stock, KEYS[2] buyers, KEYS[3] held; ARGV orderId, userId, quantity.
-- Returns 1 adopted, 0 already held, -1 not enough stock (left alone: the database guard protects the sale).
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then
  return 0
end
local quantity = tonumber(ARGV[3])
if tonumber(redis.call('GET', KEYS[1]) or '0') < quantity then
  return -1
end
redis.call('DECRBY', KEYS[1], quantity)
redis.call('HINCRBY', KEYS[2], ARGV[2], quantity)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2] .. '|' .. quantity)
return 1
