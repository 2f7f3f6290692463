import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { destinationOf } from '../verdict/destination-key';
import type { Verdict } from '../verdict/verdict';
import { type CompiledShapingRule, shapingRuleMatches, shapingText } from './shaping-rules';
import {
  type DestinationLimits,
  type ResolvedThrottleOptions,
  resolveThrottleOptions,
  type ThrottleOptions,
} from './throttle-options';
import { type DestinationStateJson, parseThrottleState, type ThrottleState } from './throttle-state';
import { advanceWarmUp, nextWarmUpDay, startWarmUp, type WarmUpState, warmUpDay } from './warm-up';

/** Why an attempt must wait. */
export type ThrottleWaitReason =
  /** the destination is paused: by a shaping rule, server-busy backoff or a Retry-After */
  | 'paused'
  /** sending now would exceed the destination's rate */
  | 'rate'
  /** the destination's attempts in flight are at its concurrency limit */
  | 'concurrency'
  /** today's warm-up volume for the destination is used up */
  | 'warm-up'
  /** this recipient is held after a per-recipient rate limit */
  | 'recipient';

export interface ThrottleWait {
  readonly allowed: false;
  /** Epoch ms when asking again can succeed (for `concurrency`, a polling hint: a slot frees on feedback). */
  readonly retryAt: number;
  readonly reason: ThrottleWaitReason;
  /** The shaping rule id (or `server-busy`, `retry-after`) behind a `paused` answer. */
  readonly by?: string;
}

export type ThrottleAnswer = { readonly allowed: true } | ThrottleWait;

/** A destination's state at a given time, for logs and dashboards. */
export interface DestinationSnapshot {
  readonly destination: string;
  /** The rate in force now (messages per second), after fixed and shaping caps. */
  readonly rate: number;
  /** The learned rate, before caps. */
  readonly learnedRate: number;
  readonly pausedUntil?: number;
  readonly pausedBy?: string;
  readonly shapedBy?: string;
  readonly inFlight: number;
  readonly warmUp?: { readonly day: number; readonly allowance: number; readonly sent: number };
}

/** How `feedback` treats a result. */
export interface ThrottleFeedbackOptions {
  /** The recipient, for a per-recipient limit (defaults to a `DeliveryOutcome`'s `recipient`). */
  readonly recipient?: string;
  /**
   * Whether the result ends an attempt made with `acquire`, freeing its concurrency slot (default
   * `true`). Pass `false` for a result that arrives after the attempt was over — an ESP's
   * asynchronous bounce or complaint webhook hours after it accepted the message — so it still
   * shapes the destination's rate but does not free a slot another attempt now holds.
   */
  readonly release?: boolean;
}

export interface Throttle {
  /**
   * May one message go to `destination` (recipient domain, address, MX host or provider id) at `now`?
   * When allowed, the attempt is counted (rate, concurrency, warm-up volume): report its result with
   * `feedback`, or `release` it if it was not made. `recipient` checks a per-recipient hold.
   */
  acquire(destination: string, now: number, recipient?: string): ThrottleAnswer;
  /**
   * The result of an attempt: a verdict or a `DeliveryOutcome` (whose `retryAfterMs` and `recipient`
   * are used). Successes raise the rate; rate limits and reputation deferrals lower it; server-busy
   * pauses with backoff; a per-recipient limit holds only that recipient; shaping rules may fire.
   * The fourth argument is the recipient, or options: `{ recipient, release: false }` for a result
   * that does not end an acquired attempt (a later webhook event).
   */
  feedback(
    destination: string,
    result: Verdict | DeliveryOutcome,
    now: number,
    recipientOrOptions?: string | ThrottleFeedbackOptions,
  ): void;
  /** An acquired attempt that was not made: frees its concurrency slot and its warm-up unit. */
  release(destination: string): void;
  /** The destination's state at `now`, or `undefined` when it is not tracked. */
  inspect(destination: string, now: number): DestinationSnapshot | undefined;
  /** Destinations tracked. */
  readonly size: number;
  /** Plain JSON to persist; restore with `restoreThrottle(state, options)`. */
  toJSON(): ThrottleState;
}

const allowed: ThrottleAnswer = Object.freeze({ allowed: true });
const maxKeyCache = 50_000;

