// A small seeded pseudo-random generator (mulberry32, public domain, by Tommy Ettinger): the same
// seed gives the same outbox, the same jitter and the same crash points, on every machine.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new TypeError('createRandom: `seed` must be a safe integer');
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new TypeError('pick: `items` must not be empty');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}
