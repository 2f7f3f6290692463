import { describe, expect, it } from 'vitest';
import { hostileInput, measureLinearTime } from '../__fixtures__/linear-time';
import { classify } from './classify';

// Timing tests run apart from the rest (`pnpm test:linear`, after every other suite), so that no
// other test process competes for the two cores while they measure.
describe('classify', () => {
  it('runs in linear time on hostile input (1 MB vs 100 KB stays near 10×)', () => {
    const unit = '550-5.7.1 aaaa user unkno spamhau [tss0 relay acc ';
    const smalls = Array.from({ length: 10 }, (_, index) => hostileInput('', unit, 100_000, index));
    const large = hostileInput('', unit, 1_000_000);
    const { ratio, bound } = measureLinearTime(classify, smalls, large);
    expect(ratio, `ratio ${ratio.toFixed(1)}, bound ${bound.toFixed(1)}`).toBeLessThan(bound);
  });
});
