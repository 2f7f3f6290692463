import { describe, expect, it } from 'vitest';
import { perRecipient } from './per-recipient';

describe('perRecipient', () => {
  const outcome = Object.freeze({ provider: 'acme', event: 'failed' as const });

  it('copies the outcome once per recipient', () => {
    expect(perRecipient(outcome, ['a@x.example', 'b@x.example'])).toEqual([
      { provider: 'acme', event: 'failed', recipient: 'a@x.example' },
      { provider: 'acme', event: 'failed', recipient: 'b@x.example' },
    ]);
  });

  it('keeps the outcome itself when no recipient is named', () => {
    const outcomes = perRecipient(outcome, []);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toBe(outcome);
  });
});
