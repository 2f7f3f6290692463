// Timing, so outside the default run (package.json `test:linear`, like parse-bounce.linear.test.ts).
import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text';

describe('htmlText time', () => {
  it('runs in linear time on hostile runs of `<` and `&`', () => {
    for (const unit of ['<', '&', '<a', '&#', '<style>']) {
      const small = unit.repeat(20_000);
      const large = unit.repeat(200_000);
      const started = performance.now();
      htmlText(small);
      const smallTime = performance.now() - started;
      const again = performance.now();
      htmlText(large);
      const largeTime = performance.now() - again;
      // Ten times the input: far less than the hundredfold a quadratic scan would take.
      expect(largeTime, unit).toBeLessThan(Math.max(smallTime, 1) * 40);
    }
  });
});
