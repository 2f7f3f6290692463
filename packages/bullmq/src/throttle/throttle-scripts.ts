// The shared throttle's Lua scripts. Each runs atomically in Redis (a script runs to the end before any
// other command), so workers racing for one destination see one state. The arithmetic is core's throttle
// (`createThrottle`) moved into Redis: GCRA for the rate, AIMD on feedback (RFC 5681 slow start and
// additive increase, ×decreaseFactor on a limit), doubling server-busy pauses, route pauses for
// provider-scope failures, shaping rule windows, warm-up days and core's clamps. On top of core, a
// window count keeps the rate where the destination receives (README "Redis data layout").

/** Shared helpers: the clock (ARGV 1 when given, else the Redis server's), numbers, warm-up days. */
const common = `
local function clock(value)
  if value ~= nil and value ~= '' then return tonumber(value) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- Numbers written back keep every bit of the double (tostring keeps 14 digits): Redis and core agree exactly.
local function str(value) return string.format('%.17g', value) end
local function num(value, default)
  if value == false or value == nil then return default end
  return tonumber(value)
end
-- Warm-up (core's warm-up.ts): spec is 'firstDay|factor|maxDaily|startAt|dayMs'. Returns the state moved to
-- the day 'now' falls in: day, allowance, sent, deferred, the plan's startAt and dayMs.
local function warmUp(spec, fields, now)
  local first, factor, maxDaily, startAt, dayMs = string.match(spec, '([^|]+)|([^|]+)|([^|]+)|([^|]+)|([^|]+)')
  first = tonumber(first); factor = tonumber(factor); maxDaily = tonumber(maxDaily)
  startAt = tonumber(startAt); dayMs = tonumber(dayMs)
  local day = 0
  if now > startAt then day = math.floor((now - startAt) / dayMs) end
  local wuDay = num(fields[1], nil)
  if wuDay == nil then return day, first, 0, 0, startAt, dayMs end
  local allowance = num(fields[2], first)
  local sent = num(fields[3], 0)
  local deferred = num(fields[4], 0)
  if day > wuDay then
    if sent > 0 and deferred == 0 then allowance = math.min(maxDaily, allowance * factor) end
    return day, allowance, 0, 0, startAt, dayMs
  end
  return wuDay, allowance, sent, deferred, startAt, dayMs
end
-- A release: the attempt left the in-flight set and counts as sent at 'at'. Only the newest 'keep'
-- releases are kept: no window counts more than that (the limit at the highest rate).
local function released(inflight, sent, id, at, keep)
  if redis.call('ZREM', inflight, id) == 1 then
    redis.call('ZADD', sent, str(tonumber(at)), id)
    redis.call('ZREMRANGEBYRANK', sent, 0, -keep - 1)
  end
end
`;

/**
 * KEYS: 1 route hash, 2 state hash, 3 in-flight zset (lease id → lease end), 4 sent zset (lease id →
 * release time), 5 recipient hold ('' = none).
 * ARGV: 1 now|'', 2 lease id, 3 lease ms, 4 initialRate, 5 maxRate, 6 maxConcurrency (0 = none), 7 burst,
 * 8 state TTL ms, 9 warm-up spec|'', 10 slowStart (1/0), 11 maxPauseMs, 12 windowMs, 13 sent kept ms,
 * 14 sent kept count.
 * Returns {1} when allowed, else {0, retryAt, reason, by}.
 */
