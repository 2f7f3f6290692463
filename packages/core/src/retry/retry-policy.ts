import { destinationKey } from '../verdict/destination-key';
import { MailverdictError } from '../verdict/errors';
import { type Category, categories } from '../verdict/taxonomy';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Categories that never reach a retry schedule: successes, and `expired` (always a give-up). */
type Unscheduled = 'delivered' | 'accepted' | 'auto-reply' | 'complaint' | 'expired';

/**
 * What a schedule is chosen by: a failure category, or `rate-limited-recipient` for a rate limit on
 * one recipient (`rate-limited` with scope `recipient`, e.g. Gmail `450 4.2.1`), which wants a
 * shorter wait than a whole destination slowing us down.
 */
export type RetryScheduleKey = Exclude<Category, Unscheduled> | 'rate-limited-recipient';

/** When the retries of one category happen. Durations in milliseconds. */
export interface RetrySchedule {
  /** Wait before the first timed retry. */
  readonly firstDelayMs: number;
  /** Each further retry waits this many times longer than the previous one (1 = a fixed interval). */
  readonly factor: number;
  /** The delay stops growing here. */
  readonly maxDelayMs: number;
  /** Give up (`max-attempts`) once this many attempts have failed; absent: only the maximum age applies. */
  readonly maxAttempts?: number;
  /** The first N failed attempts are answered with `retry-now` (a new transaction at once). */
  readonly immediateAttempts: number;
  /**
   * The limit behind this category resets every `resetEveryMs` (a daily quota: one day), at epoch
   * multiples shifted by `resetOffsetMs` (0 = midnight UTC). The retry waits for the next reset.
   */
  readonly resetEveryMs?: number;
  readonly resetOffsetMs: number;
}

/** What a caller may change in a schedule. */
export type RetryScheduleOverrides = Partial<RetrySchedule>;

/** Overrides for one destination: a mailbox provider id (`yahoo`) or a recipient domain (`example.com`). */
export interface DestinationRetryOverrides {
  readonly maxAgeMs?: number;
  readonly schedules?: Readonly<Partial<Record<RetryScheduleKey, RetryScheduleOverrides>>>;
}

/** What `createRetryPolicy` accepts: every field optional, merged over the default policy. */
export interface RetryPolicyOptions {
  readonly maxAgeMs?: number;
  readonly jitter?: number;
  readonly random?: () => number;
  readonly honorRetryAfter?: boolean;
  readonly schedules?: Readonly<Partial<Record<RetryScheduleKey, RetryScheduleOverrides>>>;
  readonly destinations?: Readonly<Record<string, DestinationRetryOverrides>>;
}

/** A validated, frozen retry policy. Build one with `createRetryPolicy`. */
export interface RetryPolicy {
  /** Give up (`expired`) when the message is this old, measured from `history.firstAttemptAt`. */
  readonly maxAgeMs: number;
  /** Each timed delay is lengthened by up to this fraction, at random (0–1). Never shortened. */
  readonly jitter: number;
  /** The random source for the jitter, returning [0, 1): inject one to make decisions deterministic. */
  readonly random: () => number;
  /** Whether a provider's `Retry-After` (outcome or history `retryAfterMs`) is a floor for the delay. */
  readonly honorRetryAfter: boolean;
  readonly schedules: Readonly<Record<RetryScheduleKey, RetrySchedule>>;
  /** Per destination, keyed by provider id or lowercase domain, with every schedule resolved. */
  readonly destinations: Readonly<Record<string, ResolvedDestinationPolicy>>;
}

export interface ResolvedDestinationPolicy {
  readonly maxAgeMs: number;
  readonly schedules: Readonly<Record<RetryScheduleKey, RetrySchedule>>;
}

export const retryScheduleKeys: readonly RetryScheduleKey[] = [
  ...categories.filter(
    (category): category is Exclude<Category, Unscheduled> =>
      category !== 'delivered' &&
      category !== 'accepted' &&
      category !== 'auto-reply' &&
      category !== 'complaint' &&
      category !== 'expired',
  ),
  'rate-limited-recipient',
];

