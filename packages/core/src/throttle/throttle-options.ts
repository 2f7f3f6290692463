import { destinationKey, destinationOf } from '../verdict/destination-key';
import { MailverdictError } from '../verdict/errors';
import {
  type CompiledShapingRule,
  compileShapingRules,
  defaultShapingRules,
  type ShapingRule,
} from './shaping-rules';
import { type ResolvedWarmUpPlan, resolveWarmUpPlan, type WarmUpPlan } from './warm-up';

/** Fixed limits for one destination (provider id or domain). Rates are messages per second. */
export interface DestinationLimits {
  /** The rate a new destination starts at (instead of `initialRate`). */
  readonly initialRate?: number;
  /** The rate never grows past this (instead of `maxRate`). */
  readonly maxRate?: number;
  /** At most this many attempts in flight (acquired, no feedback yet). */
  readonly maxConcurrency?: number;
}

export interface ThrottleOptions {
  /** Messages per second a destination starts at. Default 1. */
  readonly initialRate?: number;
  /** The rate never falls below this. Default 1/60 (one a minute). */
  readonly minRate?: number;
  /** The rate never grows past this. Default 100 (KumoMTA's default `max_message_rate` "100/s"). */
  readonly maxRate?: number;
  /** Messages per second added per round of successes (one round = `rate` successes). Default 1. */
  readonly additiveIncrease?: number;
  /** The rate is multiplied by this after a rate limit or reputation deferral. Default 0.7. */
  readonly decreaseFactor?: number;
  /** Further limits within this time after a decrease do not decrease again. Default 1000 ms. */
  readonly decreaseCooldownMs?: number;
  /** Until the first limit, the rate grows by 1 message per second per success (doubling each round). Default true. */
  readonly slowStart?: boolean;
  /** Messages that may go at once after an idle spell. Default 1. */
  readonly burst?: number;
  /** First pause after `server-busy`; doubled for each further one until a success. Default 60,000 ms. */
  readonly busyPauseMs?: number;
  /** No automatic pause (server-busy backoff, Retry-After) is longer than this. Default 4 h. */
  readonly maxPauseMs?: number;
  /** How long one recipient is held after a per-recipient rate limit. Default 15 min. */
  readonly recipientPauseMs?: number;
  /** Held recipients tracked at most (the oldest hold is dropped first). Default 10,000. */
  readonly maxRecipients?: number;
  /** Destinations tracked at most (an idle, unpaused one is dropped first). Default 100,000. */
  readonly maxDestinations?: number;
  /** Per destination (provider id or domain; a provider's domain, `gmail.com`, names its provider): fixed limits. */
  readonly destinations?: Readonly<Record<string, DestinationLimits>>;
  /** Traffic-shaping rules; default `defaultShapingRules`. Pass `[]` for none. */
  readonly shapingRules?: readonly ShapingRule[];
  /** A warm-up plan for a new IP or domain. */
  readonly warmUp?: WarmUpPlan;
}

export interface ResolvedThrottleOptions {
  readonly initialRate: number;
  readonly minRate: number;
  readonly maxRate: number;
  readonly additiveIncrease: number;
  readonly decreaseFactor: number;
  readonly decreaseCooldownMs: number;
  readonly slowStart: boolean;
  readonly burst: number;
  readonly busyPauseMs: number;
  readonly maxPauseMs: number;
  readonly recipientPauseMs: number;
  readonly maxRecipients: number;
  readonly maxDestinations: number;
  readonly destinations: ReadonlyMap<string, DestinationLimits>;
  readonly rules: ReadonlyMap<string, readonly CompiledShapingRule[]>;
  readonly warmUp: ResolvedWarmUpPlan | undefined;
}

const minute = 60_000;
const hour = 60 * minute;

const defaults = {
  initialRate: 1,
  minRate: 1 / 60,
  maxRate: 100,
  additiveIncrease: 1, // TCP congestion avoidance: one segment per round trip (RFC 5681 §3.1)
  decreaseFactor: 0.7, // CUBIC's β (RFC 8312 §4.5): gentler than halving, steadier near the limit
  decreaseCooldownMs: 1000,
  slowStart: true, // RFC 5681 §3.1 slow start, until the first limit
  burst: 1,
  busyPauseMs: minute,
  maxPauseMs: 4 * hour,
  recipientPauseMs: 15 * minute, // docs/retry.md §9: per-recipient limit (Gmail 450 4.2.1) → 15–60 min
  maxRecipients: 10_000,
  maxDestinations: 100_000,
};

