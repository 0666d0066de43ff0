-- One buy attempt, atomically, in one round trip (docs/hot-path.md). Every key carries the drop's {hash tag},
-- so the script also runs on Redis Cluster.
--
-- KEYS[1] drop:{D}:sale      hash: quantity, limit, opens, closes (epoch ms), closed (0|1); absent = not loaded
-- KEYS[2] drop:{D}:stock     integer: units left
-- KEYS[3] drop:{D}:buyers    hash: userId -> units held
-- KEYS[4] drop:{D}:idem      hash: userId:Idempotency-Key -> "orderId|expiresAtMs|quantity"
-- KEYS[5] drop:{D}:held      hash: orderId -> "userId|quantity", every reservation not released
-- KEYS[6] drop:{D}:stream    stream of accepted reservations, relayed to Kafka
-- ARGV: userId, quantity, idempotencyKey, orderId (fresh), holdMillis (how long until an unpaid order expires),
--       buyerEmail (the token's email claim, '' when none), locale ('ko' or 'en'; for the order's emails)
-- The last two are only carried into the stream entry (fields buyerEmail, locale) for the order row; nothing here
-- reads them.
--
-- Returns {code, orderId, expiresAtMs, remaining}; code is one of
-- OK, DUPLICATE (the key was used before: its first answer), ABSENT, NOT_OPEN, CLOSED, LIMIT, SOLD_OUT.
-- The order of the checks is the point: nothing is taken before the window and the buyer's limit passed.
local userId, quantity, idemKey, orderId = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local holdMillis = tonumber(ARGV[5])
local buyerEmail, locale = ARGV[6] or '', ARGV[7] or 'en'

local sale = redis.call('HMGET', KEYS[1], 'quantity', 'limit', 'opens', 'closes', 'closed')
if not sale[1] then
  return {'ABSENT', '', '0', '0'}
end

local replayKey = userId .. ':' .. idemKey
local previous = redis.call('HGET', KEYS[4], replayKey)
if previous then
  local sep1 = string.find(previous, '|', 1, true)
  local sep2 = string.find(previous, '|', sep1 + 1, true)
  return {'DUPLICATE', string.sub(previous, 1, sep1 - 1), string.sub(previous, sep1 + 1, sep2 - 1),
          tostring(redis.call('GET', KEYS[2]) or '0')}
end

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stock = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < tonumber(sale[3]) then
  return {'NOT_OPEN', '', '0', tostring(stock)}
end
if sale[5] == '1' or now >= tonumber(sale[4]) then
  return {'CLOSED', '', '0', tostring(stock)}
end
local held = tonumber(redis.call('HGET', KEYS[3], userId) or '0')
if held + quantity > tonumber(sale[2]) then
  return {'LIMIT', '', '0', tostring(stock)}
end
if stock < quantity then
  return {'SOLD_OUT', '', '0', tostring(stock)}
end

local remaining = redis.call('DECRBY', KEYS[2], quantity)
redis.call('HINCRBY', KEYS[3], userId, quantity)
local expiresAt = now + holdMillis
redis.call('HSET', KEYS[4], replayKey, orderId .. '|' .. expiresAt .. '|' .. quantity)
redis.call('HSET', KEYS[5], orderId, userId .. '|' .. quantity)
redis.call('XADD', KEYS[6], '*', 'orderId', orderId, 'userId', userId, 'quantity', quantity,
           'idempotencyKey', idemKey, 'reservedAt', now, 'expiresAt', expiresAt,
           'buyerEmail', buyerEmail, 'locale', locale)
return {'OK', orderId, tostring(expiresAt), tostring(remaining)}