// The general schedule, for every category without a reason to differ: Postfix's
// `minimal_backoff_time` 300 s, doubled after each failure ("the backoff time is doubled until it
// reaches the maximum", mail_params.h), up to `maximal_backoff_time` 4000 s. After the third retry the
// interval is past RFC 5321 §4.5.4.1's "at least 30 minutes"; RFC 1123 §5.3.1.1 favours two attempts
// in the first hour, then backing off — this gives 5, 10, 20, 40 min, then every ~67 min.
const general: RetrySchedule = Object.freeze({
  firstDelayMs: 300_000, // Postfix minimal_backoff_time = queue_run_delay = 300s
  factor: 2, // Postfix: doubled after each failed attempt
  maxDelayMs: 4_000_000, // Postfix maximal_backoff_time = 4000s
  immediateAttempts: 0,
  resetOffsetMs: 0,
});

const defaultSchedules: Readonly<Record<RetryScheduleKey, RetrySchedule>> = freezeAll({
  ...(Object.fromEntries(retryScheduleKeys.map((key) => [key, general])) as Record<
    RetryScheduleKey,
    RetrySchedule
  >),
  // Greylisting accepts the retry once the triplet is old enough: postgrey --delay 300 s, rspamd
  // timeout 5m (docs/retry.md §8). 6 min clears both even without jitter; doubling reaches OpenBSD spamd's
  // 25-min passtime by the 4th attempt (6 + 12 + 24 = 42 min) and greylisting.py's 15 min by the 3rd.
  greylisted: { ...general, firstDelayMs: 6 * minute, factor: 2, maxDelayMs: hour },
  // A whole destination throttling us: ≥ 1 h with exponential backoff, and the throttle slows the
  // destination (docs/retry.md §9; web.de asks for "a few hours", RFC 1123 "every two or three hours").
  'rate-limited': { ...general, firstDelayMs: hour, factor: 2, maxDelayMs: 4 * hour },
  // One recipient receiving too fast (Gmail 450 4.2.1): 15–60 min (docs/retry.md §9).
  'rate-limited-recipient': { ...general, firstDelayMs: 15 * minute, factor: 2, maxDelayMs: hour },
  // Reputation deferrals (Gmail 4.7.28, Microsoft 4.7.650, Yahoo TSS04): hours (docs/retry.md §9).
  // Yahoo TS01's 4 h (SLN3434) comes from the classifier as `verdict.retry.afterMs`, a floor.
  reputation: { ...general, firstDelayMs: hour, factor: 2, maxDelayMs: 4 * hour },
  // A full mailbox empties on its owner's schedule: a few long retries over days (docs/taxonomy.md);
  // 6 + 12 + 24 + 48 h = 90 h, so all 5 attempts fit in the 5-day maximum age.
  'mailbox-full': { ...general, firstDelayMs: 6 * hour, factor: 2, maxDelayMs: 2 * day, maxAttempts: 5 },
  // "Too many recipients / messages on this connection": send the rest in a new transaction now
  // (RFC 5321 §4.5.3.1.10); if that keeps failing, the cap is not the whole story: back off.
  'transaction-limit': { ...general, immediateAttempts: 3 },
  // Our account's quota: wait for the window to reset (docs/taxonomy.md). Daily quotas are assumed to
  // reset at midnight UTC; a rolling 24 h window (Gmail 5.4.5) arrives from the classifier as
  // `verdict.retry.afterMs`, a floor. Never sooner than 5 min (Postfix minimal_backoff_time).
  'account-limit': { ...general, resetEveryMs: day, resetOffsetMs: 0 },
});

function freezeAll<T extends Record<string, object>>(record: T): Readonly<T> {
  for (const value of Object.values(record)) Object.freeze(value);
  return Object.freeze(record);
}

/** The policy `decideRetry` uses when none is given. See the README's table. */
const defaultOptions = {
  maxAgeMs: 5 * day, // Postfix maximal_queue_lifetime 5d; RFC 5321 §4.5.4.1 "at least 4-5 days"
  jitter: 0.1, // spreads retries (KumoMTA jitters its retry_interval); upward only, so minimums hold
  random: Math.random, // inject a seeded source for determinism
  honorRetryAfter: true, // a provider that says when to come back knows best (floor, not a cap)
} as const;

const validated = new WeakSet<RetryPolicy>();

/** The shared `destinations` of every policy without per-destination overrides (a fast path). */
export const noDestinations: Readonly<Record<string, ResolvedDestinationPolicy>> = Object.freeze({});

function invalid(field: string, message: string): never {
  throw new MailverdictError('invalid-policy', `createRetryPolicy: \`${field}\` ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duration(value: unknown, field: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    invalid(field, `must be a duration in milliseconds (a number), got ${describe(value)}`);
  }
  if (value < 0 || !Number.isFinite(value)) invalid(field, `must be a finite duration ≥ 0 ms, got ${value}`);
  return value;
}

function count(value: unknown, field: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    invalid(field, `must be an integer ≥ ${minimum}, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      invalid(`${field}.${key}`, `is not a known field (known: ${allowed.join(', ')})`);
    }
  }
}

const scheduleFields = [
  'firstDelayMs',
  'factor',
  'maxDelayMs',
  'maxAttempts',
  'immediateAttempts',
  'resetEveryMs',
  'resetOffsetMs',
] as const;

function mergeSchedule(base: RetrySchedule, overrides: unknown, field: string): RetrySchedule {
  if (!isRecord(overrides)) invalid(field, `must be an object, got ${describe(overrides)}`);
  checkKeys(overrides, scheduleFields, field);
  const merged = { ...base };
  const set = merged as { -readonly [K in keyof RetrySchedule]: RetrySchedule[K] };
  if ('firstDelayMs' in overrides)
    set.firstDelayMs = duration(overrides.firstDelayMs, `${field}.firstDelayMs`);
  if ('maxDelayMs' in overrides) set.maxDelayMs = duration(overrides.maxDelayMs, `${field}.maxDelayMs`);
  if ('factor' in overrides) {
    const factor = overrides.factor;
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1) {
      invalid(`${field}.factor`, `must be a finite number ≥ 1, got ${describe(factor)}`);
    }
    set.factor = factor;
  }
  if ('maxAttempts' in overrides) {
    set.maxAttempts =
      overrides.maxAttempts === undefined
        ? undefined
        : count(overrides.maxAttempts, `${field}.maxAttempts`, 1);
  }
  if ('immediateAttempts' in overrides) {
    set.immediateAttempts = count(overrides.immediateAttempts, `${field}.immediateAttempts`, 0);
  }
  if ('resetEveryMs' in overrides) {
    if (overrides.resetEveryMs === undefined) set.resetEveryMs = undefined;
    else {
      const every = duration(overrides.resetEveryMs, `${field}.resetEveryMs`);
      if (every === 0) invalid(`${field}.resetEveryMs`, 'must be greater than 0 ms');
      set.resetEveryMs = every;
    }
  }
  if ('resetOffsetMs' in overrides)
    set.resetOffsetMs = duration(overrides.resetOffsetMs, `${field}.resetOffsetMs`);
  if (merged.firstDelayMs > merged.maxDelayMs) {
    invalid(`${field}.firstDelayMs`, `(${merged.firstDelayMs}) exceeds maxDelayMs (${merged.maxDelayMs})`);
  }
  return Object.freeze(merged);
}

function mergeSchedules(
  base: Readonly<Record<RetryScheduleKey, RetrySchedule>>,
  overrides: unknown,
  field: string,
): Readonly<Record<RetryScheduleKey, RetrySchedule>> {
  if (overrides === undefined) return base;
  if (!isRecord(overrides)) invalid(field, `must be an object keyed by category, got ${describe(overrides)}`);
  checkKeys(overrides, retryScheduleKeys, field);
  const merged = { ...base };
  // Keys are applied in the fixed order of `retryScheduleKeys`, never in the caller's object order.
  for (const key of retryScheduleKeys) {
    if (key in overrides) merged[key] = mergeSchedule(base[key], overrides[key], `${field}.${key}`);
  }
  return Object.freeze(merged);
}

