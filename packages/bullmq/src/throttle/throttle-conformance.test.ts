// Conformance: the same scripted acquire / feedback events go through core's in-process throttle and
// through the shared throttle in Redis, and every decision (admit, or wait: reason, by, retryAt) must be
// the same. One core throttle paces one route, so every event here uses one route.
import {
  classify,
  createThrottle,
  type DeliveryOutcome,
  type ThrottleAnswer,
  type ThrottleOptions,
  type Verdict,
} from '@mailverdict/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRedis } from '../../test/redis-server';
import { createSharedThrottle, type SharedThrottleAnswer, type ThrottleLease } from './shared-throttle';

type Result = Verdict | DeliveryOutcome;
type Step =
  | { readonly at: number; readonly acquire: string; readonly recipient?: string }
  /** The result of the oldest attempt still open for the destination (ends it). */
  | { readonly at: number; readonly feedback: string; readonly result: Result; readonly recipient?: string }
  /** A later event (a webhook): shapes the destination, ends no attempt. */
  | { readonly at: number; readonly event: string; readonly result: Result; readonly recipient?: string }
  /** The oldest open attempt for the destination was not made. */
  | { readonly at: number; readonly release: string };

let redis: Redis;
let counter = 0;
const prefixes: string[] = [];

beforeAll(async () => {
  redis = new Redis(await ensureRedis());
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

/** A decision as both throttles can state it; retryAt to the microsecond. */
function decision(answer: ThrottleAnswer | SharedThrottleAnswer): string {
  if (answer.allowed) return 'allowed';
  return `${answer.reason} until ${answer.retryAt.toFixed(3)}${answer.by === undefined ? '' : ` by ${answer.by}`}`;
}

/** Both throttles, fed step by step; `step` returns both decisions for an acquire. */
function pairOf(options: ThrottleOptions) {
  const prefix = `mv-conformance-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  prefixes.push(prefix);
  const core = createThrottle(options);
  const shared = createSharedThrottle(redis, { ...options, prefix });
  const route = 'smtp';
  const open = new Map<string, ThrottleLease[]>();
  const oldest = (destination: string): ThrottleLease => {
    const lease = open.get(destination)?.shift();
    if (lease === undefined) throw new Error(`no attempt open for ${destination}`);
    return lease;
  };
  return async (step: Step): Promise<{ core: string; shared: string; retryAt?: number } | undefined> => {
    if ('acquire' in step) {
      const fromCore = core.acquire(step.acquire, step.at, step.recipient);
      const fromShared = await shared.acquire(step.acquire, route, {
        now: step.at,
        ...(step.recipient === undefined ? {} : { recipient: step.recipient }),
      });
      if (fromShared.allowed) open.set(step.acquire, [...(open.get(step.acquire) ?? []), fromShared.lease]);
      return {
        core: decision(fromCore),
        shared: decision(fromShared),
        ...(fromCore.allowed ? {} : { retryAt: fromCore.retryAt }),
      };
    }
    if ('feedback' in step) {
      core.feedback(step.feedback, step.result, step.at, step.recipient);
      const lease = oldest(step.feedback);
      await shared.feedback(
        step.recipient === undefined ? lease : { ...lease, recipient: step.recipient },
        step.result,
        step.at,
      );
    } else if ('event' in step) {
      core.feedback(step.event, step.result, step.at, {
        release: false,
        ...(step.recipient === undefined ? {} : { recipient: step.recipient }),
      });
      await shared.feedback(
        {
          destination: step.event,
          route,
          ...(step.recipient === undefined ? {} : { recipient: step.recipient }),
        },
        step.result,
        step.at,
      );
    } else {
      core.release(step.release);
      await shared.release(oldest(step.release), step.at);
    }
    return undefined;
  };
}

/** Runs a script through both throttles; every acquire's decisions, labelled by step. */
async function conform(options: ThrottleOptions, steps: readonly Step[]): Promise<string[]> {
  const step = pairOf(options);
  const decisions: string[] = [];
  for (const [index, s] of steps.entries()) {
    const answer = await step(s);
    if (answer === undefined) continue;
    expect(answer.shared, `step ${index} (acquire ${'acquire' in s ? s.acquire : ''} at ${s.at})`).toBe(
      answer.core,
    );
    decisions.push(answer.core);
  }
  return decisions;
}

const ok = classify('250 2.0.0 OK');
const slowDown = classify('421 4.7.0 Too many messages, slow down');
const busy = classify('421 4.3.2 Service shutting down');
const tss04 = classify(
  '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints',
);
const msReputation = classify(
  '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. (S775)',
);
const perRecipient = classify(
  '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.',
);
// An ESP's own outage or quota: scope `provider`, so it pauses the route, not the destination.
const espBusy: Verdict = { ...busy, scope: 'provider' };
const espQuota: DeliveryOutcome = {
  provider: 'smtp',
  event: 'deferred',
  origin: 'provider',
  providerDetail: {},
  verdict: { ...slowDown, scope: 'provider' },
  retryAfterMs: 5000,
  raw: '429',
};
const withRetryAfter = (verdict: Verdict, ms: number): DeliveryOutcome => ({
  provider: 'smtp',
  event: 'deferred',
  origin: 'remote-server',
  providerDetail: {},
  verdict,
  retryAfterMs: ms,
  raw: verdict.reply?.raw ?? '',
});

describe('the shared throttle decides as core throttle does', () => {
  it('paces with GCRA, grows by slow start and AIMD, cuts on a limit, pauses on a Retry-After', async () => {
    const step = pairOf({ initialRate: 2, maxRate: 20, shapingRules: [] });
    let now = 0;
    let admitted = 0;
    let waits = 0;
    let pauses = 0;
    // Sends as fast as both allow for 240 decisions; each attempt's reply comes back at once.
    for (let index = 0; index < 240; index++) {
      const answer = await step({ at: now, acquire: 'pace.test' });
      if (answer === undefined) throw new Error('no decision');
      expect(answer.shared, `decision ${index} at ${now}`).toBe(answer.core);
      if (answer.retryAt !== undefined) {
        waits++;
        if (answer.core.startsWith('paused')) pauses++;
        now = answer.retryAt;
        continue;
      }
      admitted++;
      const result =
        admitted % 40 === 0 ? withRetryAfter(slowDown, 3000) : admitted % 25 === 0 ? slowDown : ok;
      await step({ at: now, feedback: 'pace.test', result });
    }
    expect(admitted).toBeGreaterThan(100);
    expect(waits).toBeGreaterThan(50);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('pauses a destination after server-busy (doubling), a route after a provider-scope failure, and clamps both', async () => {
    const decisions = await conform({ busyPauseMs: 1000, maxPauseMs: 60_000, shapingRules: [] }, [
      { at: 0, acquire: 'gmail.com' },
      { at: 10, feedback: 'gmail.com', result: busy },
      { at: 20, acquire: 'gmail.com' },
      { at: 20, acquire: 'example.org' },
      { at: 25, feedback: 'example.org', result: ok },
      { at: 30, event: 'example.org', result: espBusy },
      { at: 40, acquire: 'yahoo.com' },
      { at: 1020, acquire: 'gmail.com' },
      { at: 1030, acquire: 'gmail.com' },
      { at: 1040, feedback: 'gmail.com', result: busy },
      { at: 1041, acquire: 'gmail.com' },
      { at: 1050, event: 'example.org', result: espQuota },
      { at: 2000, acquire: 'example.org' },
      { at: 6050, acquire: 'example.org' },
      { at: 6060, feedback: 'example.org', result: ok },
      { at: 6070, event: 'example.org', result: espBusy },
      { at: 6080, acquire: 'example.org' },
      // A pause set by a clock a day ahead lasts at most maxPauseMs from now.
      { at: 86_400_000, event: 'ahead.test', result: busy },
      { at: 7100, acquire: 'ahead.test' },
      { at: 7200, acquire: 'ahead.test' },
    ]);
    expect(decisions).toEqual([
      'allowed',
      'paused until 1010.000 by server-busy',
      'allowed',
      'paused until 1030.000 by route:server-busy',
      'paused until 1030.000 by route:server-busy',
      'allowed',
      'paused until 3040.000 by server-busy',
      'paused until 6050.000 by route:retry-after',
      'allowed',
      'paused until 7070.000 by route:server-busy',
      'paused until 67100.000 by server-busy',
      'paused until 67100.000 by server-busy',
    ]);
  });

  it('fires shaping rules (pause, cap) and holds one recipient', async () => {
    const decisions = await conform({}, [
      { at: 0, acquire: 'yahoo.com' },
      { at: 0, feedback: 'yahoo.com', result: tss04 },
      { at: 5000, acquire: 'aol.com' },
      { at: 5000, feedback: 'aol.com', result: tss04 },
      { at: 5001, acquire: 'ymail.com' },
      { at: 0, acquire: 'outlook.com' },
      { at: 0, feedback: 'outlook.com', result: msReputation },
      { at: 10, acquire: 'hotmail.com' },
      { at: 0, acquire: 'h.test', recipient: 'busy@h.test' },
      { at: 100, feedback: 'h.test', result: perRecipient, recipient: 'busy@h.test' },
      { at: 200, acquire: 'h.test', recipient: 'busy@h.test' },
      { at: 1000, acquire: 'h.test', recipient: 'other@h.test' },
    ]);
    expect(decisions).toEqual([
      'allowed',
      'allowed',
      'paused until 7205000.000 by yahoo-tss04',
      'allowed',
      'rate until 1000.000',
      'allowed',
      'recipient until 900100.000',
      'allowed',
    ]);
  });

  it("reads a provider's domain in `destinations` as the provider", async () => {
    const decisions = await conform(
      { shapingRules: [], destinations: { 'gmail.com': { initialRate: 50, maxRate: 50 } } },
      [
        { at: 0, acquire: 'a@googlemail.com' },
        { at: 20, acquire: 'b@gmail.com' },
        { at: 30, acquire: 'c@gmail.com' },
      ],
    );
    expect(decisions).toEqual(['allowed', 'allowed', 'rate until 40.000']);
  });

  it('caps attempts in flight and counts warm-up volume per day; a release gives a unit back', async () => {
    const options: ThrottleOptions = {
      shapingRules: [],
      destinations: { 'c.test': { initialRate: 100, maxRate: 100, maxConcurrency: 2 } },
      warmUp: {
        startAt: 0,
        dayMs: 10_000,
        destinations: {},
        others: { firstDayVolume: 3, factor: 2, maxDailyVolume: 8 },
      },
    };
    const day2 = Array.from({ length: 7 }, (_, index): Step[] => [
      { at: 20_000 + index * 100, acquire: 'c.test' },
      ...(index < 6 ? [{ at: 20_000 + index * 100 + 5, feedback: 'c.test', result: ok } as Step] : []),
    ]).flat();
    const decisions = await conform(options, [
      { at: 0, acquire: 'c.test' },
      { at: 10, acquire: 'c.test' },
      { at: 20, acquire: 'c.test' },
      { at: 25, feedback: 'c.test', result: ok },
      { at: 30, acquire: 'c.test' },
      { at: 40, feedback: 'c.test', result: ok },
      { at: 40, feedback: 'c.test', result: ok },
      { at: 50, acquire: 'c.test' },
      // Day 1: six messages allowed; one not made gives its unit back; a reputation deferral keeps day 2 at six.
      { at: 10_000, acquire: 'c.test' },
      { at: 10_005, release: 'c.test' },
      { at: 10_010, acquire: 'c.test' },
      { at: 10_015, feedback: 'c.test', result: ok },
      { at: 10_020, event: 'c.test', result: msReputation },
      ...day2,
    ]);
    expect(decisions.slice(0, 7)).toEqual([
      'allowed',
      'allowed',
      'concurrency until 30.000',
      'allowed',
      'warm-up until 10000.000',
      'allowed',
      'allowed',
    ]);
    expect(decisions.slice(7)).toEqual([...Array(6).fill('allowed'), 'warm-up until 30000.000']);
  });
});

describe('where the shared throttle is stricter than core, to keep the rate where mail arrives', () => {
  it('counts attempts still in flight against the window: at most the rate per window is unanswered', async () => {
    const shared = createSharedThrottle(redis, {
      prefix: `mv-conformance-${process.pid}-strict-${++counter}`,
      shapingRules: [],
      destinations: { 'slow.test': { initialRate: 10, maxRate: 10 } },
    });
    const core = createThrottle({
      shapingRules: [],
      destinations: { 'slow.test': { initialRate: 10, maxRate: 10 } },
    });
    let inCore = 0;
    let inShared = 0;
    // No replies for 3 s (a tarpitting server): core admits 10/s throughout, the shared throttle 10 in all.
    for (let now = 0; now < 3000; now += 100) {
      if (core.acquire('slow.test', now).allowed) inCore++;
      if ((await shared.acquire('slow.test', 'smtp', { now })).allowed) inShared++;
    }
    expect(inCore).toBe(30);
    expect(inShared).toBe(10);
  });

  it('a shaping cap holds over its whole window from the moment it fires', async () => {
    const options: ThrottleOptions = {};
    const step = pairOf(options);
    await step({ at: 0, acquire: 'outlook.com' });
    await step({ at: 0, feedback: 'outlook.com', result: msReputation });
    // Core's GCRA lets the next one go at its old next-send time; 1 a minute means none within 60 s of the last.
    expect(await step({ at: 1000, acquire: 'outlook.com' })).toMatchObject({
      core: 'allowed',
      shared: 'rate until 60000.000',
    });
  });
});
