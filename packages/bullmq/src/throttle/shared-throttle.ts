import {
  createThrottle,
  type DeliveryOutcome,
  defaultShapingRules,
  destinationOf,
  MailverdictError,
  type ShapingRule,
  type ThrottleOptions,
  type ThrottleWait,
  type Verdict,
  type WarmUpStep,
} from '@mailverdict/core';
import type { Redis } from 'ioredis';
import { matchShapingRules } from './shaping-match';
import { acquireScript, feedbackScript, releaseScript } from './throttle-scripts';

export interface SharedThrottleOptions extends ThrottleOptions {
  /** Key prefix; default `mailverdict:throttle`. Give each application (or test) its own. */
  readonly prefix?: string;
  /** How long an acquired attempt keeps its concurrency slot when its worker dies before feedback. Default 300,000 ms. */
  readonly leaseMs?: number;
  /** An idle destination's state is kept this long after its last use (Redis TTL). Default 86,400,000 ms. */
  readonly idleTtlMs?: number;
}

/** One acquired attempt: give it back to `feedback` or `release`. */
export interface ThrottleLease {
  readonly destination: string;
  readonly route: string;
  readonly id: string;
  readonly recipient?: string;
}

export type SharedThrottleAnswer = { readonly allowed: true; readonly lease: ThrottleLease } | ThrottleWait;

export interface AcquireOptions {
  /** The recipient, for a per-recipient hold. */
  readonly recipient?: string;
  /** Epoch ms; default the Redis server's clock, so workers on different hosts agree. */
  readonly now?: number;
}

export interface SharedThrottle {
  /**
   * May one message go to `destination` (a domain, address, MX host or provider id) through `route`
   * (how it leaves: `smtp`, `postmark`, an IP pool) now? One Redis round-trip, atomic across workers.
   */
  acquire(destination: string, route: string, options?: AcquireOptions): Promise<SharedThrottleAnswer>;
  /** The result of an attempt (frees its slot), or with `{ destination, route }` a later event (frees nothing). */
  feedback(
    attempt:
      | ThrottleLease
      | { readonly destination: string; readonly route: string; readonly recipient?: string },
    result: Verdict | DeliveryOutcome,
    now?: number,
  ): Promise<void>;
  /** An acquired attempt that was not made: frees its slot and its warm-up unit. */
  release(lease: ThrottleLease): Promise<void>;
  /** The raw state hash of a destination and route (for dashboards and tests); `{}` when untracked. */
  inspect(destination: string, route: string): Promise<Record<string, string>>;
  /** The destination key a domain, address or host rolls up to (core's `destinationOf`). */
  destinationOf(domainOrHost: string): string;
}

// Core's throttle defaults (packages/core throttle-options.ts); validated by `createThrottle` first.
const defaults = {
  initialRate: 1,
  minRate: 1 / 60,
  maxRate: 100,
  additiveIncrease: 1,
  decreaseFactor: 0.7,
  decreaseCooldownMs: 1000,
  burst: 1,
  busyPauseMs: 60_000,
  maxPauseMs: 4 * 3_600_000,
  recipientPauseMs: 15 * 60_000,
};

type Kind = 'delivered' | 'rate-limited' | 'recipient-limited' | 'reputation' | 'server-busy' | 'other';

function kindOf(verdict: Verdict): Kind {
  switch (verdict.category) {
    case 'delivered':
      return 'delivered';
    case 'rate-limited':
      return verdict.scope === 'recipient' ? 'recipient-limited' : 'rate-limited';
    case 'reputation':
      return 'reputation';
    case 'server-busy':
      return 'server-busy';
    default:
      return 'other';
  }
}

function positiveMs(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
    throw new MailverdictError('invalid-throttle', `createSharedThrottle: \`${field}\` must be ≥ 1 ms`);
  }
  return Math.ceil(value);
}

function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new TypeError(`sharedThrottle: \`${field}\` must be a non-empty string of at most 512 characters`);
  }
  return value;
}

let leaseCounter = 0;

/**
 * A per-destination throttle whose state lives in Redis, shared by every worker: core's throttle
 * semantics (rate, concurrency, pauses, shaping rules, warm-up) with one state per destination and
 * route, each decision one atomic Lua script. `connection` is an ioredis client (BullMQ's own works).
 */