class DestinationState {
  rate: number;
  nextAt = 0;
  slowStart: boolean;
  pausedUntil = 0;
  pausedBy = '';
  busyLevel = 0;
  lastDecreaseAt = Number.NEGATIVE_INFINITY;
  inFlight = 0;
  shapedUntil = 0;
  shapedMaxRate = Number.POSITIVE_INFINITY;
  shapedMaxConcurrency = Number.POSITIVE_INFINITY;
  shapedBy = '';
  hits: Map<string, number[]> | undefined = undefined;
  warmUp: WarmUpState | undefined = undefined;
  readonly limits: DestinationLimits | undefined;
  readonly rules: readonly CompiledShapingRule[] | undefined;

  constructor(
    rate: number,
    slowStart: boolean,
    limits: DestinationLimits | undefined,
    rules: readonly CompiledShapingRule[] | undefined,
  ) {
    this.rate = rate;
    this.slowStart = slowStart;
    this.limits = limits;
    this.rules = rules;
  }
}

function checkTime(now: unknown, method: string): void {
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new TypeError(`throttle.${method}: \`now\` must be epoch milliseconds`);
  }
}

/** The options form of `feedback`'s fourth argument, validated. */
function checkFeedbackOptions(value: unknown): ThrottleFeedbackOptions {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('throttle.feedback: the fourth argument must be a recipient address or options');
  }
  const options = value as ThrottleFeedbackOptions;
  checkRecipient(options.recipient, 'feedback');
  if (options.release !== undefined && typeof options.release !== 'boolean') {
    throw new TypeError('throttle.feedback: `release` must be a boolean when given');
  }
  return options;
}

function checkRecipient(recipient: unknown, method: string): void {
  if (recipient !== undefined && typeof recipient !== 'string') {
    throw new TypeError(`throttle.${method}: \`recipient\` must be an address when given`);
  }
}

function checkDestination(destination: unknown, method: string): void {
  if (typeof destination !== 'string' || destination.length === 0) {
    throw new TypeError(
      `throttle.${method}: \`destination\` must be a non-empty domain, address, host or provider id`,
    );
  }
}

/**
 * A per-destination sending throttle: answers "may I send to this destination now, and if not,
 * when". Destinations are recipient domains rolled up to their mailbox provider; unknown domains
 * stand alone. Nothing reads a clock: every call takes `now` (epoch ms). One throttle paces one
 * sending route: provider-scope failures pause the route, never a destination.
 *
 * The rate follows AIMD (additive increase, multiplicative decrease, as TCP congestion control,
 * RFC 5681): slow start until the first limit, then +`additiveIncrease` msg/s per round of successes,
 * ×`decreaseFactor` on a rate limit or reputation deferral. Successes while the destination is idle
 * (not sending near its rate) do not raise it (RFC 7661: no growth while application-limited).
 */
export function createThrottle(options: ThrottleOptions = {}): Throttle {
  return buildThrottle(resolveThrottleOptions(options), undefined);
}

/**
 * A throttle restored from `throttle.toJSON()`, with `options` (rules, warm-up plan and limits are
 * options, not state). The state is validated: a malformed one is a `MailverdictError` naming the bad
 * path. Match times of shaping rules that no longer exist are dropped; attempts in flight are not
 * persisted (they did not survive the restart).
 */
export function restoreThrottle(state: unknown, options: ThrottleOptions = {}): Throttle {
  return buildThrottle(resolveThrottleOptions(options), parseThrottleState(state));
}

