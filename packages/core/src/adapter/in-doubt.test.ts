import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';
import { isInDoubt, markInDoubt } from './in-doubt';

const outcome = {
  provider: 'smtp',
  event: 'failed' as const,
  origin: 'network' as const,
  providerDetail: { code: 'ECONNECTION' },
  verdict: classify('421 4.4.2 connection lost'),
  raw: null,
};

describe('in-doubt outcomes', () => {
  it('marks a copy and keeps the rest of the outcome', () => {
    const marked = markInDoubt(outcome);
    expect(isInDoubt(marked)).toBe(true);
    expect(marked.providerDetail).toEqual({ code: 'ECONNECTION', inDoubt: true });
    expect(isInDoubt(outcome)).toBe(false);
    expect(outcome.providerDetail).toEqual({ code: 'ECONNECTION' });
  });

  it('reads only a real true as in doubt', () => {
    expect(isInDoubt({ ...outcome, providerDetail: { inDoubt: 'true' } })).toBe(false);
  });
});
