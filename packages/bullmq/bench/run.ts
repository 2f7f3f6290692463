// pnpm bench: jobs/s through the mail processor with 1, 2 and 4 worker processes (concurrency 1 each)
// against a fake MX that answers the message after 20 ms, and shared-throttle decisions/s in Redis.
// Bounded: a fixed number of jobs and decisions per run, each run with a time limit.
import type { ChildProcess } from 'node:child_process';
import { classify } from '@mailverdict/core';
import { startFakeSmtp } from '@mailverdict/testkit';
import { ensureRedis } from '@mailverdict/testkit/redis';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createSharedThrottle, type MailJobData } from '../src/index';
import { killWorker, startWorker } from '../test/workers';

const jobs = 150;
const decisions = 5000;

const url = await ensureRedis();
const mx = await startFakeSmtp({ message: { delayMs: 20 } });
const connection = new Redis(url, { maxRetriesPerRequest: null });

async function jobsPerSecond(workerCount: number): Promise<number> {
  const name = `mv-bench-${process.pid}-${workerCount}`;
  const queue = new Queue<MailJobData<string>>(name, { connection });
  const workers: ChildProcess[] = [];
  const completed = new Map<string, number>();
  for (let index = 0; index < workerCount; index++) {
    workers.push(
      await startWorker(
        {
          redisUrl: url,
          queue: name,
          workerId: `w${index}`,
          provider: 'smtp',
          smtpPort: mx.port,
          concurrency: 1,
        },
        completed,
      ),
    );
  }
  const started = Date.now();
  await queue.addBulk(
    Array.from({ length: jobs }, (_, index) => ({
      name: 'm',
      data: { recipients: [`r${index}@bench.test`], message: 'x' },
    })),
  );
  const until = started + 120_000;
  while (Date.now() < until && ((await queue.getJobCounts('completed')).completed ?? 0) < jobs) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (Date.now() - started) / 1000;
  for (const worker of workers) await killWorker(worker);
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}

const rates: Record<number, number> = {};
for (const count of [1, 2, 4]) {
  rates[count] = await jobsPerSecond(count);
  console.log(`${count} worker${count > 1 ? 's' : ' '}: ${rates[count]?.toFixed(1)} jobs/s`);
}
const ratio = (rates[4] ?? 0) / (rates[1] ?? 1);
console.log(`4 workers / 1 worker: ${ratio.toFixed(2)}× (budget ≥ 3×) ${ratio >= 3 ? 'ok' : 'BELOW BUDGET'}`);

// Throttle decisions: acquire + feedback pairs from one client, 32 in flight.
const prefix = `mv-bench-throttle-${process.pid}`;
const throttle = createSharedThrottle(connection, {
  prefix,
  initialRate: 100,
  maxRate: 100,
  burst: 1_000_000,
});
const ok = classify('250 2.0.0 OK');
let next = 0;
const started = Date.now();
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (next < decisions) {
      const index = next++;
      const answer = await throttle.acquire(`d${index % 50}.bench.test`, 'smtp');
      if (answer.allowed) await throttle.feedback(answer.lease, ok);
    }
  }),
);
const seconds = (Date.now() - started) / 1000;
console.log(
  `throttle: ${(decisions / seconds).toFixed(0)} acquire+feedback pairs/s (${((2 * decisions) / seconds).toFixed(0)} scripts/s)`,
);
const keys = await connection.keys(`${prefix}:*`);
if (keys.length > 0) await connection.del(...keys);
connection.disconnect();
await mx.close();
process.exit(ratio >= 3 ? 0 : 1);
