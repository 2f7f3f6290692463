// `--queue bullmq`: the outbox through BullMQ worker processes on Redis. Needs `redis-server` (Debian
// package `redis-server`): the Redis at REDIS_URL is used, or one is started on it when none answers.
import { ensureRedis, redisUrl as url } from '@mailverdict/testkit/redis';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBullmqDemo } from '../src/bullmq/run-bullmq';
import { createScenario } from '../src/scenario';

beforeAll(async () => {
  await ensureRedis(url);
}, 20_000);

describe('--queue bullmq', () => {
  it('sends the outbox with worker processes: none lost, none twice, every destination within its limit', {
    timeout: 300_000,
  }, async () => {
    // Seed 1: two `lost-*` recipients over SMTP, whose MX keeps the message and drops its reply.
    const lostOverSmtp = createScenario(1, 60).messages.filter(
      (message) => message.kind === 'lost' && message.provider === 'smtp',
    );
    expect(lostOverSmtp.length).toBeGreaterThan(0);
    const report = await runBullmqDemo({ messages: 60, seed: 1, workers: 2, redisUrl: url });
    expect(report.final.unfinished).toBe(0);
    expect(report.final.delivered).toBeGreaterThan(30);
    expect(report.duplicates).toBe(0);
    expect(report.lost).toBe(0);
    // A lost SMTP reply is held for a person, never resent.
    expect(report.inDoubtHeld).toBe(lostOverSmtp.length);
    // Every worker process took its share (counted from each worker's own completion events).
    const finished = Object.values(report.workers);
    expect(finished.every((jobs) => jobs > 0)).toBe(true);
    expect(finished.reduce((sum, jobs) => sum + jobs, 0)).toBeLessThanOrEqual(
      report.final.delivered + report.final.failed,
    );
    for (const rate of report.rates)
      expect(rate.mostInWindow, rate.destination).toBeLessThanOrEqual(rate.allowedInWindow);
  });
});
