import { classify, type DeliveryOutcome } from '@mailverdict/core';
import { ensureRedis } from '@mailverdict/testkit/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome } from '../../test/outcomes';
import { startQueue } from '../../test/queue-harness';
import { listHeld, releaseHeld } from '../hold/held-jobs';
import { markInDoubt } from '../in-doubt/in-doubt';
import { createSharedThrottle } from '../throttle/shared-throttle';
import { createMailProcessor } from './create-processor';

const ok = '250 2.0.0 OK queued';
const transient = '451 4.3.0 Temporary local problem - please try later';
const unknown = '550 5.1.1 The email account that you tried to reach does not exist';
const dmarc = '550-5.7.26 Unauthenticated email from example.com is not accepted due to domain DMARC policy';
const tooMany = '452 4.5.3 Too many recipients';
const fast = { jitter: 0, schedules: { 'server-error': { firstDelayMs: 150, factor: 1, maxDelayMs: 150 } } };

let url: string;
beforeAll(async () => {
  url = await ensureRedis();
});

type Reply = (recipient: string, call: number) => string | 'in-doubt';

function scripted(reply: Reply) {
  const calls: string[][] = [];
  const send = async ({ recipients }: { recipients: readonly string[] }): Promise<DeliveryOutcome[]> => {
    calls.push([...recipients]);
    return recipients.map((r) => {
      const text = reply(r, calls.length);
      return text === 'in-doubt'
        ? markInDoubt(outcome(r, '451 4.4.2 connection lost after DATA'))
        : outcome(r, text);
    });
  };
  return { calls, send };
}

