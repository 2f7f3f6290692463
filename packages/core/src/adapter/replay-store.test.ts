import { describe, expect, it } from 'vitest';
import { createMemoryReplayStore } from './replay-store';

describe('createMemoryReplayStore', () => {
  it('answers false for an id seen within its ttl, true once it expired', () => {
    let time = 1_000;
    const store = createMemoryReplayStore({ now: () => time });
    expect(store.remember('a', 500)).toBe(true);
    expect(store.remember('a', 500)).toBe(false);
    time = 1_499;
    expect(store.remember('a', 500)).toBe(false);
    time = 1_500;
    expect(store.remember('a', 500)).toBe(true);
  });

  it('refuses (throws) rather than forget a live id when maxEntries live ids are kept', () => {
    let time = 0;
    const store = createMemoryReplayStore({ maxEntries: 2, now: () => time });
    expect(store.remember('a', 1_000)).toBe(true);
    expect(store.remember('b', 2_000)).toBe(true);
    expect(() => store.remember('c', 1_000)).toThrow(/holds 2 live ids/);
    // The live ids are still known: a replay of `a` is still refused.
    expect(store.remember('a', 1_000)).toBe(false);
    time = 1_000;
    // `a` expired: there is room again.
    expect(store.remember('c', 1_000)).toBe(true);
    expect(store.remember('b', 1_000)).toBe(false);
  });

  it('treats a negative ttl as zero: the id is forgotten at once', () => {
    const store = createMemoryReplayStore({ now: () => 0 });
    expect(store.remember('a', -5)).toBe(true);
    expect(store.remember('a', -5)).toBe(true);
  });

  it('rejects bad options with a TypeError naming them', () => {
    expect(() => createMemoryReplayStore(null as never)).toThrow(/`options` must be an object/);
    expect(() => createMemoryReplayStore({ maxEntries: 0 })).toThrow(/options.maxEntries/);
    expect(() => createMemoryReplayStore({ maxEntries: 1.5 })).toThrow(/options.maxEntries/);
    expect(() => createMemoryReplayStore({ now: 5 as never })).toThrow(/options.now/);
  });
});