function invalid(field: string, message: string): never {
  throw new MailverdictError('invalid-throttle', `createThrottle: \`${field}\` ${message}`);
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    invalid(field, `must be a finite number > 0, got ${describe(value)}`);
  }
  return value;
}

function duration(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    invalid(field, `must be a duration in milliseconds (a finite number ≥ 0), got ${describe(value)}`);
  }
  return value;
}

function integer(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid(field, `must be an integer ≥ 1, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return value === null ? 'null' : typeof value === 'number' ? String(value) : typeof value;
}

const optionKeys = [...Object.keys(defaults), 'destinations', 'shapingRules', 'warmUp'];

/** Validates options; throws a `MailverdictError` naming the field. */
export function resolveThrottleOptions(options: ThrottleOptions): ResolvedThrottleOptions {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createThrottle: `options` must be an object');
  for (const key of Object.keys(options)) {
    if (!optionKeys.includes(key)) invalid(key, `is not a known option (known: ${optionKeys.join(', ')})`);
  }
  const pick = <K extends keyof typeof defaults>(key: K) =>
    (options[key] === undefined ? defaults[key] : options[key]) as (typeof defaults)[K];
  const initialRate = positive(pick('initialRate'), 'initialRate');
  const minRate = positive(pick('minRate'), 'minRate');
  const maxRate = positive(pick('maxRate'), 'maxRate');
  if (minRate > maxRate) invalid('minRate', `(${minRate}) exceeds maxRate (${maxRate})`);
  if (initialRate < minRate || initialRate > maxRate)
    invalid('initialRate', 'must be between minRate and maxRate');
  const decreaseFactor = positive(pick('decreaseFactor'), 'decreaseFactor');
  if (decreaseFactor >= 1) invalid('decreaseFactor', 'must be below 1');
  const slowStart = pick('slowStart');
  if (typeof slowStart !== 'boolean') invalid('slowStart', 'must be a boolean');
  const destinations = new Map<string, DestinationLimits>();
  if (options.destinations !== undefined) {
    if (typeof options.destinations !== 'object' || options.destinations === null) {
      invalid('destinations', 'must be an object keyed by provider id or domain');
    }
    for (const [key, limits] of Object.entries(options.destinations)) {
      const field = `destinations.${key}`;
      // One state per provider: `gmail.com` limits `google`, as the mail to it is keyed.
      const normalized = destinationOf(
        destinationKey(key, `createThrottle: \`${field}\``, 'invalid-throttle'),
      );
      if (destinations.has(normalized)) invalid(field, `is given twice (as ${normalized})`);
      if (typeof limits !== 'object' || limits === null) invalid(field, 'must be an object');
      for (const limit of Object.keys(limits)) {
        if (limit !== 'initialRate' && limit !== 'maxRate' && limit !== 'maxConcurrency') {
          invalid(`${field}.${limit}`, 'is not a known limit (known: initialRate, maxRate, maxConcurrency)');
        }
      }
      if (limits.initialRate !== undefined) positive(limits.initialRate, `${field}.initialRate`);
      if (limits.maxRate !== undefined) positive(limits.maxRate, `${field}.maxRate`);
      if (limits.maxConcurrency !== undefined) integer(limits.maxConcurrency, `${field}.maxConcurrency`);
      destinations.set(normalized, Object.freeze({ ...limits }));
    }
  }
  return {
    initialRate,
    minRate,
    maxRate,
    additiveIncrease: positive(pick('additiveIncrease'), 'additiveIncrease'),
    decreaseFactor,
    decreaseCooldownMs: duration(pick('decreaseCooldownMs'), 'decreaseCooldownMs'),
    slowStart,
    burst: integer(pick('burst'), 'burst'),
    busyPauseMs: duration(pick('busyPauseMs'), 'busyPauseMs'),
    maxPauseMs: duration(pick('maxPauseMs'), 'maxPauseMs'),
    recipientPauseMs: duration(pick('recipientPauseMs'), 'recipientPauseMs'),
    maxRecipients: integer(pick('maxRecipients'), 'maxRecipients'),
    maxDestinations: integer(pick('maxDestinations'), 'maxDestinations'),
    destinations,
    rules: compileShapingRules(options.shapingRules ?? defaultShapingRules),
    warmUp: options.warmUp === undefined ? undefined : resolveWarmUpPlan(options.warmUp),
  };
}