export const acquireScript = `${common}
local now = clock(ARGV[1])
local maxPause = tonumber(ARGV[11])
-- The route first: a provider-scope failure (an ESP's outage or quota) stops every destination.
local route = redis.call('HMGET', KEYS[1], 'pausedUntil', 'pausedBy')
local routeUntil = num(route[1], 0)
if now < routeUntil then
  if routeUntil > now + maxPause then
    routeUntil = now + maxPause
    redis.call('HSET', KEYS[1], 'pausedUntil', str(routeUntil))
  end
  return {0, str(routeUntil), 'paused', 'route:' .. (route[2] or '')}
end
local state = KEYS[2]
local fields = redis.call('HMGET', state, 'rate', 'nextAt', 'pausedUntil', 'pausedBy', 'shapedUntil',
  'shapedMaxRate', 'shapedMaxConcurrency', 'wuDay', 'wuAllowance', 'wuSent', 'wuDeferred')
local rate = num(fields[1], tonumber(ARGV[4]))
local nextAt = num(fields[2], 0)
local pausedUntil = num(fields[3], 0)
if now < pausedUntil then
  -- A pause set from a clock far ahead never lasts more than maxPauseMs from now.
  if pausedUntil > now + maxPause then
    pausedUntil = now + maxPause
    redis.call('HSET', state, 'pausedUntil', str(pausedUntil))
  end
  return {0, str(pausedUntil), 'paused', fields[4] or ''}
end
if KEYS[5] ~= '' then
  local untilAt = tonumber(redis.call('GET', KEYS[5]) or '0')
  if now < untilAt then return {0, str(math.min(untilAt, now + maxPause)), 'recipient', ''} end
end
local warm = ARGV[9]
local wuDay, wuAllowance, wuSent, wuDeferred
if warm ~= '' then
  local startAt, dayMs
  wuDay, wuAllowance, wuSent, wuDeferred, startAt, dayMs = warmUp(warm, {fields[8], fields[9], fields[10], fields[11]}, now)
  if wuSent >= math.floor(wuAllowance) then
    redis.call('HSET', state, 'wuDay', wuDay, 'wuAllowance', str(wuAllowance), 'wuSent', wuSent, 'wuDeferred', wuDeferred)
    return {0, str(startAt + (wuDay + 1) * dayMs), 'warm-up', ''}
  end
end
-- cap: the configured rate in force (the destination's maxRate, lowered by a shaping cap); rate: the
-- learned rate under it.
local cap = tonumber(ARGV[5])
local shapedUntil = num(fields[5], 0)
local concurrency = tonumber(ARGV[6])
if shapedUntil ~= 0 then
  if now < shapedUntil then
    local shapedRate = num(fields[6], nil)
    if shapedRate ~= nil and cap > shapedRate then cap = shapedRate end
    local shapedConcurrency = num(fields[7], nil)
    if shapedConcurrency ~= nil and (concurrency == 0 or shapedConcurrency < concurrency) then
      concurrency = shapedConcurrency
    end
  else
    redis.call('HDEL', state, 'shapedUntil', 'shapedMaxRate', 'shapedMaxConcurrency', 'shapedBy')
  end
end
if rate > cap then rate = cap end
local interval = 1000 / rate
local burst = tonumber(ARGV[7])
local keep = tonumber(ARGV[14])
-- A lease whose worker died ends: it counts as sent at its end, so a crash never holds a slot for ever.
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', str(now), 'WITHSCORES')
for index = 1, #expired, 2 do released(KEYS[3], KEYS[4], expired[index], expired[index + 1], keep) end
local inFlight = redis.call('ZCARD', KEYS[3])
if concurrency > 0 and inFlight >= concurrency then
  return {0, str(now + interval), 'concurrency', ''}
end
-- GCRA (core's "virtual scheduling"): one message per interval, burst at once; a next-send time from a
-- clock ahead never lies beyond one burst.
local furthest = now + burst * interval
if nextAt > furthest then
  nextAt = furthest
  redis.call('HSET', state, 'nextAt', str(nextAt))
end
local earliest = nextAt - (burst - 1) * interval
if now < earliest then return {0, str(earliest), 'rate', ''} end
-- The window count: attempts in flight plus attempts released within the window stay below the most
-- the configured rate admits in the window, so the destination never receives more than that in any
-- window, whatever the transit time (README "Redis data layout").
local windowMs = math.max(tonumber(ARGV[12]), 1000 / cap)
local limit = math.ceil(cap * windowMs / 1000 - 1e-9) + burst - 1
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', str(now - tonumber(ARGV[13])))
local recent = redis.call('ZCOUNT', KEYS[4], '(' .. str(now - windowMs), '+inf')
if inFlight + recent >= limit then
  local retryAt = now + interval
  if inFlight < limit then
    -- The (inFlight + recent - limit + 1)-th oldest release in the window must leave it first.
    local leaving = redis.call('ZRANGEBYSCORE', KEYS[4], '(' .. str(now - windowMs), '+inf', 'WITHSCORES',
      'LIMIT', inFlight + recent - limit, 1)
    if leaving[2] ~= nil then retryAt = tonumber(leaving[2]) + windowMs end
  end
  return {0, str(retryAt), 'rate', ''}
end
nextAt = math.max(nextAt, now) + interval
redis.call('HSET', state, 'nextAt', str(nextAt))
if fields[1] == false then redis.call('HSET', state, 'rate', ARGV[4], 'slowStart', ARGV[10]) end
if warm ~= '' then
  redis.call('HSET', state, 'wuDay', wuDay, 'wuAllowance', str(wuAllowance), 'wuSent', wuSent + 1, 'wuDeferred', wuDeferred)
end
redis.call('ZADD', KEYS[3], str(now + tonumber(ARGV[3])), ARGV[2])
-- Expired leases are moved to the sent set by the next call: keep them that long after the last lease ends.
redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[3]) + tonumber(ARGV[13]) + 1000)
redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[8]))
redis.call('PEXPIRE', state, tonumber(ARGV[8]))
return {1}
`;