export function createSharedThrottle(connection: Redis, options: SharedThrottleOptions = {}): SharedThrottle {
  const { prefix = 'mailverdict:throttle', leaseMs, idleTtlMs, ...core } = options;
  // Core validates every throttle option and names the bad field.
  createThrottle(core);
  checkName(prefix, 'prefix');
  const lease = positiveMs(leaseMs, 'leaseMs', 300_000);
  const idle = positiveMs(idleTtlMs, 'idleTtlMs', 86_400_000);
  const pick = <K extends keyof typeof defaults>(key: K): number =>
    (core[key] as number | undefined) ?? defaults[key];
  const limits = new Map(
    Object.entries(core.destinations ?? {}).map(([key, value]) => [destinationOf(key), value]),
  );
  const warmUp = core.warmUp;
  const warmSteps = new Map<string, WarmUpStep>(
    Object.entries(warmUp?.destinations ?? {}).map(([key, step]) => [destinationOf(key), step]),
  );
  const rules: readonly ShapingRule[] = core.shapingRules ?? defaultShapingRules;
  const tag = `${process.pid}.${Date.now().toString(36)}`;

  const keys = (destination: string, route: string) => {
    // One hash tag per destination and route: every key a script touches lives in one Redis Cluster slot.
    const base = `${prefix}:{${route}:${destination}}`;
    return { state: `${base}:state`, leases: `${base}:leases`, base };
  };
  const holdKey = (base: string, recipient: string | undefined) =>
    recipient === undefined ? '' : `${base}:hold:${recipient.toLowerCase()}`;
  const clock = (now: number | undefined): string => {
    if (now === undefined) return '';
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError('sharedThrottle: `now` must be epoch milliseconds');
    }
    return String(now);
  };

  return {
    async acquire(destination, route, acquireOptions = {}) {
      const key = destinationOf(checkName(destination, 'destination'));
      checkName(route, 'route');
      const { recipient, now } = acquireOptions;
      if (recipient !== undefined) checkName(recipient, 'recipient');
      const { state, leases, base } = keys(key, route);
      const fixed = limits.get(key);
      const step = warmSteps.get(key) ?? warmUp?.others;
      const warm =
        step === undefined || warmUp === undefined
          ? ''
          : `${step.firstDayVolume}|${step.factor}|${step.maxDailyVolume}|${warmUp.startAt}|${warmUp.dayMs ?? 86_400_000}`;
      const id = `${tag}.${++leaseCounter}`;
      const answer = (await connection.eval(
        acquireScript,
        3,
        state,
        leases,
        holdKey(base, recipient),
        clock(now),
        id,
        lease,
        fixed?.initialRate ?? pick('initialRate'),
        fixed?.maxRate ?? pick('maxRate'),
        fixed?.maxConcurrency ?? 0,
        pick('burst'),
        idle,
        warm,
      )) as [number, string?, string?, string?];
      if (answer[0] === 1) {
        return {
          allowed: true,
          lease: { destination: key, route, id, ...(recipient === undefined ? {} : { recipient }) },
        };
      }
      const reason = answer[2] as ThrottleWait['reason'];
      return {
        allowed: false,
        retryAt: Number(answer[1]),
        reason,
        ...(answer[3] ? { by: answer[3] } : {}),
      };
    },

    async feedback(attempt, result, now) {
      if (typeof result !== 'object' || result === null) {
        throw new TypeError('sharedThrottle.feedback: `result` must be a Verdict or a DeliveryOutcome');
      }
      const key = destinationOf(checkName(attempt.destination, 'destination'));
      checkName(attempt.route, 'route');
      let verdict: Verdict;
      let wait = 0;
      let recipient = attempt.recipient;
      if ('verdict' in result) {
        verdict = result.verdict;
        if (typeof result.retryAfterMs === 'number' && result.retryAfterMs > 0) wait = result.retryAfterMs;
        recipient ??= result.recipient;
      } else verdict = result;
      if (typeof verdict !== 'object' || verdict === null || typeof verdict.category !== 'string') {
        throw new TypeError('sharedThrottle.feedback: `result` must be a Verdict or a DeliveryOutcome');
      }
      const afterMs = verdict.retry?.afterMs;
      if (typeof afterMs === 'number' && afterMs > wait) wait = afterMs;
      const kind = kindOf(verdict);
      // Successes never match shaping rules (as in core).
      const matched =
        kind === 'delivered' || verdict.permanence === 'success'
          ? []
          : matchShapingRules(rules, key, verdict);
      const { state, leases, base } = keys(key, attempt.route);
      const ruleKeys = matched.map((rule) => `${base}:hits:${rule.id}`);
      const ruleArgs = matched.flatMap((rule) => {
        const trigger = rule.trigger === 'immediately' ? { count: 1, windowMs: 0 } : rule.trigger;
        return [
          rule.id,
          trigger.count,
          trigger.windowMs,
          rule.holdMs,
          rule.action.pause === true ? '1' : '0',
          rule.action.maxRate ?? '',
          rule.action.maxConcurrency ?? '',
        ];
      });
      const fixed = limits.get(key);
      await connection.eval(
        feedbackScript,
        3 + ruleKeys.length,
        state,
        leases,
        kind === 'recipient-limited' ? holdKey(base, recipient) : '',
        ...ruleKeys,
        clock(now),
        'id' in attempt ? attempt.id : '',
        kind,
        wait,
        fixed?.initialRate ?? pick('initialRate'),
        fixed?.maxRate ?? pick('maxRate'),
        pick('minRate'),
        pick('additiveIncrease'),
        pick('decreaseFactor'),
        pick('decreaseCooldownMs'),
        pick('busyPauseMs'),
        pick('maxPauseMs'),
        pick('recipientPauseMs'),
        idle,
        matched.length,
        ...ruleArgs,
      );
    },

    async release(held) {
      const { state, leases } = keys(held.destination, held.route);
      await connection.eval(releaseScript, 2, state, leases, held.id);
    },

    async inspect(destination, route) {
      const { state } = keys(destinationOf(checkName(destination, 'destination')), checkName(route, 'route'));
      return connection.hgetall(state);
    },

    destinationOf(domainOrHost) {
      return destinationOf(checkName(domainOrHost, 'domainOrHost'));
    },
  };
}
