// Four worker processes race for one destination; the fake MX's own receive log must never show more
// messages in any window than the shared throttle allows.
import type { ChildProcess } from 'node:child_process';
import { maxInWindow, type RunningFakeSmtp, startFakeSmtp } from '@mailverdict/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailJobData } from '../src/index';
import { ensureRedis } from './redis-server';
import { killWorker, startWorker } from './workers';

const rate = 10; // messages per second for rate.test
const messages = 40;

describe('the shared throttle across 4 worker processes', () => {
  let url: string;
  let mx: RunningFakeSmtp;
  let queue: Queue<MailJobData<string>>;
  let connection: Redis;
  const workers: ChildProcess[] = [];
  const name = `mv-race-${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    url = await ensureRedis();
    mx = await startFakeSmtp({});
    connection = new Redis(url, { maxRetriesPerRequest: null });
    queue = new Queue(name, { connection });
  });
  afterAll(async () => {
    for (const w of workers) await killWorker(w);
    await queue.obliterate({ force: true });
    await queue.close();
    const keys = await connection.keys(`${name}:*`);
    if (keys.length > 0) await connection.del(...keys);
    connection.disconnect();
    await mx.close();
  });

  it('never exceeds the destination rate over any window, measured at the MX', {
    timeout: 60_000,
  }, async () => {
    const completed = new Map<string, number>();
    for (let index = 0; index < 4; index++) {
      workers.push(
        await startWorker(
          {
            redisUrl: url,
            queue: name,
            workerId: `w${index}`,
            provider: 'smtp',
            smtpPort: mx.port,
            concurrency: 8,
            throttle: {
              prefix: name,
              destinations: { 'rate.test': { initialRate: rate, maxRate: rate } },
            },
          },
          completed,
        ),
      );
    }
    await queue.addBulk(
      Array.from({ length: messages }, (_, index) => ({
        name: 'm',
        data: { recipients: [`r${index}@rate.test`], message: 'hi' },
      })),
    );
    const until = Date.now() + 40_000;
    while (mx.log.messages.length < messages && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const times = mx.log.messages.map((m) => m.at);
    expect(times).toHaveLength(messages);
    // A job is marked completed a moment after the MX logged its message: wait for every mark.
    while ((await queue.getCompletedCount()) < messages && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The throttle admits in Redis; the MX sees each message a transit time later (connect, EHLO, …,
    // on 2 shared cores). Its spread J widens any window by at most J: measured, not assumed.
    const jobs = await queue.getCompleted(0, messages);
    const admitted = new Map(
      jobs.flatMap(
        (job) => job.data.mailverdict?.recipients.map((r) => [r.address, r.lastAttemptAt ?? 0]) ?? [],
      ),
    );
    expect(admitted.size).toBe(messages);
    const transit = mx.log.messages.map((m) => m.at - (admitted.get(m.to[0] ?? '') ?? Number.NaN));
    const spread = Math.max(...transit) - Math.min(...transit);
    // GCRA admits one message per 1/rate s (burst 1): at most rate·(W + J)/1000 + 1 in a window of W ms.
    for (const windowMs of [500, 1000, 2000]) {
      expect(maxInWindow(times, windowMs), `window ${windowMs} ms, spread ${spread} ms`).toBeLessThanOrEqual(
        Math.floor((rate * (windowMs + spread)) / 1000) + 1,
      );
    }
    // Admission (each worker's clock read right after the Redis decision) keeps the rate within one message:
    // a worker descheduled between the decision and reading its clock can shift one admission.
    const admissions = [...admitted.values()];
    expect(maxInWindow(admissions, 1000 - 5)).toBeLessThanOrEqual(rate + 2);
    console.info(
      `throttle race: ${messages} messages at ${rate}/s, transit spread ${spread} ms, max in 1 s at the MX ${maxInWindow(times, 1000)}`,
    );
    // And the workers did race: more than one of them sent.
    expect([...completed.values()].filter((count) => count > 0).length).toBeGreaterThan(1);
    // Over the whole run the MX saw no more than the rate: the span is at least (n − 1)/rate, less J.
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(((messages - 1) * 1000) / rate - spread);
  });

  it('maxInWindow counts a sliding window', () => {
    expect(maxInWindow([0, 100, 200, 1000, 1050], 1000)).toBe(4);
    expect(maxInWindow([0, 999, 1000], 1000)).toBe(2);
    expect(maxInWindow([], 1000)).toBe(0);
  });
});
