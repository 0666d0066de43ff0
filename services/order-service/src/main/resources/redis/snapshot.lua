-- A drop's state in one atomic read. KEYS[1] sale, KEYS[2] stock, KEYS[3] held, KEYS[4] stream.
-- Returns {} when the keys are absent, else {quantity, stock, streamLength, orderId1, entry1, orderId2, entry2, ...}.
local quantity = redis.call('HGET', KEYS[1], 'quantity')
if not quantity then
  return {}
end
local result = {quantity, redis.call('GET', KEYS[2]) or '0', tostring(redis.call('XLEN', KEYS[4]))}
for _, value in ipairs(redis.call('HGETALL', KEYS[3])) do
  result[#result + 1] = value
end
return result