/**
 * KEYS: 1 route hash, 2 state hash, 3 in-flight zset, 4 sent zset, 5 recipient hold key ('' = none),
 * 6… one hits zset per rule in ARGV.
 * ARGV: 1 now|'', 2 lease id ('' = release nothing), 3 kind (delivered | rate-limited | recipient-limited |
 * reputation | server-busy | other | provider-transient | provider-success | provider-other), 4 wait ms
 * (Retry-After or the verdict's own wait), 5 initialRate, 6 maxRate, 7 minRate, 8 additiveIncrease,
 * 9 decreaseFactor, 10 decreaseCooldownMs, 11 busyPauseMs, 12 maxPauseMs, 13 recipientPauseMs, 14 state
 * TTL ms, 15 slowStart (1/0), 16 success (1/0: the verdict's permanence), 17 warm-up spec|'', 18 sent kept
 * count, 19 rule count, then per rule: id, count, windowMs, holdMs, pause (0/1), maxRate ('' = none),
 * maxConcurrency ('' = none).
 */
export const feedbackScript = `${common}
local now = clock(ARGV[1])
local state = KEYS[2]
local ttl = tonumber(ARGV[14])
-- The attempt is over: the destination has the message (or never will), so its release time is now.
if ARGV[2] ~= '' then released(KEYS[3], KEYS[4], ARGV[2], now, tonumber(ARGV[18])) end
local kind = ARGV[3]
local wait = tonumber(ARGV[4])
local maxPause = tonumber(ARGV[12])
local capped = math.min(wait, maxPause)
local busyPause = tonumber(ARGV[11])
-- A provider-scope result concerns the route, never the recipient's destination (core's routeFeedback).
if kind == 'provider-transient' or kind == 'provider-success' or kind == 'provider-other' then
  if kind == 'provider-success' then
    if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'busyLevel', 0) end
  elseif kind == 'provider-transient' then
    local route = redis.call('HMGET', KEYS[1], 'pausedUntil', 'busyLevel')
    local routeUntil = num(route[1], 0)
    local level = num(route[2], 0)
    local untilAt, by
    if capped > 0 then
      untilAt = now + capped; by = 'retry-after'
    else
      local pauseMs = math.min(busyPause * 2 ^ level, maxPause)
      if level < 30 then level = level + 1 end
      untilAt = now + pauseMs; by = 'server-busy'
    end
    redis.call('HSET', KEYS[1], 'busyLevel', level)
    if untilAt > routeUntil then
      routeUntil = untilAt
      redis.call('HSET', KEYS[1], 'pausedUntil', str(untilAt), 'pausedBy', by)
    end
    redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(routeUntil - now, 0) + ttl))
  end
  return 1
end
if ARGV[16] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'busyLevel', 0) end
local maxRate = tonumber(ARGV[6])
local minRate = tonumber(ARGV[7])
local fields = redis.call('HMGET', state, 'rate', 'nextAt', 'slowStart', 'lastDecreaseAt', 'busyLevel',
  'pausedUntil', 'shapedUntil', 'shapedMaxRate', 'wuDay', 'wuAllowance', 'wuSent', 'wuDeferred')
local rate = num(fields[1], tonumber(ARGV[5]))
local nextAt = num(fields[2], 0)
local slowStart = fields[3] == '1' or (fields[3] == false and ARGV[15] == '1')
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
    redis.call('HSET', state, 'pausedUntil', str(untilAt), 'pausedBy', by)
  end
end
local function decrease()
  slowStart = false
  if now - lastDecreaseAt < tonumber(ARGV[10]) then return end
  -- From the rate in force, not from a nominal rate above a cap.
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
  if KEYS[5] ~= '' then
    local holdMs = tonumber(ARGV[13])
    if wait > holdMs then holdMs = capped end
    local untilAt = now + holdMs
    local existing = tonumber(redis.call('GET', KEYS[5]) or '0')
    if untilAt > existing then redis.call('SET', KEYS[5], str(untilAt), 'PX', math.max(1, math.ceil(holdMs))) end
  end
elseif kind == 'rate-limited' or kind == 'reputation' then
  decrease()
  if capped > 0 then pause(now + capped, 'retry-after') end
  if kind == 'reputation' and fields[9] ~= false and ARGV[17] ~= '' then
    -- The deferral counts on the day it happened: move the warm-up state to today first.
    local day, allowance, sent = warmUp(ARGV[17], {fields[9], fields[10], fields[11], fields[12]}, now)
    redis.call('HSET', state, 'wuDay', day, 'wuAllowance', str(allowance), 'wuSent', sent, 'wuDeferred', 1)
  end
elseif kind == 'server-busy' then
  local pauseMs = busyPause * 2 ^ busyLevel
  if pauseMs < capped then pauseMs = capped end
  if pauseMs > maxPause then pauseMs = maxPause end
  if busyLevel < 30 then busyLevel = busyLevel + 1 end
  pause(now + pauseMs, 'server-busy')
end
local slow = '0'
if slowStart then slow = '1' end
redis.call('HSET', state, 'rate', str(rate), 'slowStart', slow, 'busyLevel', busyLevel,
  'lastDecreaseAt', str(lastDecreaseAt))
-- Shaping rules (matched by the caller): count matches in each rule's window, then act for holdMs.
local count = tonumber(ARGV[19])
for index = 0, count - 1 do
  local base = 20 + index * 7
  local id = ARGV[base]
  local needed = tonumber(ARGV[base + 1])
  local windowMs = tonumber(ARGV[base + 2])
  local holdMs = tonumber(ARGV[base + 3])
  local fire = true
  if needed > 1 then
    local hits = KEYS[6 + index]
    redis.call('ZADD', hits, str(now), redis.call('INCR', hits .. ':n'))
    redis.call('PEXPIRE', hits .. ':n', math.ceil(windowMs) + 1000)
    redis.call('ZREMRANGEBYSCORE', hits, '-inf', str(now - windowMs))
    -- Never more match times than the count (core keeps the same bound).
    redis.call('ZREMRANGEBYRANK', hits, 0, -needed - 1)
    redis.call('PEXPIRE', hits, math.ceil(windowMs) + 1000)
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
      redis.call('HSET', state, 'shapedUntil', str(shapedUntil), 'shapedBy', id)
      if shapedRate ~= nil then redis.call('HSET', state, 'shapedMaxRate', str(shapedRate)) end
      if shapedConcurrency ~= nil then redis.call('HSET', state, 'shapedMaxConcurrency', str(shapedConcurrency)) end
    end
  end
end
local keep = math.max(pausedUntil - now, 0) + ttl
redis.call('PEXPIRE', state, math.ceil(keep))
return 1
`;

/**
 * KEYS: 1 in-flight zset, 2 sent zset, 3 state hash. ARGV: 1 now|'', 2 lease id, 3 mode (`unsent` = the
 * attempt was not made: it leaves without counting as sent and gives back its warm-up unit; `sent` = made,
 * its result unknown: it counts as sent now), 4 sent kept count.
 */
export const releaseScript = `${common}
if ARGV[3] == 'sent' then
  released(KEYS[1], KEYS[2], ARGV[2], clock(ARGV[1]), tonumber(ARGV[4]))
  return 1
end
if redis.call('ZREM', KEYS[1], ARGV[2]) == 1 then
  local sent = tonumber(redis.call('HGET', KEYS[3], 'wuSent') or '0')
  if sent > 0 then redis.call('HSET', KEYS[3], 'wuSent', sent - 1) end
end
return 1
`;
