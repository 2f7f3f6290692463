import { createHash } from 'node:crypto';
import {
  type DeliveryOutcome,
  destinationOf,
  MailverdictError,
  type ThrottleOptions,
  type ThrottleWait,
  type Verdict,
} from '@mailverdict/core';
import {
  type CompiledShapingRule,
  resolveThrottleOptions,
  shapingRuleMatches,
  shapingText,
} from '@mailverdict/core/adapter';
import type { Redis } from 'ioredis';
import { acquireScript, feedbackScript, releaseScript } from './throttle-scripts';

export interface SharedThrottleOptions extends ThrottleOptions {
  /** Key prefix; default `mailverdict:throttle`. Give each application (or test) its own. */
  readonly prefix?: string;
  /**
   * How long an acquired attempt counts as in flight when its worker dies before `feedback`; it then
   * counts as sent at the lease's end. Longer than any send can take. Default 300,000 ms.
   */
  readonly leaseMs?: number;
  /** An idle destination's state is kept this long after its last use (Redis TTL). Default 86,400,000 ms. */
  readonly idleTtlMs?: number;
  /**
   * The window the configured rate (`maxRate`, or a shaping cap in force) is kept over where the
   * destination receives: attempts in flight plus attempts released within the window stay below
   * ⌈maxRate × windowMs / 1000⌉ + burst − 1, the most core's GCRA admits in such a window (a window is
   * at least `1000 / maxRate` ms). A longer window loses less pace to transit time. Default 1000 ms.
   */
  readonly windowMs?: number;
}

/** One acquired attempt: give it back to `feedback`, `release` or `sent`. */
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
  /**
   * The result of an attempt (it ends the attempt: counted as sent now), or with `{ destination, route }`
   * a later event such as a webhook (ends nothing). Call it once the reply is in: the destination has
   * the message by then.
   */
  feedback(
    attempt:
      | ThrottleLease
      | { readonly destination: string; readonly route: string; readonly recipient?: string },
    result: Verdict | DeliveryOutcome,
    now?: number,
  ): Promise<void>;
  /** An acquired attempt that was not made: frees its slot and its warm-up unit. */
  release(lease: ThrottleLease, now?: number): Promise<void>;
  /**
   * An attempt that was made but whose result teaches nothing (its reply was lost): it counts as sent
   * now and frees its slot; the rate learns nothing from it.
   */
  sent(lease: ThrottleLease, now?: number): Promise<void>;
  /** The raw state hash of a destination and route (for dashboards and tests); `{}` when untracked. */
  inspect(destination: string, route: string): Promise<Record<string, string>>;
  /** The destination key a domain, address or host rolls up to (core's `destinationOf`). */
  destinationOf(domainOrHost: string): string;
}

type Kind =
  | 'delivered'
  | 'rate-limited'
  | 'recipient-limited'
  | 'reputation'
  | 'server-busy'
  | 'other'
  | 'provider-transient'
  | 'provider-success'
  | 'provider-other';

