import { describe, expect, it } from 'vitest';
import { throwingGetters } from './__fixtures__/hostile-values';
import { convertSafely } from './convert-safely';
import { unreadableOutcome } from './unreadable-outcome';

describe('unreadableOutcome', () => {
  it('is one unknown, local, zero-confidence outcome that keeps the input', () => {
    const input = { odd: true };
    const outcome = unreadableOutcome(input, 'Not an Acme payload.', {
      provider: 'acme',
      rule: 'acme-unreadable',
    });
    expect(outcome).toMatchObject({ provider: 'acme', event: 'failed', origin: 'local', providerDetail: {} });
    expect(outcome.raw).toBe(input);
    expect(outcome.verdict).toMatchObject({
      category: 'unknown',
      rule: 'acme-unreadable',
      confidence: 0,
      summary: 'Not an Acme payload.',
    });
  });

  it('applies event, scope, permanence and providerDetail when given', () => {
    const outcome = unreadableOutcome(1, 'x', {
      provider: 'acme',
      rule: 'acme-unreadable',
      event: 'accepted',
      scope: 'message',
      permanence: 'permanent',
      providerDetail: { unreadable: 'x' },
    });
    expect(outcome.event).toBe('accepted');
    expect(outcome.verdict.scope).toBe('message');
    expect(outcome.verdict.permanence).toBe('permanent');
    expect(outcome.providerDetail).toEqual({ unreadable: 'x' });
  });
});

describe('convertSafely', () => {
  const options = { provider: 'acme', rule: 'acme-unreadable-input' };

  it("returns convert's outcomes when it succeeds", () => {
    const outcome = unreadableOutcome(null, 'placeholder', options);
    expect(convertSafely(null, options, () => [outcome])).toEqual([outcome]);
  });

  it('turns anything thrown into one unreadable outcome that says why', () => {
    const input = throwingGetters();
    const [outcome, ...rest] = convertSafely(input, options, () => [
      unreadableOutcome(input, String(input.a), options),
    ]);
    expect(rest).toEqual([]);
    expect(outcome?.raw).toBe(input);
    expect(outcome?.verdict.rule).toBe('acme-unreadable-input');
    expect(outcome?.verdict.summary).toBe('Not readable as acme input: getter a throws.');
  });

  it('survives a thrown value that itself throws when read', () => {
    const [outcome] = convertSafely(1, options, () => {
      throw {
        toString() {
          throw new Error('no');
        },
      };
    });
    expect(outcome?.verdict.summary).toBe('Not readable as acme input: it threw while being read.');
  });
});
