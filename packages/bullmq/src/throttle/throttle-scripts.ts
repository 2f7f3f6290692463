// The shared throttle's Lua scripts. Each runs atomically in Redis (EVALSHA runs a script to the end
// before any other command), so workers racing for one destination see one state. The arithmetic is
// core's throttle (`createThrottle`) moved into Redis: GCRA for the rate, a lease set for concurrency,
// AIMD on feedback (RFC 5681 slow start and additive increase, ×decreaseFactor on a limit), doubling
// server-busy pauses, shaping rule windows and warm-up days. See README "Redis data layout".

/** Time in ms: the caller's `now` when given (ARGV 1 non-empty), else the Redis server clock. */
const clock = `
local function clock(value)
  if value ~= nil and value ~= '' then return tonumber(value) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function num(value, default)
  if value == false or value == nil then return default end
  return tonumber(value)
end
`;

/**
 * KEYS: 1 state hash, 2 in-flight lease zset, 3 recipient hold (string or '').
 * ARGV: 1 now|'' , 2 lease id, 3 lease ms, 4 initialRate, 5 maxRate, 6 maxConcurrency (0 = none),
 * 7 burst, 8 state TTL ms, 9 warm-up (firstDay|factor|maxDaily|startAt|dayMs or '').
 * Returns {1} when allowed, else {0, retryAt, reason, by}.
 */
export const acquireScript = `${clock}
local now = clock(ARGV[1])
local state = KEYS[1]
local fields = redis.call('HMGET', state, 'rate', 'nextAt', 'pausedUntil', 'pausedBy', 'shapedUntil',
  'shapedMaxRate', 'shapedMaxConcurrency', 'wuDay', 'wuAllowance', 'wuSent', 'wuDeferred')
local rate = num(fields[1], tonumber(ARGV[4]))
local nextAt = num(fields[2], 0)
local pausedUntil = num(fields[3], 0)
if now < pausedUntil then
  return {0, tostring(pausedUntil), 'paused', fields[4] or ''}
end
if KEYS[3] ~= '' then
  local untilAt = tonumber(redis.call('GET', KEYS[3]) or '0')
  if now < untilAt then return {0, tostring(untilAt), 'recipient', ''} end
end
local warm = ARGV[9]
local wuDay, wuAllowance, wuSent, wuDeferred
if warm ~= '' then
  local first, factor, maxDaily, startAt, dayMs = string.match(warm, '([^|]+)|([^|]+)|([^|]+)|([^|]+)|([^|]+)')
  first = tonumber(first); factor = tonumber(factor); maxDaily = tonumber(maxDaily)
  startAt = tonumber(startAt); dayMs = tonumber(dayMs)
  local day = 0
  if now > startAt then day = math.floor((now - startAt) / dayMs) end
  wuDay = num(fields[8], nil)
  if wuDay == nil then
    wuDay = day; wuAllowance = first; wuSent = 0; wuDeferred = 0
  else
    wuAllowance = num(fields[9], first); wuSent = num(fields[10], 0); wuDeferred = num(fields[11], 0)
    if day > wuDay then
      if wuSent > 0 and wuDeferred == 0 then wuAllowance = math.min(maxDaily, wuAllowance * factor) end
      wuDay = day; wuSent = 0; wuDeferred = 0
    end
  end
  if wuSent >= math.floor(wuAllowance) then
    redis.call('HSET', state, 'wuDay', wuDay, 'wuAllowance', tostring(wuAllowance), 'wuSent', wuSent, 'wuDeferred', wuDeferred)
    return {0, tostring(startAt + (wuDay + 1) * dayMs), 'warm-up', ''}
  end
end
local maxRate = tonumber(ARGV[5])
if rate > maxRate then rate = maxRate end
local shapedUntil = num(fields[5], 0)
local concurrency = tonumber(ARGV[6])
if shapedUntil ~= 0 then
  if now < shapedUntil then
    local shapedRate = num(fields[6], nil)
    if shapedRate ~= nil and rate > shapedRate then rate = shapedRate end
    local shapedConcurrency = num(fields[7], nil)
    if shapedConcurrency ~= nil and (concurrency == 0 or shapedConcurrency < concurrency) then
      concurrency = shapedConcurrency
    end
  else
    redis.call('HDEL', state, 'shapedUntil', 'shapedMaxRate', 'shapedMaxConcurrency', 'shapedBy')
  end
end
local interval = 1000 / rate
-- Leases of attempts whose worker died expire, so a crash never keeps a slot forever.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if concurrency > 0 and redis.call('ZCARD', KEYS[2]) >= concurrency then
  return {0, tostring(math.ceil(now + interval)), 'concurrency', ''}
end
local earliest = nextAt - (tonumber(ARGV[7]) - 1) * interval
if now < earliest then return {0, tostring(math.ceil(earliest)), 'rate', ''} end
nextAt = math.max(nextAt, now) + interval
redis.call('HSET', state, 'nextAt', tostring(nextAt))
if fields[1] == false then redis.call('HSET', state, 'rate', ARGV[4], 'slowStart', '1') end
if warm ~= '' then
  redis.call('HSET', state, 'wuDay', wuDay, 'wuAllowance', tostring(wuAllowance), 'wuSent', wuSent + 1, 'wuDeferred', wuDeferred)
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[3]) + 1000)
redis.call('PEXPIRE', state, tonumber(ARGV[8]))
return {1}
`;

