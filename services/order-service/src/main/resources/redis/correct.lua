-- Sets a drop's stock to quantity minus the units held, never below 0. KEYS[1] sale, KEYS[2] stock, KEYS[3] held.
-- Returns the new stock, or -1 when the keys are absent.
local quantity = redis.call('HGET', KEYS[1], 'quantity')
if not quantity then
  return -1
end
local held = 0
for _, entry in ipairs(redis.call('HVALS', KEYS[3])) do
  held = held + tonumber(string.sub(entry, string.find(entry, '|', 1, true) + 1))
end
local stock = math.max(0, tonumber(quantity) - held)
redis.call('SET', KEYS[2], stock)
return stock
