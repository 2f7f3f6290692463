import { classify } from '@mailverdict/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRedis } from '../../test/redis-server';
import { createSharedThrottle, type SharedThrottleOptions } from './shared-throttle';

let a: Redis;
let b: Redis;
let counter = 0;
const prefixes: string[] = [];

beforeAll(async () => {
  const url = await ensureRedis();
  a = new Redis(url);
  b = new Redis(url);
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await a.keys(`${prefix}:*`);
    if (keys.length > 0) await a.del(...keys);
  }
  a.disconnect();
  b.disconnect();
});

/** Two throttles on two connections (two workers) sharing one prefix. */
function pair(options: SharedThrottleOptions = {}) {
  const prefix = `mv-throttle-test-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  prefixes.push(prefix);
  return [
    createSharedThrottle(a, { ...options, prefix }),
    createSharedThrottle(b, { ...options, prefix }),
  ] as const;
}

const tss04 = classify(
  '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
);
const ok = classify('250 2.0.0 OK');

describe('createSharedThrottle', () => {
  it('spaces messages at the rate, across workers (GCRA)', async () => {
    const [one, two] = pair({ destinations: { 'rate.test': { initialRate: 2, maxRate: 2 } } });
    expect((await one.acquire('x@rate.test', 'smtp', { now: 1000 })).allowed).toBe(true);
    const second = await two.acquire('y@rate.test', 'smtp', { now: 1000 });
    expect(second).toMatchObject({ allowed: false, reason: 'rate', retryAt: 1500 });
    expect((await two.acquire('y@rate.test', 'smtp', { now: 1500 })).allowed).toBe(true);
    // Another route is another state.
    expect((await two.acquire('y@rate.test', 'postmark', { now: 1500 })).allowed).toBe(true);
  });

  it('caps attempts in flight; feedback frees the slot', async () => {
    const [one, two] = pair({
      destinations: { 'c.test': { initialRate: 100, maxRate: 100, maxConcurrency: 1 } },
    });
    const first = await one.acquire('c.test', 'smtp', { now: 0 });
    if (!first.allowed) throw new Error('first attempt refused');
    expect(await two.acquire('c.test', 'smtp', { now: 100 })).toMatchObject({
      allowed: false,
      reason: 'concurrency',
    });
    await one.feedback(first.lease, ok, 150);
    expect((await two.acquire('c.test', 'smtp', { now: 200 })).allowed).toBe(true);
  });

  it('a lease whose worker died frees its slot when it ends', async () => {
    const [one] = pair({
      leaseMs: 1000,
      destinations: { 'c.test': { initialRate: 100, maxRate: 100, maxConcurrency: 1 } },
    });
    expect((await one.acquire('c.test', 'smtp', { now: 0 })).allowed).toBe(true);
    expect((await one.acquire('c.test', 'smtp', { now: 500 })).allowed).toBe(false);
    expect((await one.acquire('c.test', 'smtp', { now: 1001 })).allowed).toBe(true);
  });

  it('keeps the rate where mail arrives: a send still in flight counts until its reply', async () => {
    const [one, two] = pair({
      shapingRules: [],
      destinations: { 'mx.test': { initialRate: 10, maxRate: 10 } },
    });
    // A slow send admitted at 0 (its message may reach the MX as late as its reply)…
    const slow = await one.acquire('mx.test', 'smtp', { now: 0 });
    if (!slow.allowed) throw new Error('first attempt refused');
    // …and nine quick ones, one per 100 ms, each answered at once.
    for (let now = 100; now < 1000; now += 100) {
      const quick = await two.acquire('mx.test', 'smtp', { now });
      if (!quick.allowed) throw new Error(`refused at ${now}`);
      await two.feedback(quick.lease, ok, now);
    }
    // GCRA alone would admit at 1000: with the slow one arriving at 1050, the MX would see 11 in [100, 1100).
    expect(await two.acquire('mx.test', 'smtp', { now: 1000 })).toMatchObject({
      allowed: false,
      reason: 'rate',
      retryAt: 1100,
    });
    await one.feedback(slow.lease, ok, 1050);
    expect((await two.acquire('mx.test', 'smtp', { now: 1100 })).allowed).toBe(true);
  });

  it("a dead worker's admission counts as sent when its lease ends, so it cannot wedge the destination", async () => {
    const [one] = pair({
      leaseMs: 2000,
      shapingRules: [],
      destinations: { 'mx.test': { initialRate: 1, maxRate: 1 } },
    });
    expect((await one.acquire('mx.test', 'smtp', { now: 0 })).allowed).toBe(true);
    // Never answered: in flight until 2000, then counted as sent at 2000 for one window (1 s at 1/s).
    expect(await one.acquire('mx.test', 'smtp', { now: 1500 })).toMatchObject({
      reason: 'rate',
      retryAt: 2500,
    });
    expect(await one.acquire('mx.test', 'smtp', { now: 2500 })).toMatchObject({
      reason: 'rate',
      retryAt: 3000,
    });
    expect((await one.acquire('mx.test', 'smtp', { now: 3000 })).allowed).toBe(true);
  });

  it('a shaping rule fired by one worker pauses the destination for the others at once', async () => {
    const [one, two] = pair({ initialRate: 100, maxRate: 100 });
    await one.feedback({ destination: 'yahoo.com', route: 'smtp' }, tss04, 10_000);
    expect((await two.acquire('a@yahoo.com', 'smtp', { now: 10_001 })).allowed).toBe(true);
    await two.feedback({ destination: 'ymail.com', route: 'smtp' }, tss04, 20_000);
    // yahoo-tss04: two within an hour → pause 2 h, for every Yahoo domain.
    expect(await one.acquire('b@yahoo.com', 'smtp', { now: 20_001 })).toMatchObject({
      allowed: false,
      reason: 'paused',
      by: 'yahoo-tss04',
      retryAt: 20_000 + 2 * 3_600_000,
    });
    expect((await one.acquire('b@yahoo.com', 'postmark', { now: 20_001 })).allowed).toBe(true);
  });

  it('pauses after server-busy, doubling, and a success resets the doubling', async () => {
    const [one] = pair({ busyPauseMs: 1000 });
    const busy = classify('421 4.4.5 Server busy, try again later');
    await one.feedback({ destination: 'busy.test', route: 'smtp' }, busy, 0);
    expect(await one.acquire('busy.test', 'smtp', { now: 10 })).toMatchObject({
      reason: 'paused',
      retryAt: 1000,
    });
    await one.feedback({ destination: 'busy.test', route: 'smtp' }, busy, 1000);
    expect(await one.acquire('busy.test', 'smtp', { now: 1010 })).toMatchObject({
      reason: 'paused',
      retryAt: 3000,
    });
  });

  it('lowers the rate after a rate limit (AIMD)', async () => {
    const [one] = pair({ destinations: { 'r.test': { initialRate: 10, maxRate: 10 } } });
    const limited = classify('421 4.7.28 Our system has detected an unusual rate of unsolicited mail');
    await one.feedback({ destination: 'r.test', route: 'smtp' }, limited, 0);
    expect(Number((await one.inspect('r.test', 'smtp')).rate)).toBeCloseTo(7);
  });

  it('holds one recipient after a per-recipient limit, not the destination', async () => {
    const [one] = pair();
    const perRecipient = classify(
      '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.',
    );
    expect(perRecipient.scope).toBe('recipient');
    await one.feedback({ destination: 'h.test', route: 'smtp', recipient: 'busy@h.test' }, perRecipient, 0);
    expect(await one.acquire('h.test', 'smtp', { now: 1, recipient: 'busy@h.test' })).toMatchObject({
      reason: 'recipient',
    });
    expect((await one.acquire('h.test', 'smtp', { now: 2, recipient: 'other@h.test' })).allowed).toBe(true);
  });

  it('allows the warm-up volume per day, then waits for the next day', async () => {
    const [one] = pair({
      initialRate: 100,
      maxRate: 100,
      warmUp: {
        startAt: 0,
        dayMs: 10_000,
        destinations: {},
        others: { firstDayVolume: 2, factor: 2, maxDailyVolume: 8 },
      },
    });
    expect((await one.acquire('w.test', 'smtp', { now: 0 })).allowed).toBe(true);
    expect((await one.acquire('w.test', 'smtp', { now: 100 })).allowed).toBe(true);
    expect(await one.acquire('w.test', 'smtp', { now: 200 })).toMatchObject({
      reason: 'warm-up',
      retryAt: 10_000,
    });
    for (const now of [10_000, 10_100, 10_200, 10_300]) {
      expect((await one.acquire('w.test', 'smtp', { now })).allowed, `at ${now}`).toBe(true);
    }
    expect(await one.acquire('w.test', 'smtp', { now: 10_400 })).toMatchObject({ reason: 'warm-up' });
  });

  it('validates its options with core and names the field', () => {
    expect(() => createSharedThrottle(a, { maxRate: -1 })).toThrow(/maxRate/);
    expect(() => createSharedThrottle(a, { leaseMs: 0 })).toThrow(/leaseMs/);
    expect(() => createSharedThrottle(a, { prefix: '' })).toThrow(/prefix/);
  });

  it('refuses bad arguments with a clear answer', async () => {
    const [one] = pair();
    await expect(one.acquire('', 'smtp')).rejects.toThrow(/destination/);
    await expect(one.acquire('x.test', '')).rejects.toThrow(/route/);
    await expect(one.feedback({ destination: 'x.test', route: 'smtp' }, null as never)).rejects.toThrow(
      /result/,
    );
  });

  it('loads its scripts again when Redis forgot them (a restart, SCRIPT FLUSH)', async () => {
    const [one] = pair({ destinations: { 'flush.test': { initialRate: 1, maxRate: 1 } } });
    expect((await one.acquire('flush.test', 'smtp', { now: 0 })).allowed).toBe(true);
    await a.script('FLUSH');
    expect(await one.acquire('flush.test', 'smtp', { now: 10 })).toMatchObject({
      reason: 'rate',
      retryAt: 1000,
    });
  });

  it('uses the Redis server clock when no time is given', async () => {
    const [one] = pair({ destinations: { 'clock.test': { initialRate: 1, maxRate: 1 } } });
    expect((await one.acquire('clock.test', 'smtp')).allowed).toBe(true);
    const next = await one.acquire('clock.test', 'smtp');
    if (next.allowed) throw new Error('second message within a second was allowed');
    expect(Math.abs(next.retryAt - Date.now() - 1000)).toBeLessThan(1500);
  });
});
