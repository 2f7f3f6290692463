import { seededRandom } from '@mailverdict/testkit';

// A small seeded pseudo-random generator (testkit's mulberry32) with the helpers the demo draws with: the same
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
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new TypeError('pick: `items` must not be empty');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}
