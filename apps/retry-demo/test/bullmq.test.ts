// `--queue bullmq`: the outbox through BullMQ worker processes on Redis. Needs `redis-server` (Debian
// package `redis-server`): the Redis at REDIS_URL is used, or one is started on it when none answers.
import { execFileSync, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBullmqDemo } from '../src/bullmq/run-bullmq';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function answers(): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

beforeAll(async () => {
  if (await answers()) return;
  try {
    execFileSync('sh', ['-c', 'command -v redis-server']);
  } catch {
    throw new Error(
      '--queue bullmq needs `redis-server` on PATH: install the Debian package `redis-server`.',
    );
  }
  const { hostname, port } = new URL(url);
  spawn('redis-server', ['--bind', hostname, '--port', port || '6379', '--save', ''], {
    detached: true,
    stdio: 'ignore',
  }).unref();
  for (let tries = 0; tries < 100 && !(await answers()); tries++)
    await new Promise((r) => setTimeout(r, 100));
}, 20_000);

describe('--queue bullmq', () => {
  it('sends the outbox with worker processes: none lost, none twice, every destination within its limit', {
    timeout: 300_000,
  }, async () => {
    const report = await runBullmqDemo({ messages: 60, seed: 3, workers: 2, redisUrl: url });
    expect(report.final.unfinished).toBe(0);
    expect(report.final.delivered).toBeGreaterThan(30);
    expect(report.duplicates).toBe(0);
    expect(report.lost).toBe(0);
    // Every worker process took its share (counted from each worker's own completion events).
    const finished = Object.values(report.workers);
    expect(finished.every((jobs) => jobs > 0)).toBe(true);
    expect(finished.reduce((sum, jobs) => sum + jobs, 0)).toBeLessThanOrEqual(
      report.final.delivered + report.final.failed,
    );
    for (const rate of report.rates)
      expect(rate.maxPerHour, rate.destination).toBeLessThanOrEqual(rate.allowedPerHour);
  });
});
