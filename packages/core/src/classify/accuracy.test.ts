import { describe, expect, it } from 'vitest';
import { measureAccuracy } from '../../scripts/measure-accuracy';

// The bar of issue 3, measured on the labelled real replies (src/__fixtures__/replies.jsonl).
// `pnpm accuracy` prints the confusion table and every miss.
describe('accuracy on real replies', () => {
  const result = measureAccuracy();

  it('scores the whole corpus', () => {
    expect(result.total).toBeGreaterThanOrEqual(198);
  });

  it('gets the category right for ≥ 95 % (a label’s accepted alternatives count)', () => {
    expect(result.category).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the permanence right for ≥ 97 %', () => {
    expect(result.permanence).toBeGreaterThanOrEqual(0.97);
  });

  it('gets the scope right for ≥ 95 %', () => {
    expect(result.scope).toBeGreaterThanOrEqual(0.95);
  });

  it('never suppresses an address the label says must not be suppressed', () => {
    expect(result.suppressViolations.map((item) => item.label.id)).toEqual([]);
  });
});
