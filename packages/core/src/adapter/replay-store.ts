/**
 * Remembers webhook ids (Mailgun tokens, Svix message ids) so a captured request cannot be replayed
 * while its timestamp is still inside the tolerance window. Plug in a shared store (Redis `SET NX PX`,
 * a database unique key) when several processes receive webhooks.
 */
export interface ReplayStore {
  /**
   * Records `id` for `ttlMs` milliseconds (until its timestamp leaves the tolerance window). Returns `true` when
   * the id was new, `false` when it was already recorded and has not expired: that request is a replay. Must be
   * atomic for shared stores (Redis: `SET key 1 NX PX ttlMs`).
   */
  remember(id: string, ttlMs: number): boolean | Promise<boolean>;
}

export interface MemoryReplayStoreOptions {
  /**
   * Most live ids kept at once. Size it as your peak webhook rate × the verifier's tolerance window, both ways
   * (5 minutes each way at 50 webhooks/s is 30 000). When every entry is still live the store throws, so the
   * verifier refuses the webhook (fail closed, the provider retries later) rather than forgetting an id that a
   * captured request could then replay. Default 10 000.
   */
  readonly maxEntries?: number;
  /** Clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
}

/** A bounded in-memory `ReplayStore` for a single process; expired ids are dropped as new ones arrive. */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createMemoryReplayStore: `options` must be an object');
  }
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError('createMemoryReplayStore: `options.maxEntries` must be a positive integer');
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function')
    throw new TypeError('createMemoryReplayStore: `options.now` must be a function');
  // A Map iterates in insertion order, so its first key is the oldest entry.
  const seen = new Map<string, number>();
  return {
    remember(id, ttlMs) {
      const time = now();
      const expiresAt = time + Math.max(0, ttlMs);
      const known = seen.get(id);
      if (known !== undefined && known > time) return false;
      seen.delete(id);
      for (const [key, expiry] of seen) {
        // Expired entries sit mostly at the front; stop at the first live one to keep this O(1) amortized.
        if (expiry > time) break;
        seen.delete(key);
      }
      if (seen.size >= maxEntries) {
        // Entries are not sorted by expiry (ttls differ): sweep once before refusing.
        for (const [key, expiry] of seen) if (expiry <= time) seen.delete(key);
        if (seen.size >= maxEntries) {
          throw new Error(
            `the memory replay store holds ${maxEntries} live ids (raise maxEntries to rate × window)`,
          );
        }
      }
      seen.set(id, expiresAt);
      return true;
    },
  };
}
