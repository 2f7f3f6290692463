/**
 * A small seeded pseudo-random generator (mulberry32) returning numbers in [0, 1), so persona runs with
 * probabilities are reproducible from a seed.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new TypeError('seededRandom: `seed` must be a finite number');
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
