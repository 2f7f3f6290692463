import { MailverdictError } from '../verdict/errors';
import type { WarmUpState } from './warm-up';

/** One destination's sending state, as JSON. Times are epoch ms; rates messages per second. */
export interface DestinationStateJson {
  /** The learned rate (before fixed and shaping caps). */
  readonly rate: number;
  /** Earliest time the next message may go at the current rate (the GCRA theoretical arrival time). */
  readonly nextAt: number;
  /** Still growing exponentially (no limit seen yet). */
  readonly slowStart: boolean;
  readonly pausedUntil?: number;
  /** What paused it: a shaping rule id, `server-busy` or `retry-after`. */
  readonly pausedBy?: string;
  /** Consecutive server-busy replies (the pause doubles with each). */
  readonly busyLevel?: number;
  readonly lastDecreaseAt?: number;
  readonly shapedUntil?: number;
  readonly shapedMaxRate?: number;
  readonly shapedMaxConcurrency?: number;
  readonly shapedBy?: string;
  /** Per shaping rule id: times of recent matches still inside the rule's window. */
  readonly hits?: Readonly<Record<string, readonly number[]>>;
  readonly warmUp?: Readonly<WarmUpState>;
}

/** Everything a throttle knows, as plain JSON (`throttle.toJSON()`), restorable with `restoreThrottle`. */
export interface ThrottleState {
  readonly version: 1;
  /** Keyed by destination: provider id or lowercase domain. */
  readonly destinations: Readonly<Record<string, DestinationStateJson>>;
  /** Held recipients: `"<destination> <recipient>"` → hold end (epoch ms). */
  readonly recipients: Readonly<Record<string, number>>;
  /** The sending route's own pause (provider-scope failures), when there is one. */
  readonly route?: DestinationStateJson;
}

