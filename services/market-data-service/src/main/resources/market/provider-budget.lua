-- One permit of a provider's token bucket, atomically, on Redis's own clock (the same for every instance).
-- KEYS[1]: the bucket (hash: tokens, at); KEYS[2]: the provider's pause (set after its rate-limit answer)
-- ARGV[1]: the bucket's size (burst); ARGV[2]: its refill rate in permits per millisecond
-- Returns 0 when a permit was taken, otherwise the milliseconds until one could be (nothing is taken then).
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then
  return paused
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate)
  at = now
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / rate))
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', at))
-- a full bucket is the same as no bucket: let the key go once it would have refilled
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait
