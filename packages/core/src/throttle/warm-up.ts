// A warm-up plan for a new sending IP or domain: a daily volume per destination that grows by a
// factor each clean day up to a cap. Mailbox providers judge a new sender by the volume and the
// complaints they see, so a day with reputation deferrals does not grow the next day's volume.
import { destinationKey, destinationOf } from '../verdict/destination-key';
import { MailverdictError } from '../verdict/errors';

export interface WarmUpStep {
  /** Messages on the first day. */
  readonly firstDayVolume: number;
  /** Each clean day's volume is the previous one times this (≥ 1). */
  readonly factor: number;
  /** The daily volume never grows past this. */
  readonly maxDailyVolume: number;
}

export interface WarmUpPlan {
  /** Epoch milliseconds when day 1 begins; days are counted from here. */
  readonly startAt: number;
  /** Length of a warm-up day in milliseconds (default 86,400,000). */
  readonly dayMs?: number;
  /** Per destination: a mailbox provider id (`google`) or a domain (a provider's domain names its provider). */
  readonly destinations: Readonly<Record<string, WarmUpStep>>;
  /** For every destination not listed; absent: those are not limited. */
  readonly others?: WarmUpStep;
}

/** A destination's warm-up progress (part of the throttle's JSON state). */
export interface WarmUpState {
  /** Index of the current warm-up day (0 = the first). */
  day: number;
  /** Messages allowed on the current day. */
  allowance: number;
  /** Messages sent on the current day. */
  sent: number;
  /** A reputation deferral was seen on the current day: tomorrow does not grow. */
  deferred: boolean;
}

export interface ResolvedWarmUpPlan {
  readonly startAt: number;
  readonly dayMs: number;
  readonly destinations: ReadonlyMap<string, WarmUpStep>;
  readonly others: WarmUpStep | undefined;
}

function invalid(field: string, message: string): never {
  throw new MailverdictError('invalid-warm-up', `warmUp.${field} ${message}`);
}

function checkStep(step: unknown, field: string): WarmUpStep {
  if (typeof step !== 'object' || step === null) invalid(field, 'must be an object');
  const { firstDayVolume, factor, maxDailyVolume } = step as Record<string, unknown>;
  for (const key of Object.keys(step)) {
    if (key !== 'firstDayVolume' && key !== 'factor' && key !== 'maxDailyVolume') {
      invalid(`${field}.${key}`, 'is not a known field (known: firstDayVolume, factor, maxDailyVolume)');
    }
  }
  if (typeof firstDayVolume !== 'number' || !Number.isInteger(firstDayVolume) || firstDayVolume < 1) {
    invalid(`${field}.firstDayVolume`, 'must be an integer ≥ 1');
  }
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1) {
    invalid(`${field}.factor`, 'must be a finite number ≥ 1');
  }
  if (
    typeof maxDailyVolume !== 'number' ||
    !Number.isInteger(maxDailyVolume) ||
    maxDailyVolume < firstDayVolume
  ) {
    invalid(`${field}.maxDailyVolume`, 'must be an integer ≥ firstDayVolume');
  }
  return Object.freeze({ firstDayVolume, factor, maxDailyVolume });
}

/** Validates a plan; throws a `MailverdictError` (code `invalid-warm-up`) naming the field. */
export function resolveWarmUpPlan(plan: WarmUpPlan): ResolvedWarmUpPlan {
  if (typeof plan !== 'object' || plan === null) invalid('', 'must be an object');
  if (typeof plan.startAt !== 'number' || !Number.isFinite(plan.startAt))
    invalid('startAt', 'must be epoch milliseconds');
  const dayMs = plan.dayMs ?? 86_400_000;
  if (typeof dayMs !== 'number' || !Number.isFinite(dayMs) || dayMs <= 0)
    invalid('dayMs', 'must be a duration > 0 ms');
  if (typeof plan.destinations !== 'object' || plan.destinations === null) {
    invalid('destinations', 'must be an object keyed by provider id or domain');
  }
  const destinations = new Map<string, WarmUpStep>();
  for (const [key, step] of Object.entries(plan.destinations)) {
    // One state per provider: `gmail.com` warms up `google`, as the mail to it is keyed.
    const normalized = destinationOf(destinationKey(key, `warmUp.destinations`, 'invalid-warm-up'));
    if (destinations.has(normalized)) invalid(`destinations.${key}`, `is given twice (as ${normalized})`);
    destinations.set(normalized, checkStep(step, `destinations.${key}`));
  }
  const others = plan.others === undefined ? undefined : checkStep(plan.others, 'others');
  return { startAt: plan.startAt, dayMs, destinations, others };
}

/** The warm-up day `now` falls in; before `startAt` counts as the first day. */
export function warmUpDay(plan: ResolvedWarmUpPlan, now: number): number {
  return now <= plan.startAt ? 0 : Math.floor((now - plan.startAt) / plan.dayMs);
}

/** A destination's state on its first day of warm-up. */
export function startWarmUp(step: WarmUpStep, day: number): WarmUpState {
  return { day, allowance: step.firstDayVolume, sent: 0, deferred: false };
}

/**
 * Moves a state to `day`. The allowance grows once, by the factor, when the last day the destination
 * was used had no reputation deferral; days without any sending do not grow it (a provider judges the
 * volume it saw, not the calendar).
 */
export function advanceWarmUp(state: WarmUpState, step: WarmUpStep, day: number): void {
  if (day <= state.day) return;
  if (state.sent > 0 && !state.deferred) {
    state.allowance = Math.min(step.maxDailyVolume, state.allowance * step.factor);
  }
  state.day = day;
  state.sent = 0;
  state.deferred = false;
}

/** When the next warm-up day begins, epoch ms. */
export function nextWarmUpDay(plan: ResolvedWarmUpPlan, day: number): number {
  return plan.startAt + (day + 1) * plan.dayMs;
}