describe('createMailProcessor', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const q of opened) await q.close();
  });

  it('retries only the failed recipient of a job that partly succeeded, through a BullMQ delay', async () => {
    const { calls, send } = scripted((r, call) => (r.startsWith('b') && call === 1 ? transient : ok));
    const q = await startQueue(url, { send, policy: fast });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['a@one.test', 'b@two.test'], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(done.data.mailverdict?.held).toBeUndefined();
    expect(state).toBe('completed');
    expect(calls).toEqual([['a@one.test', 'b@two.test'], ['b@two.test']]);
    expect(done.returnvalue).toEqual({ delivered: ['a@one.test', 'b@two.test'], failed: [] });
    // The delay is BullMQ's own: no BullMQ attempt was used, our per-recipient count drove the schedule.
    // BullMQ counts the run that completed; the delayed run before it is not a BullMQ attempt.
    expect(done.attemptsMade).toBe(1);
    expect(done.attemptsStarted).toBe(2);
    expect(done.data.mailverdict?.recipients.map((r) => r.attempts)).toEqual([1, 2]);
  });

  it('gives up with an UnrecoverableError and keeps the decision on the job', async () => {
    const { calls, send } = scripted(() => unknown);
    const q = await startQueue(url, { send, policy: fast });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['x@one.test'], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('failed');
    expect(calls).toHaveLength(1);
    expect(done.failedReason).toContain('x@one.test');
    const decision = done.data.mailverdict?.recipients[0]?.decision;
    expect(decision).toMatchObject({ action: 'give-up', cause: 'permanent', category: 'mailbox-unknown' });
  });

  it('holds a change-required failure where a human can list and release it', async () => {
    let fixed = false;
    const { calls, send } = scripted(() => (fixed ? ok : dmarc));
    const q = await startQueue(url, { send, policy: fast });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['y@gmail.com'], message: 'hi' });
    expect((await q.settle(job.id as string)).state).toBe('held');
    const held = await listHeld(q.queue);
    expect(held.map((h) => h.id)).toEqual([job.id]);
    expect(held[0]?.recipients[0]?.decision).toMatchObject({ action: 'hold', fix: 'dns-records' });
    fixed = true;
    expect(await releaseHeld(q.queue, job.id as string)).toBe(true);
    const { state } = await q.settle(job.id as string);
    expect(state).toBe('completed');
    expect(calls).toHaveLength(2);
    expect(await listHeld(q.queue)).toEqual([]);
    expect(await releaseHeld(q.queue, job.id as string)).toBe(false);
  });

  it('answers retry-now in the same run, without a delay', async () => {
    const { calls, send } = scripted((_, call) => (call === 1 ? tooMany : ok));
    const q = await startQueue(url, { send, policy: fast });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['z@one.test'], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('completed');
    expect(calls).toHaveLength(2);
    expect(done.delay).toBe(0);
  });

  it('resolves an in-doubt attempt by lookup and never resends what the provider has', async () => {
    const { calls, send } = scripted(() => 'in-doubt');
    const lookups: string[] = [];
    const q = await startQueue(url, {
      send,
      policy: fast,
      inDoubtGraceMs: 50,
      lookup: async ({ attemptKey, recipient }) => {
        lookups.push(attemptKey);
        return recipient.startsWith('got') ? 'delivered' : 'absent';
      },
    });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['got@one.test'], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('completed');
    expect(calls).toHaveLength(1);
    expect(lookups).toEqual([`${job.id}.1`]);
    expect(done.data.mailverdict?.recipients[0]?.deliveredBy).toBe('lookup');
  });

  it("ends an in-doubt attempt's throttle lease after the grace: it counts as sent, it holds no slot", async () => {
    const { send } = scripted(() => 'in-doubt');
    const redis = new Redis(url);
    const prefix = `mv-doubt-lease-${process.pid}-${Date.now().toString(36)}`;
    const throttle = createSharedThrottle(redis, { prefix, shapingRules: [] });
    const q = await startQueue(url, {
      send,
      policy: fast,
      throttle,
      inDoubtGraceMs: 50,
      lookup: async () => 'delivered',
    });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['d@doubt.test'], message: 'hi' });
    expect((await q.settle(job.id as string)).state).toBe('completed');
    const base = `${prefix}:{default}:doubt.test`;
    expect(await redis.zcard(`${base}:inflight`)).toBe(0);
    expect(await redis.zcard(`${base}:sent`)).toBe(1);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('holds an in-doubt attempt nobody can look up (direct SMTP) instead of sending it again', async () => {
    const { calls, send } = scripted(() => 'in-doubt');
    const q = await startQueue(url, { send, policy: fast, inDoubtGraceMs: 10 });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['lost@one.test'], message: 'hi' });
    const { state, job: held } = await q.settle(job.id as string);
    expect(state).toBe('held');
    expect(calls).toHaveLength(1);
    expect(held.data.mailverdict?.recipients[0]?.inDoubt?.attemptKey).toBe(`${job.id}.1`);
    // A human checked with the recipient: it arrived.
    expect(await releaseHeld(q.queue, job.id as string, { as: 'delivered' })).toBe(true);
    expect((await q.settle(job.id as string)).state).toBe('completed');
    expect(calls).toHaveLength(1);
  });

  it('fails a job whose data has no recipients, without calling send', async () => {
    const { calls, send } = scripted(() => ok);
    const q = await startQueue(url, { send });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: [], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('failed');
    expect(done.failedReason).toContain('recipients');
    expect(calls).toHaveLength(0);
  });

  // Another worker saw a 421: the destination is paused, or — a provider-scope failure, the ESP itself busy
  // for another destination — every destination on the route is. Either way the job waits, not an attempt.
  it.each([
    { paused: 'destination', feedbackTo: 'busy.test', recipient: 'p@busy.test', scope: undefined },
    { paused: 'route', feedbackTo: 'elsewhere.test', recipient: 'p@route.test', scope: 'provider' as const },
  ])('delays a job whose $paused is paused, without counting an attempt', async (example) => {
    const { calls, send } = scripted(() => ok);
    const redis = new Redis(url);
    const prefix = `mv-${example.paused}-paused-${process.pid}-${Date.now().toString(36)}`;
    const throttle = createSharedThrottle(redis, { prefix, busyPauseMs: 600 });
    const busy = classify('421 4.4.5 Server busy, try again later');
    await throttle.feedback(
      { destination: example.feedbackTo, route: 'default' },
      example.scope === undefined ? busy : { ...busy, scope: example.scope },
    );
    const q = await startQueue(url, { send, policy: fast, throttle });
    opened.push(q);
    const started = Date.now();
    const job = await q.queue.add('m', { recipients: [example.recipient], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('completed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(calls).toHaveLength(1);
    expect(done.data.mailverdict?.recipients[0]?.attempts).toBe(1);
    // BullMQ's own count too: the wait used none of the job's attempts.
    expect(done.attemptsMade).toBe(1);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('divides delays by timeScale for a simulated clock', async () => {
    const greylisted = '451 4.7.1 Greylisting in action, please come back later';
    const { calls, send } = scripted((_, call) => (call === 1 ? greylisted : ok));
    const start = Date.now();
    const now = () => start + (Date.now() - start) * 3000;
    const q = await startQueue(url, { send, now, timeScale: 3000, policy: { jitter: 0 } });
    opened.push(q);
    const job = await q.queue.add('m', { recipients: ['g@grey.test'], message: 'hi' });
    const { state, job: done } = await q.settle(job.id as string);
    expect(state).toBe('completed');
    expect(calls).toHaveLength(2);
    // Greylisting waits at least 5 minutes: about 100 ms of real time at 3000×.
    const decision = done.data.mailverdict?.recipients[0]?.decision;
    expect(decision?.action).toBe('retry');
    expect(decision?.action === 'retry' && decision.delayMs).toBeGreaterThanOrEqual(300_000);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(() => createMailProcessor({ send, timeScale: 0 })).toThrow(/timeScale/);
  });
});