function buildThrottle(options: ResolvedThrottleOptions, restored: ThrottleState | undefined): Throttle {
  const states = new Map<string, DestinationState>();
  const holds = new Map<string, number>();
  const warmUp = options.warmUp;
  // Destination keys of recently seen inputs: one map lookup instead of re-deriving the rollup on
  // every call. Bounded: cleared when it grows past `maxKeyCache` entries.
  const keyCache = new Map<string, string>();
  function keyOf(destination: string): string {
    let key = keyCache.get(destination);
    if (key === undefined) {
      key = destinationOf(destination);
      if (keyCache.size >= maxKeyCache) keyCache.clear();
      keyCache.set(destination, key);
    }
    return key;
  }
  // The latest time any call gave: eviction has no `now` of its own.
  let latest = Number.NEGATIVE_INFINITY;
  // One throttle paces one sending route (an ESP account, a relay): a failure whose scope is
  // `provider` (the ESP's outage or quota) pauses the route, never the recipient's destination.
  const route = new DestinationState(options.maxRate, false, undefined, undefined);

  function create(key: string): DestinationState {
    const limits = options.destinations.get(key);
    let rate = limits?.initialRate ?? options.initialRate;
    if (rate < options.minRate) rate = options.minRate;
    return new DestinationState(rate, options.slowStart, limits, options.rules.get(key));
  }

  function track(key: string, state: DestinationState): void {
    if (states.size >= options.maxDestinations) evict();
    states.set(key, state);
  }

  // Drops the oldest-tracked destination that is neither paused nor shaped (looking at a few), else the oldest.
  function evict(): void {
    let scanned = 0;
    let oldest: string | undefined;
    for (const [key, state] of states) {
      oldest ??= key;
      if (state.pausedUntil <= latest && state.shapedUntil <= latest && state.inFlight === 0) {
        states.delete(key);
        return;
      }
      if (++scanned >= 32) break;
    }
    if (oldest !== undefined) states.delete(oldest);
  }

  function stateFor(key: string): DestinationState {
    let state = states.get(key);
    if (state === undefined) {
      state = create(key);
      track(key, state);
    }
    return state;
  }

  function maxRateOf(state: DestinationState): number {
    return state.limits?.maxRate ?? options.maxRate;
  }

  function effectiveRate(state: DestinationState, now: number): number {
    let rate = state.rate;
    const max = maxRateOf(state);
    if (rate > max) rate = max;
    if (state.shapedUntil !== 0) {
      if (now < state.shapedUntil) {
        if (rate > state.shapedMaxRate) rate = state.shapedMaxRate;
      } else clearShaping(state);
    }
    return rate;
  }

  function clearShaping(state: DestinationState): void {
    state.shapedUntil = 0;
    state.shapedMaxRate = Number.POSITIVE_INFINITY;
    state.shapedMaxConcurrency = Number.POSITIVE_INFINITY;
    state.shapedBy = '';
  }

  function warmUpState(key: string, state: DestinationState, now: number): WarmUpState | undefined {
    if (warmUp === undefined) return undefined;
    const step = warmUp.destinations.get(key) ?? warmUp.others;
    if (step === undefined) return undefined;
    const day = warmUpDay(warmUp, now);
    if (state.warmUp === undefined) state.warmUp = startWarmUp(step, day);
    else advanceWarmUp(state.warmUp, step, day);
    return state.warmUp;
  }

  /** A pause, a hold or a shaping window ends at most `maxPauseMs` after `now` (a clock ahead cannot stretch it). */
  function clampUntil(until: number, now: number): number {
    return Math.min(until, now + options.maxPauseMs);
  }

  function pause(state: DestinationState, until: number, by: string): void {
    if (until > state.pausedUntil) {
      state.pausedUntil = until;
      state.pausedBy = by;
    }
  }

  function decrease(state: DestinationState, now: number): void {
    state.slowStart = false;
    if (now - state.lastDecreaseAt < options.decreaseCooldownMs) return;
    // Decrease from the rate actually in force, not from a nominal rate above a cap.
    const next = effectiveRate(state, now) * options.decreaseFactor;
    state.rate = Math.max(next, options.minRate);
    state.lastDecreaseAt = now;
  }

  function increase(state: DestinationState, now: number): void {
    const rate = effectiveRate(state, now);
    // Application-limited: the last send was long ago, so success says nothing about a higher rate.
    if (state.nextAt < now - 1000 / rate) return;
    const max = maxRateOf(state);
    if (state.rate >= max) return;
    const next = state.slowStart ? state.rate + 1 : state.rate + options.additiveIncrease / state.rate;
    state.rate = Math.min(next, max);
  }

  function hold(key: string, recipient: string, until: number): void {
    const holdKey = `${key} ${recipient.toLowerCase()}`;
    const existing = holds.get(holdKey);
    if (existing !== undefined) {
      if (until > existing) holds.set(holdKey, until);
      return;
    }
    if (holds.size >= options.maxRecipients) {
      const oldest = holds.keys().next();
      if (!oldest.done) holds.delete(oldest.value);
    }
    holds.set(holdKey, until);
  }

  function applyRules(state: DestinationState, verdict: Verdict, now: number): void {
    const rules = state.rules;
    if (rules === undefined) return;
    const text = shapingText(verdict);
    for (const rule of rules) {
      if (!shapingRuleMatches(rule, verdict, text)) continue;
      if (rule.count > 1) {
        state.hits ??= new Map();
        let times = state.hits.get(rule.id);
        if (times === undefined) {
          times = [];
          state.hits.set(rule.id, times);
        }
        times.push(now);
        // Keep only matches inside the window, and never more than the count (bounded memory).
        const since = now - rule.windowMs;
        let drop = 0;
        while (drop < times.length && (times[drop] as number) <= since) drop++;
        if (times.length - drop > rule.count) drop = times.length - rule.count;
        if (drop > 0) times.splice(0, drop);
        if (times.length < rule.count) continue;
        state.hits.delete(rule.id);
      }
      const until = now + rule.holdMs;
      if (rule.action.pause === true) pause(state, until, rule.id);
      if (rule.action.maxRate !== undefined || rule.action.maxConcurrency !== undefined) {
        if (state.shapedUntil !== 0 && now >= state.shapedUntil) clearShaping(state);
        if (until > state.shapedUntil) state.shapedUntil = until;
        if (rule.action.maxRate !== undefined && rule.action.maxRate < state.shapedMaxRate) {
          state.shapedMaxRate = rule.action.maxRate;
        }
        if (
          rule.action.maxConcurrency !== undefined &&
          rule.action.maxConcurrency < state.shapedMaxConcurrency
        ) {
          state.shapedMaxConcurrency = rule.action.maxConcurrency;
        }
        state.shapedBy = rule.id;
      }
    }
  }

  /**
   * A provider-scope result: a transient failure pauses the route for the wait it names, else with
   * the server-busy backoff; a permanent one (a suspended account) is for `decideRetry` to hold.
   */
  function routeFeedback(verdict: Verdict, capped: number, now: number): void {
    if (verdict.permanence === 'success') {
      route.busyLevel = 0;
      return;
    }
    if (verdict.permanence !== 'transient') return;
    if (capped > 0) {
      pause(route, now + capped, 'retry-after');
      return;
    }
    let pauseMs = options.busyPauseMs * 2 ** route.busyLevel;
    if (pauseMs > options.maxPauseMs) pauseMs = options.maxPauseMs;
    if (route.busyLevel < 30) route.busyLevel++;
    pause(route, now + pauseMs, 'server-busy');
  }

  const throttle: Throttle = {
    acquire(destination, now, recipient) {
      checkDestination(destination, 'acquire');
      checkTime(now, 'acquire');
      checkRecipient(recipient, 'acquire');
      if (now > latest) latest = now;
      if (now < route.pausedUntil) {
        route.pausedUntil = clampUntil(route.pausedUntil, now);
        return {
          allowed: false,
          retryAt: route.pausedUntil,
          reason: 'paused',
          by: `route:${route.pausedBy}`,
        };
      }
      const key = keyOf(destination);
      const state = stateFor(key);
      if (now < state.pausedUntil) {
        state.pausedUntil = clampUntil(state.pausedUntil, now);
        return { allowed: false, retryAt: state.pausedUntil, reason: 'paused', by: state.pausedBy };
      }
      if (recipient !== undefined && holds.size > 0) {
        const holdKey = `${key} ${recipient.toLowerCase()}`;
        const until = holds.get(holdKey);
        if (until !== undefined) {
          if (now < until) return { allowed: false, retryAt: clampUntil(until, now), reason: 'recipient' };
          holds.delete(holdKey);
        }
      }
      const warm = warmUpState(key, state, now);
      if (warm !== undefined && warm.sent >= Math.floor(warm.allowance)) {
        return { allowed: false, retryAt: nextWarmUpDay(warmUp!, warm.day), reason: 'warm-up' };
      }
      const rate = effectiveRate(state, now);
      const interval = 1000 / rate;
      let concurrency = state.limits?.maxConcurrency ?? Number.POSITIVE_INFINITY;
      if (state.shapedMaxConcurrency < concurrency) concurrency = state.shapedMaxConcurrency;
      if (state.inFlight >= concurrency) {
        return { allowed: false, retryAt: now + interval, reason: 'concurrency' };
      }
      // GCRA (the "virtual scheduling" token bucket): one message per interval, `burst` at once.
      // A next-send time from a clock ahead or restored state never lies beyond one burst.
      const furthest = now + options.burst * interval;
      if (state.nextAt > furthest) state.nextAt = furthest;
      const earliest = state.nextAt - (options.burst - 1) * interval;
      if (now < earliest) return { allowed: false, retryAt: earliest, reason: 'rate' };
      state.nextAt = Math.max(state.nextAt, now) + interval;
      state.inFlight++;
      if (warm !== undefined) warm.sent++;
      return allowed;
    },

    feedback(destination, result, now, recipientOrOptions) {
      checkDestination(destination, 'feedback');
      checkTime(now, 'feedback');
      // The plain recipient string (or nothing) is the hot path: no options object to read.
      let recipient: string | undefined;
      let release = true;
      if (typeof recipientOrOptions === 'string' || recipientOrOptions === undefined) {
        recipient = recipientOrOptions;
      } else {
        const options = checkFeedbackOptions(recipientOrOptions);
        recipient = options.recipient;
        release = options.release ?? true;
      }
      if (now > latest) latest = now;
      if (typeof result !== 'object' || result === null) {
        throw new TypeError('throttle.feedback: `result` must be a Verdict or a DeliveryOutcome');
      }
      let verdict: Verdict;
      let retryAfter = 0;
      let who = recipient;
      if ('verdict' in result) {
        verdict = result.verdict;
        if (typeof result.retryAfterMs === 'number' && result.retryAfterMs > 0)
          retryAfter = result.retryAfterMs;
        who ??= result.recipient;
      } else verdict = result;
      if (typeof verdict !== 'object' || verdict === null || typeof verdict.category !== 'string') {
        throw new TypeError('throttle.feedback: `result` must be a Verdict or a DeliveryOutcome');
      }
      const key = keyOf(destination);
      const state = stateFor(key);
      if (release && state.inFlight > 0) state.inFlight--;
      const afterMs = verdict.retry?.afterMs;
      const wait = typeof afterMs === 'number' && afterMs > retryAfter ? afterMs : retryAfter;
      const capped = Math.min(wait, options.maxPauseMs);
      if (verdict.scope === 'provider') {
        routeFeedback(verdict, capped, now);
        return;
      }
      if (verdict.permanence === 'success') route.busyLevel = 0;

      switch (verdict.category) {
        case 'delivered':
        // An ESP or relay took it: the send went through at this pace.
        case 'accepted':
          state.busyLevel = 0;
          increase(state, now);
          return; // successes never match shaping rules
        case 'rate-limited':
          if (verdict.scope === 'recipient') {
            // A per-recipient limit (Gmail 450 4.2.1) slows only that recipient.
            if (who !== undefined)
              hold(key, who, now + (wait > options.recipientPauseMs ? capped : options.recipientPauseMs));
            break;
          }
          decrease(state, now);
          if (capped > 0) pause(state, now + capped, 'retry-after');
          break;
        case 'reputation':
          decrease(state, now);
          if (capped > 0) pause(state, now + capped, 'retry-after');
          if (state.warmUp !== undefined) {
            warmUpState(key, state, now);
            state.warmUp.deferred = true;
          }
          break;
        case 'server-busy': {
          // Back off: the first pause, doubled for each further server-busy until a success.
          let pauseMs = options.busyPauseMs * 2 ** state.busyLevel;
          if (pauseMs < capped) pauseMs = capped;
          if (pauseMs > options.maxPauseMs) pauseMs = options.maxPauseMs;
          if (state.busyLevel < 30) state.busyLevel++;
          pause(state, now + pauseMs, 'server-busy');
          break;
        }
        default:
          if (verdict.permanence === 'success') return;
      }
      applyRules(state, verdict, now);
    },

    release(destination) {
      checkDestination(destination, 'release');
      const state = states.get(keyOf(destination));
      if (state === undefined) return;
      if (state.inFlight > 0) state.inFlight--;
      // The message did not go: it does not count against today's warm-up volume.
      if (state.warmUp !== undefined && state.warmUp.sent > 0) state.warmUp.sent--;
    },

    inspect(destination, now) {
      checkDestination(destination, 'inspect');
      checkTime(now, 'inspect');
      const key = keyOf(destination);
      const state = states.get(key);
      if (state === undefined) return undefined;
      const warm = warmUpState(key, state, now);
      return {
        destination: key,
        rate: effectiveRate(state, now),
        learnedRate: state.rate,
        inFlight: state.inFlight,
        ...(now < state.pausedUntil ? { pausedUntil: state.pausedUntil, pausedBy: state.pausedBy } : {}),
        ...(state.shapedBy !== '' ? { shapedBy: state.shapedBy } : {}),
        ...(warm === undefined
          ? {}
          : { warmUp: { day: warm.day, allowance: Math.floor(warm.allowance), sent: warm.sent } }),
      };
    },

    get size() {
      return states.size;
    },

    toJSON() {
      // Object.fromEntries defines own properties, so even a `__proto__` destination survives.
      const destinations = Object.fromEntries([...states].map(([key, state]) => [key, serialize(state)]));
      // Holds already over (by the latest time any call gave) are left out.
      const recipients = Object.fromEntries([...holds].filter(([, until]) => until > latest));
      return (route.pausedUntil !== 0 && route.pausedUntil > latest) || route.busyLevel > 0
        ? { version: 1, destinations, recipients, route: serialize(route) }
        : { version: 1, destinations, recipients };
    },
  };

  if (restored !== undefined) {
    for (const [key, json] of Object.entries(restored.destinations)) {
      const state = create(key);
      // Restored state is clamped to what the options allow (a rate of 1e-300 would block for ever).
      state.rate = Math.min(Math.max(json.rate, options.minRate), maxRateOf(state));
      state.nextAt = json.nextAt;
      state.slowStart = json.slowStart;
      state.pausedUntil = json.pausedUntil ?? 0;
      state.pausedBy = json.pausedBy ?? '';
      state.busyLevel = json.busyLevel ?? 0;
      state.lastDecreaseAt = json.lastDecreaseAt ?? Number.NEGATIVE_INFINITY;
      state.shapedUntil = json.shapedUntil ?? 0;
      state.shapedMaxRate = json.shapedMaxRate ?? Number.POSITIVE_INFINITY;
      state.shapedMaxConcurrency = json.shapedMaxConcurrency ?? Number.POSITIVE_INFINITY;
      state.shapedBy = json.shapedBy ?? '';
      if (json.hits !== undefined && state.rules !== undefined) {
        for (const rule of state.rules) {
          const times = json.hits[rule.id];
          if (times !== undefined && times.length > 0) {
            state.hits ??= new Map();
            state.hits.set(rule.id, times.slice(-rule.count));
          }
        }
      }
      if (json.warmUp !== undefined) state.warmUp = { ...json.warmUp };
      track(key, state);
    }
    if (restored.route !== undefined) {
      route.pausedUntil = restored.route.pausedUntil ?? 0;
      route.pausedBy = restored.route.pausedBy ?? '';
      route.busyLevel = restored.route.busyLevel ?? 0;
    }
    for (const [key, until] of Object.entries(restored.recipients)) {
      const space = key.indexOf(' ');
      if (space > 0) hold(key.slice(0, space), key.slice(space + 1), until);
    }
  }
  return throttle;
}

function serialize(state: DestinationState): DestinationStateJson {
  const json: Record<string, unknown> = {
    rate: state.rate,
    nextAt: state.nextAt,
    slowStart: state.slowStart,
  };
  if (state.pausedUntil !== 0) {
    json.pausedUntil = state.pausedUntil;
    json.pausedBy = state.pausedBy;
  }
  if (state.busyLevel !== 0) json.busyLevel = state.busyLevel;
  if (Number.isFinite(state.lastDecreaseAt)) json.lastDecreaseAt = state.lastDecreaseAt;
  if (state.shapedUntil !== 0) {
    json.shapedUntil = state.shapedUntil;
    if (Number.isFinite(state.shapedMaxRate)) json.shapedMaxRate = state.shapedMaxRate;
    if (Number.isFinite(state.shapedMaxConcurrency)) json.shapedMaxConcurrency = state.shapedMaxConcurrency;
    json.shapedBy = state.shapedBy;
  }
  if (state.hits !== undefined && state.hits.size > 0) json.hits = Object.fromEntries(state.hits);
  if (state.warmUp !== undefined) json.warmUp = { ...state.warmUp };
  return json as unknown as DestinationStateJson;
}
