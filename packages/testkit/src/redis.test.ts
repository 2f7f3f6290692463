import { describe, expect, it } from 'vitest';
import { ensureRedis, redisAnswers, startRedis } from './redis';

describe('redis for tests', () => {
  it('finds (or starts) the shared Redis, and a private one that comes back after a restart', {
    timeout: 30_000,
  }, async () => {
    const url = await ensureRedis();
    expect(await redisAnswers(url)).toBe(true);
    const own = await startRedis();
    try {
      expect(own.url).not.toBe(url);
      await own.restart();
      expect(await redisAnswers(own.url)).toBe(true);
    } finally {
      await own.stop();
    }
    expect(await redisAnswers(own.url, 300)).toBe(false);
  });

  it('says no for a port where nothing or something else listens', async () => {
    expect(await redisAnswers('redis://127.0.0.1:1', 300)).toBe(false);
  });
});
