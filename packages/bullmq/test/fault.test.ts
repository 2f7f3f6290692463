// Workers SIGKILLed at random points and Redis restarted once (append-only file on) while a scenario
// runs against the fake Postmark, some of whose replies are lost after it stored the message. The
// fake's own log must show every recipient exactly once: 0 lost, 0 sent twice, 0 abandoned (held).
import type { ChildProcess } from 'node:child_process';
import { type RunningFakePostmark, seededRandom, startFakePostmark } from '@mailverdict/testkit';
import { type OwnRedis, startRedis } from '@mailverdict/testkit/redis';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailJobData } from '../src/index';
import type { WorkerConfig } from './worker-process';
import { killWorker, startWorker } from './workers';

const jobs = 200;
const workerCount = 4;

describe('fault test: killed workers, a Redis restart, lost replies', () => {
  let redis: OwnRedis;
  let postmark: RunningFakePostmark;
  let queue: Queue<MailJobData<string>>;
  const workers: (ChildProcess | undefined)[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // Every 9th request: stored, then the reply is lost.
    postmark = await startFakePostmark({
      serverToken: 'server-token',
      dropReply: (context) => context.requestNumber % 9 === 0,
    });
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    // The restart below refuses connections for a moment; ioredis reconnects by itself.
    connection.on('error', () => {});
    queue = new Queue('mv-fault', { connection });
    queue.on('error', () => {});
  });
  afterAll(async () => {
    for (const w of workers) if (w !== undefined) await killWorker(w);
    await queue?.close();
    await postmark?.close();
    await redis?.stop();
  });

  it('ends with every message final: 0 lost, 0 duplicates, 0 abandoned', { timeout: 150_000 }, async () => {
    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
    const random = seededRandom(seed);
    const completed = new Map<string, number>();
    const config = (index: number): WorkerConfig => ({
      redisUrl: redis.url,
      queue: 'mv-fault',
      workerId: `w${index}`,
      provider: 'postmark',
      postmarkUrl: postmark.url,
      concurrency: 4,
      lockDurationMs: 2000,
      throttle: {
        prefix: 'mv-fault-throttle',
        destinations: { 'fault.test': { initialRate: 15, maxRate: 15 } },
      },
    });
    for (let index = 0; index < workerCount; index++)
      workers[index] = await startWorker(config(index), completed);
    const recipients: string[] = [];
    await queue.addBulk(
      Array.from({ length: jobs }, (_, index) => {
        const list =
          index % 10 === 0 ? [`a${index}@fault.test`, `b${index}@fault.test`] : [`a${index}@fault.test`];
        recipients.push(...list);
        return { name: 'm', data: { recipients: list, message: `message ${index}` } };
      }),
    );

    let kills = 0;
    let redisRestarted = false;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const counts = await queue.getJobCounts('completed', 'failed');
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= jobs || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 800 + random() * 1200));
      const index = Math.floor(random() * workerCount);
      const victim = workers[index];
      // A worker still starting is left alone; the replacement starts in the background.
      if (victim === undefined) continue;
      workers[index] = undefined;
      await killWorker(victim);
      kills++;
      if (!redisRestarted && (counts.completed ?? 0) > jobs / 3) {
        await redis.restart();
        redisRestarted = true;
      }
      void startWorker(config(index), completed).then((child) => {
        workers[index] = child;
      });
    }
    // Let replacements still starting finish, so none is left running.
    const settleUntil = Date.now() + 30_000;
    while (workers.some((w) => w === undefined) && Date.now() < settleUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const counts = await queue.getJobCounts('completed', 'failed', 'delayed', 'waiting', 'active');
    const held = (await queue.getDelayed()).filter((job) => job.data.mailverdict?.held !== undefined);
    const received = new Map<string, number>();
    for (const message of postmark.messages) {
      for (const to of message.to) received.set(to, (received.get(to) ?? 0) + 1);
    }
    const duplicates = [...received].filter(([, count]) => count > 1).map(([to]) => to);
    const lost = recipients.filter((to) => !received.has(to));
    const dropped = postmark.requests.length - postmark.messages.length;
    console.info(
      `fault test (seed ${seed}): ${kills} SIGKILLs, Redis restarted: ${redisRestarted}, ${postmark.messages.length} messages stored, ` +
        `${dropped} requests without a message, completed ${counts.completed}, held ${held.length}, lost ${lost.length}, duplicates ${duplicates.length}`,
    );
    expect(redisRestarted).toBe(true);
    expect(kills).toBeGreaterThan(2);
    expect(counts.completed, `seed ${seed}`).toBe(jobs);
    expect(
      held.map((job) => job.id),
      'abandoned (held)',
    ).toEqual([]);
    expect(lost, 'lost').toEqual([]);
    expect(duplicates, 'sent twice').toEqual([]);
    // The lost replies were really lost, and resolved by lookup rather than by sending again.
    const byLookup = (await queue.getCompleted(0, jobs)).flatMap(
      (job) => job.data.mailverdict?.recipients.filter((r) => r.deliveredBy === 'lookup') ?? [],
    );
    expect(byLookup.length).toBeGreaterThan(0);
  });
});