function kindOf(verdict: Verdict): Kind {
  // One throttle per route in core: a provider-scope failure pauses the route, never the destination.
  if (verdict.scope === 'provider') {
    if (verdict.permanence === 'success') return 'provider-success';
    return verdict.permanence === 'transient' ? 'provider-transient' : 'provider-other';
  }
  switch (verdict.category) {
    case 'delivered':
    case 'accepted':
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

/** Messages the window admits at `rate`: the count the acquire script computes (kept in step with it). */
function windowLimit(rate: number, windowMs: number, burst: number): number {
  const window = Math.max(windowMs, 1000 / rate);
  return Math.ceil((rate * window) / 1000 - 1e-9) + burst - 1;
}

let leaseCounter = 0;

/** A script run by its SHA1 (EVALSHA: the body is not sent again); loaded with EVAL when Redis lacks it (after a restart). */
function scriptRunner(connection: Redis, body: string) {
  const sha = createHash('sha1').update(body).digest('hex');
  return async (numKeys: number, ...args: (string | number)[]): Promise<unknown> => {
    try {
      return await connection.evalsha(sha, numKeys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return connection.eval(body, numKeys, ...args);
    }
  };
}

/**
 * A per-destination throttle whose state lives in Redis, shared by every worker: core's throttle
 * semantics (rate, concurrency, pauses, route pauses, shaping rules, warm-up, clamps) with one state
 * per destination and route, each decision one atomic Lua script, and a window count that keeps the
 * rate where the destination receives. `connection` is an ioredis client (BullMQ's own works).
 */
export function createSharedThrottle(connection: Redis, options: SharedThrottleOptions = {}): SharedThrottle {
  const { prefix = 'mailverdict:throttle', leaseMs, idleTtlMs, windowMs, ...core } = options;
  // Core validates every throttle option, names the bad field and fills its defaults.
  const resolved = resolveThrottleOptions(core);
  checkName(prefix, 'prefix');
  const lease = positiveMs(leaseMs, 'leaseMs', 300_000);
  const idle = positiveMs(idleTtlMs, 'idleTtlMs', 86_400_000);
  const window = positiveMs(windowMs, 'windowMs', 1000);
  const warmUp = resolved.warmUp;
  const acquireRun = scriptRunner(connection, acquireScript);
  const feedbackRun = scriptRunner(connection, feedbackScript);
  const releaseRun = scriptRunner(connection, releaseScript);
  const tag = `${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

  /** What the scripts need for one destination, computed once. */
  interface Plan {
    readonly initialRate: number;
    readonly maxRate: number;
    readonly maxConcurrency: number;
    readonly warm: string;
    readonly rules: readonly CompiledShapingRule[];
    /** Releases kept: the window limit at the highest rate. */
    readonly keepCount: number;
    /** How long releases are kept: the longest window, at the lowest cap a shaping rule can set. */
    readonly keepMs: number;
  }
  const plans = new Map<string, Plan>();
  const planOf = (key: string): Plan => {
    let plan = plans.get(key);
    if (plan !== undefined) return plan;
    const limits = resolved.destinations.get(key);
    const maxRate = limits?.maxRate ?? resolved.maxRate;
    const rules = resolved.rules.get(key) ?? [];
    const step = warmUp === undefined ? undefined : (warmUp.destinations.get(key) ?? warmUp.others);
    let lowest = maxRate;
    for (const rule of rules)
      if (rule.action.maxRate !== undefined) lowest = Math.min(lowest, rule.action.maxRate);
    plan = {
      // As core: a destination starts at its initial rate, never below minRate.
      initialRate: Math.max(limits?.initialRate ?? resolved.initialRate, resolved.minRate),
      maxRate,
      maxConcurrency: limits?.maxConcurrency ?? 0,
      warm:
        step === undefined || warmUp === undefined
          ? ''
          : `${step.firstDayVolume}|${step.factor}|${step.maxDailyVolume}|${warmUp.startAt}|${warmUp.dayMs}`,
      rules,
      keepCount: windowLimit(maxRate, window, resolved.burst),
      keepMs: Math.ceil(Math.max(window, 1000 / lowest)),
    };
    // Bounded: destinations seen by one process; cleared when it grows past core's destination bound.
    if (plans.size >= resolved.maxDestinations) plans.clear();
    plans.set(key, plan);
    return plan;
  };

  const keys = (destination: string, route: string) => {
    // One hash tag per route: every key a script touches (the route's pause and the destination's
    // state) lives in one Redis Cluster slot.
    const base = `${prefix}:{${route}}:${destination}`;
    return {
      route: `${prefix}:{${route}}:route`,
      state: `${base}:state`,
      inflight: `${base}:inflight`,
      sent: `${base}:sent`,
      base,
    };
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

  async function finish(held: ThrottleLease, now: number | undefined, mode: 'sent' | 'unsent') {
    const key = destinationOf(checkName(held.destination, 'destination'));
    const { state, inflight, sent } = keys(key, checkName(held.route, 'route'));
    await releaseRun(
      3,
      inflight,
      sent,
      state,
      clock(now),
      checkName(held.id, 'id'),
      mode,
      planOf(key).keepCount,
    );
  }

  return {
    async acquire(destination, route, acquireOptions = {}) {
      const key = destinationOf(checkName(destination, 'destination'));
      checkName(route, 'route');
      const { recipient, now } = acquireOptions;
      if (recipient !== undefined) checkName(recipient, 'recipient');
      const k = keys(key, route);
      const plan = planOf(key);
      const id = `${tag}.${++leaseCounter}`;
      const answer = (await acquireRun(
        5,
        k.route,
        k.state,
        k.inflight,
        k.sent,
        holdKey(k.base, recipient),
        clock(now),
        id,
        lease,
        plan.initialRate,
        plan.maxRate,
        plan.maxConcurrency,
        resolved.burst,
        idle,
        plan.warm,
        resolved.slowStart ? '1' : '0',
        resolved.maxPauseMs,
        window,
        plan.keepMs,
        plan.keepCount,
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
      const plan = planOf(key);
      // Successes and provider-scope results never match shaping rules (as in core).
      const success = verdict.permanence === 'success';
      const text = plan.rules.length === 0 ? '' : shapingText(verdict);
      const matched =
        kind === 'delivered' || success || kind.startsWith('provider-')
          ? []
          : plan.rules.filter((rule) => shapingRuleMatches(rule, verdict, text));
      const k = keys(key, attempt.route);
      const ruleKeys = matched.map((rule) => `${k.base}:hits:${rule.id}`);
      const ruleArgs = matched.flatMap((rule) => [
        rule.id,
        rule.count,
        rule.windowMs,
        rule.holdMs,
        rule.action.pause === true ? '1' : '0',
        rule.action.maxRate ?? '',
        rule.action.maxConcurrency ?? '',
      ]);
      await feedbackRun(
        5 + ruleKeys.length,
        k.route,
        k.state,
        k.inflight,
        k.sent,
        kind === 'recipient-limited' ? holdKey(k.base, recipient) : '',
        ...ruleKeys,
        clock(now),
        'id' in attempt ? attempt.id : '',
        kind,
        wait,
        plan.initialRate,
        plan.maxRate,
        resolved.minRate,
        resolved.additiveIncrease,
        resolved.decreaseFactor,
        resolved.decreaseCooldownMs,
        resolved.busyPauseMs,
        resolved.maxPauseMs,
        resolved.recipientPauseMs,
        idle,
        resolved.slowStart ? '1' : '0',
        success ? '1' : '0',
        plan.warm,
        plan.keepCount,
        matched.length,
        ...ruleArgs,
      );
    },

    release(held, now) {
      return finish(held, now, 'unsent');
    },

    sent(held, now) {
      return finish(held, now, 'sent');
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