function invalid(path: string, message: string): never {
  throw new MailverdictError('invalid-throttle-state', `restoreThrottle: \`${path}\` ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(path, 'must be a finite number');
  return value;
}

function optionalFinite(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : finite(value, path);
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') invalid(path, 'must be a string');
  return value as string | undefined;
}

const destinationFields = [
  'rate',
  'nextAt',
  'slowStart',
  'pausedUntil',
  'pausedBy',
  'busyLevel',
  'lastDecreaseAt',
  'shapedUntil',
  'shapedMaxRate',
  'shapedMaxConcurrency',
  'shapedBy',
  'hits',
  'warmUp',
];

function parseDestination(value: unknown, path: string): DestinationStateJson {
  if (!isRecord(value)) invalid(path, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!destinationFields.includes(key)) invalid(`${path}.${key}`, 'is not a known field');
  }
  const rate = finite(value.rate, `${path}.rate`);
  if (rate <= 0) invalid(`${path}.rate`, 'must be > 0');
  if (typeof value.slowStart !== 'boolean') invalid(`${path}.slowStart`, 'must be a boolean');
  const busyLevel = optionalFinite(value.busyLevel, `${path}.busyLevel`);
  if (busyLevel !== undefined && (!Number.isInteger(busyLevel) || busyLevel < 0)) {
    invalid(`${path}.busyLevel`, 'must be an integer ≥ 0');
  }
  const shapedMaxRate = optionalFinite(value.shapedMaxRate, `${path}.shapedMaxRate`);
  if (shapedMaxRate !== undefined && shapedMaxRate <= 0) invalid(`${path}.shapedMaxRate`, 'must be > 0');
  const shapedMaxConcurrency = optionalFinite(value.shapedMaxConcurrency, `${path}.shapedMaxConcurrency`);
  if (
    shapedMaxConcurrency !== undefined &&
    (!Number.isInteger(shapedMaxConcurrency) || shapedMaxConcurrency < 1)
  ) {
    invalid(`${path}.shapedMaxConcurrency`, 'must be an integer ≥ 1');
  }
  let hits: Record<string, number[]> | undefined;
  if (value.hits !== undefined) {
    if (!isRecord(value.hits)) invalid(`${path}.hits`, 'must be an object');
    hits = Object.create(null) as Record<string, number[]>;
    for (const [rule, times] of Object.entries(value.hits)) {
      if (!Array.isArray(times) || times.length > 1000)
        invalid(`${path}.hits.${rule}`, 'must be an array of ≤ 1000 times');
      hits[rule] = times.map((time, index) => finite(time, `${path}.hits.${rule}[${index}]`));
    }
  }
  let warmUp: WarmUpState | undefined;
  if (value.warmUp !== undefined) {
    const warm = value.warmUp;
    if (!isRecord(warm)) invalid(`${path}.warmUp`, 'must be an object');
    const day = finite(warm.day, `${path}.warmUp.day`);
    const allowance = finite(warm.allowance, `${path}.warmUp.allowance`);
    const sent = finite(warm.sent, `${path}.warmUp.sent`);
    if (!Number.isInteger(day) || day < 0) invalid(`${path}.warmUp.day`, 'must be an integer ≥ 0');
    if (allowance < 1) invalid(`${path}.warmUp.allowance`, 'must be ≥ 1');
    if (!Number.isInteger(sent) || sent < 0) invalid(`${path}.warmUp.sent`, 'must be an integer ≥ 0');
    if (typeof warm.deferred !== 'boolean') invalid(`${path}.warmUp.deferred`, 'must be a boolean');
    warmUp = { day, allowance, sent, deferred: warm.deferred };
  }
  const parsed: Record<string, unknown> = {
    rate,
    nextAt: finite(value.nextAt, `${path}.nextAt`),
    slowStart: value.slowStart,
    pausedUntil: optionalFinite(value.pausedUntil, `${path}.pausedUntil`),
    pausedBy: optionalString(value.pausedBy, `${path}.pausedBy`),
    busyLevel,
    lastDecreaseAt: optionalFinite(value.lastDecreaseAt, `${path}.lastDecreaseAt`),
    shapedUntil: optionalFinite(value.shapedUntil, `${path}.shapedUntil`),
    shapedMaxRate,
    shapedMaxConcurrency,
    shapedBy: optionalString(value.shapedBy, `${path}.shapedBy`),
    hits,
    warmUp,
  };
  for (const key of Object.keys(parsed)) if (parsed[key] === undefined) delete parsed[key];
  return parsed as unknown as DestinationStateJson;
}

/** Checks a value read back from storage; throws a `MailverdictError` naming the bad path. */
export function parseThrottleState(value: unknown): ThrottleState {
  if (!isRecord(value)) invalid('state', 'must be an object (the result of throttle.toJSON())');
  if (value.version !== 1) invalid('version', `must be 1, got ${JSON.stringify(value.version)}`);
  if (!isRecord(value.destinations)) invalid('destinations', 'must be an object');
  if (!isRecord(value.recipients)) invalid('recipients', 'must be an object');
  // No prototype: a `__proto__` key read from JSON stays a key instead of replacing the prototype.
  const destinations: Record<string, DestinationStateJson> = Object.create(null);
  for (const [key, state] of Object.entries(value.destinations)) {
    if (key.length === 0 || key !== key.toLowerCase())
      invalid(`destinations.${key}`, 'must be a lowercase destination');
    destinations[key] = parseDestination(state, `destinations.${key}`);
  }
  const recipients: Record<string, number> = Object.create(null);
  for (const [key, until] of Object.entries(value.recipients)) {
    if (key.indexOf(' ') <= 0) invalid(`recipients.${key}`, 'must be "<destination> <recipient>"');
    recipients[key] = finite(until, `recipients.${key}`);
  }
  if (value.route === undefined) return { version: 1, destinations, recipients };
  return { version: 1, destinations, recipients, route: parseDestination(value.route, 'route') };
}