/**
 * KEYS: 1 state hash, 2 in-flight lease zset, 3 recipient hold key (or ''), 4… one hits zset per rule in ARGV.
 * ARGV: 1 now|'', 2 lease id ('' = release nothing), 3 kind (delivered | rate-limited | recipient-limited |
 * reputation | server-busy | other), 4 wait ms (Retry-After or the verdict's own wait), 5 initialRate,
 * 6 maxRate, 7 minRate, 8 additiveIncrease, 9 decreaseFactor, 10 decreaseCooldownMs, 11 busyPauseMs,
 * 12 maxPauseMs, 13 recipientPauseMs, 14 state TTL ms, 15 rule count, then per rule:
 * id, count, windowMs, holdMs, pause (0/1), maxRate ('' = none), maxConcurrency ('' = none).
 */
export const feedbackScript = `${clock}
local now = clock(ARGV[1])
local state = KEYS[1]
if ARGV[2] ~= '' then redis.call('ZREM', KEYS[2], ARGV[2]) end
local kind = ARGV[3]
local wait = tonumber(ARGV[4])
local maxRate = tonumber(ARGV[6])
local minRate = tonumber(ARGV[7])
local maxPause = tonumber(ARGV[12])
local capped = math.min(wait, maxPause)
local fields = redis.call('HMGET', state, 'rate', 'nextAt', 'slowStart', 'lastDecreaseAt', 'busyLevel',
  'pausedUntil', 'shapedUntil', 'shapedMaxRate')
local rate = num(fields[1], tonumber(ARGV[5]))
local nextAt = num(fields[2], 0)
local slowStart = fields[3] ~= '0'
local lastDecreaseAt = num(fields[4], -1e300)
local busyLevel = num(fields[5], 0)
local pausedUntil = num(fields[6], 0)
local function effective()
  local r = math.min(rate, maxRate)
  local shapedUntil = num(fields[7], 0)
  local shapedRate = num(fields[8], nil)
  if shapedUntil ~= 0 and now < shapedUntil and shapedRate ~= nil and r > shapedRate then r = shapedRate end
  return r
end
local function pause(untilAt, by)
  if untilAt > pausedUntil then
    pausedUntil = untilAt
    redis.call('HSET', state, 'pausedUntil', tostring(untilAt), 'pausedBy', by)
  end
end
local function decrease()
  slowStart = false
  if now - lastDecreaseAt < tonumber(ARGV[10]) then return end
  rate = math.max(effective() * tonumber(ARGV[9]), minRate)
  lastDecreaseAt = now
end
if kind == 'delivered' then
  busyLevel = 0
  local r = effective()
  -- Application-limited (RFC 7661): a success long after the last send says nothing about a higher rate.
  if nextAt >= now - 1000 / r and rate < maxRate then
    if slowStart then rate = rate + 1 else rate = rate + tonumber(ARGV[8]) / rate end
    rate = math.min(rate, maxRate)
  end
elseif kind == 'recipient-limited' then
  if KEYS[3] ~= '' then
    local holdMs = tonumber(ARGV[13])
    if wait > holdMs then holdMs = capped end
    local untilAt = now + holdMs
    local existing = tonumber(redis.call('GET', KEYS[3]) or '0')
    if untilAt > existing then redis.call('SET', KEYS[3], tostring(untilAt), 'PX', math.max(1, math.ceil(holdMs))) end
  end
elseif kind == 'rate-limited' or kind == 'reputation' then
  decrease()
  if capped > 0 then pause(now + capped, 'retry-after') end
  if kind == 'reputation' and redis.call('HEXISTS', state, 'wuDay') == 1 then
    redis.call('HSET', state, 'wuDeferred', 1)
  end
elseif kind == 'server-busy' then
  local pauseMs = tonumber(ARGV[11]) * 2 ^ busyLevel
  if pauseMs < capped then pauseMs = capped end
  if pauseMs > maxPause then pauseMs = maxPause end
  if busyLevel < 30 then busyLevel = busyLevel + 1 end
  pause(now + pauseMs, 'server-busy')
end
local slow = '0'
if slowStart then slow = '1' end
redis.call('HSET', state, 'rate', tostring(rate), 'slowStart', slow, 'busyLevel', busyLevel,
  'lastDecreaseAt', tostring(lastDecreaseAt))
-- Shaping rules (matched by the caller): count matches in each rule's window, then act for holdMs.
local count = tonumber(ARGV[15])
for index = 0, count - 1 do
  local base = 16 + index * 7
  local id = ARGV[base]
  local needed = tonumber(ARGV[base + 1])
  local windowMs = tonumber(ARGV[base + 2])
  local holdMs = tonumber(ARGV[base + 3])
  local fire = true
  if needed > 1 then
    local hits = KEYS[4 + index]
    redis.call('ZADD', hits, now, redis.call('INCR', hits .. ':n'))
    redis.call('PEXPIRE', hits .. ':n', windowMs + 1000)
    redis.call('ZREMRANGEBYSCORE', hits, '-inf', now - windowMs)
    redis.call('PEXPIRE', hits, windowMs + 1000)
    if redis.call('ZCARD', hits) < needed then fire = false else redis.call('DEL', hits) end
  end
  if fire then
    local untilAt = now + holdMs
    if ARGV[base + 4] == '1' then pause(untilAt, id) end
    if ARGV[base + 5] ~= '' or ARGV[base + 6] ~= '' then
      local shaped = redis.call('HMGET', state, 'shapedUntil', 'shapedMaxRate', 'shapedMaxConcurrency')
      local shapedUntil = num(shaped[1], 0)
      local shapedRate = num(shaped[2], nil)
      local shapedConcurrency = num(shaped[3], nil)
      if shapedUntil ~= 0 and now >= shapedUntil then shapedRate = nil; shapedConcurrency = nil; shapedUntil = 0 end
      if untilAt > shapedUntil then shapedUntil = untilAt end
      if ARGV[base + 5] ~= '' and (shapedRate == nil or tonumber(ARGV[base + 5]) < shapedRate) then
        shapedRate = tonumber(ARGV[base + 5])
      end
      if ARGV[base + 6] ~= '' and (shapedConcurrency == nil or tonumber(ARGV[base + 6]) < shapedConcurrency) then
        shapedConcurrency = tonumber(ARGV[base + 6])
      end
      redis.call('HSET', state, 'shapedUntil', tostring(shapedUntil), 'shapedBy', id)
      if shapedRate ~= nil then redis.call('HSET', state, 'shapedMaxRate', tostring(shapedRate)) end
      if shapedConcurrency ~= nil then redis.call('HSET', state, 'shapedMaxConcurrency', tostring(shapedConcurrency)) end
    end
  end
end
local ttl = tonumber(ARGV[14])
local keep = math.max(pausedUntil - now, 0) + ttl
redis.call('PEXPIRE', state, math.ceil(keep))
return {tostring(rate), tostring(pausedUntil)}
`;

/** KEYS: 1 state hash, 2 lease zset. ARGV: 1 lease id. An acquired attempt that was not made. */
export const releaseScript = `
redis.call('ZREM', KEYS[2], ARGV[1])
local sent = tonumber(redis.call('HGET', KEYS[1], 'wuSent') or '0')
if sent > 0 then redis.call('HSET', KEYS[1], 'wuSent', sent - 1) end
return 1
`;
