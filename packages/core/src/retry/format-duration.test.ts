import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [300_000, '5 min'],
    [4_000_000, '1 h 7 min'],
    [3_599_999, '1 h'],
    [14_400_000, '4 h'],
    [86_399_000, '1 d'],
    [90 * 3_600_000, '3 d 18 h'],
    [2 * 86_400_000, '2 d'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