/**
 * A retry policy: the default policy with `overrides` merged in, validated. Throws a
 * `MailverdictError` (code `invalid-policy`) naming the field for a negative, NaN or non-numeric
 * duration, an unknown field or category, or a destination that is neither a provider nor a domain.
 */
export function createRetryPolicy(overrides: RetryPolicyOptions = {}): RetryPolicy {
  if (!isRecord(overrides)) {
    throw new TypeError('createRetryPolicy: `overrides` must be an object');
  }
  checkKeys(
    overrides,
    ['maxAgeMs', 'jitter', 'random', 'honorRetryAfter', 'schedules', 'destinations'],
    'overrides',
  );
  const maxAgeMs =
    'maxAgeMs' in overrides ? duration(overrides.maxAgeMs, 'maxAgeMs') : defaultOptions.maxAgeMs;
  let jitter: number = defaultOptions.jitter;
  if ('jitter' in overrides) {
    const value = overrides.jitter;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      invalid('jitter', `must be a fraction between 0 and 1, got ${describe(value)}`);
    }
    jitter = value;
  }
  let random: () => number = defaultOptions.random;
  if ('random' in overrides) {
    if (typeof overrides.random !== 'function') invalid('random', 'must be a function returning [0, 1)');
    random = overrides.random as () => number;
  }
  let honorRetryAfter: boolean = defaultOptions.honorRetryAfter;
  if ('honorRetryAfter' in overrides) {
    if (typeof overrides.honorRetryAfter !== 'boolean') invalid('honorRetryAfter', 'must be a boolean');
    honorRetryAfter = overrides.honorRetryAfter;
  }
  const schedules = mergeSchedules(defaultSchedules, overrides.schedules, 'schedules');

  // No prototype: a destination named `constructor` or `__proto__` must not find Object's members.
  const destinations: Record<string, ResolvedDestinationPolicy> = Object.create(null);
  if (overrides.destinations !== undefined) {
    if (!isRecord(overrides.destinations))
      invalid('destinations', 'must be an object keyed by provider or domain');
    for (const [key, value] of Object.entries(overrides.destinations)) {
      const field = `destinations.${key}`;
      const normalized = destinationKey(key, `createRetryPolicy: \`${field}\``, 'invalid-policy');
      if (normalized in destinations) invalid(field, `is given twice (as ${normalized})`);
      if (!isRecord(value)) invalid(field, `must be an object, got ${describe(value)}`);
      checkKeys(value, ['maxAgeMs', 'schedules'], field);
      destinations[normalized] = Object.freeze({
        maxAgeMs: 'maxAgeMs' in value ? duration(value.maxAgeMs, `${field}.maxAgeMs`) : maxAgeMs,
        schedules: mergeSchedules(schedules, value.schedules, `${field}.schedules`),
      });
    }
  }
  const policy: RetryPolicy = Object.freeze({
    maxAgeMs,
    jitter,
    random,
    honorRetryAfter,
    schedules,
    destinations: Object.keys(destinations).length === 0 ? noDestinations : Object.freeze(destinations),
  });
  validated.add(policy);
  return policy;
}

/** The default policy (see README "Retries and throttling" for the table with sources). */
export const defaultRetryPolicy: RetryPolicy = createRetryPolicy();

const adopted = new WeakMap<object, RetryPolicy>();

/**
 * A policy ready for `decideRetry`: one built by `createRetryPolicy` as is; any other object is
 * validated as overrides once and remembered.
 */
export function resolveRetryPolicy(policy: RetryPolicy | RetryPolicyOptions | undefined): RetryPolicy {
  if (policy === undefined) return defaultRetryPolicy;
  if (validated.has(policy as RetryPolicy)) return policy as RetryPolicy;
  if (!isRecord(policy)) throw new TypeError('decideRetry: `policy` must be a RetryPolicy or policy options');
  let resolved = adopted.get(policy);
  if (resolved === undefined) {
    resolved = createRetryPolicy(policy as RetryPolicyOptions);
    adopted.set(policy, resolved);
  }
  return resolved;
}
