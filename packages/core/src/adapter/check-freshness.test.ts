import { describe, expect, it } from 'vitest';
import { checkFreshness } from './check-freshness';
import { createMemoryReplayStore } from './replay-store';

const now = 1_800_000_000_000;
const base = { now, toleranceMs: 300_000, replayKey: 'test:abc', replayLabel: 'token' };

describe('checkFreshness', () => {
  it('accepts a timestamp inside the window once, then refuses the replay', async () => {
    const store = createMemoryReplayStore({ now: () => now });
    expect(await checkFreshness({ ...base, signedAt: now - 1000, store })).toEqual({ ok: true });
    expect(await checkFreshness({ ...base, signedAt: now - 1000, store })).toMatchObject({
      ok: false,
      reason: 'replayed',
      message: 'This token was already accepted: the request is a replay.',
    });
  });

  it('refuses timestamps outside the tolerance, either way', async () => {
    const store = createMemoryReplayStore();
    expect(await checkFreshness({ ...base, signedAt: now - 300_001, store })).toMatchObject({
      reason: 'timestamp-too-old',
    });
    expect(await checkFreshness({ ...base, signedAt: now + 300_001, store })).toMatchObject({
      reason: 'timestamp-too-new',
    });
  });

  it('remembers the id only until the timestamp leaves the window', async () => {
    const ttls: number[] = [];
    const store = {
      remember: (_id: string, ttlMs: number) => {
        ttls.push(ttlMs);
        return true;
      },
    };
    await checkFreshness({ ...base, signedAt: now - 100_000, store });
    expect(ttls).toEqual([200_000]);
  });

  it('refuses when the store fails, and skips the replay check when the store is false', async () => {
    const broken = {
      remember: () => {
        throw new Error('redis down');
      },
    };
    expect(await checkFreshness({ ...base, signedAt: now, store: broken })).toMatchObject({
      reason: 'replay-check-failed',
      message: expect.stringContaining('redis down'),
    });
    expect(await checkFreshness({ ...base, signedAt: now, store: false })).toEqual({ ok: true });
  });

  it('accepts a retry of the same id signed at a new time (Svix keeps the id, re-signs the timestamp)', async () => {
    const store = createMemoryReplayStore({ now: () => now });
    expect(await checkFreshness({ ...base, signedAt: now - 60_000, store })).toEqual({ ok: true });
    expect(await checkFreshness({ ...base, signedAt: now - 1_000, store })).toEqual({ ok: true });
    expect(await checkFreshness({ ...base, signedAt: now - 1_000, store })).toMatchObject({
      reason: 'replayed',
    });
  });

  it('fails closed when the memory store is full of live ids', async () => {
    const store = createMemoryReplayStore({ now: () => now, maxEntries: 1 });
    expect(await checkFreshness({ ...base, replayKey: 'a', signedAt: now, store })).toEqual({ ok: true });
    expect(await checkFreshness({ ...base, replayKey: 'b', signedAt: now, store })).toMatchObject({
      reason: 'replay-check-failed',
    });
    expect(await checkFreshness({ ...base, replayKey: 'a', signedAt: now, store })).toMatchObject({
      reason: 'replayed',
    });
  });
});
