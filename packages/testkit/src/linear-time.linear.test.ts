import { describe, expect, it } from 'vitest';
import { hostileInput, linearTimeBound, linearTimeRatio, measureLinearTime } from './linear-time';

// The linear-time tests of the parser and the classifier are only as good as this helper: it must
// pass a linear function and fail a quadratic one. 10 KB vs 100 KB keeps the quadratic case quick.
describe('linearTimeRatio and linearTimeBound', () => {
  const smalls = Array.from({ length: 10 }, (_, index) => hostileInput('', '550-aaaa\n', 10_000, index));
  const large = hostileInput('', '550-aaaa\n', 100_000);

  it('passes a linear scan', () => {
    const scan = (input: string) => input.split('\n').length;
    expect(linearTimeRatio(scan, smalls, large)).toBeLessThan(linearTimeBound(smalls, large));
  });

  it('fails a quadratic rescan (what a backtracking pattern does)', () => {
    // From every line start, scan to the end of the input for a character that is never there.
    const rescan = (input: string) => {
      let found = 0;
      for (let start = 0; start >= 0; start = input.indexOf('\n', start + 1)) {
        if (input.indexOf('z', start) >= 0) found++;
      }
      return found;
    };
    expect(linearTimeRatio(rescan, smalls, large)).toBeGreaterThan(linearTimeBound(smalls, large));
    // and retrying does not hide it
    const { ratio, bound } = measureLinearTime(rescan, smalls, large);
    expect(ratio).toBeGreaterThan(bound);
  });
});
