// The README's "Writing an adapter" example, as written there (imports from the source instead of the package).
import { describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../index';
import { throwingProxy } from './__fixtures__/hostile-values';
import {
  convertSafely,
  createMemoryReplayStore,
  ifDefined,
  judgeRelayedReply,
  listRecipients,
  parseRetryAfter,
  readField,
  readHeader,
  readString,
  unreadableOutcome,
} from './index';

const options = { provider: 'acme', rule: 'acme-unreadable' };

function fromAcmeBounce(payload: unknown): DeliveryOutcome[] {
  return convertSafely(payload, options, () => {
    const bounce = readField(payload, 'bounce');
    const recipient = readString(bounce, 'email');
    if (recipient === undefined)
      return [unreadableOutcome(payload, 'Not an Acme bounce: no email.', options)];
    const { reply, verdict } = judgeRelayedReply(readString(bounce, 'smtp'), recipient, {
      category: 'mailbox-unknown',
      options: { rule: 'acme-hard-bounce' },
    });
    return [
      {
        provider: 'acme',
        event: 'bounced',
        recipient,
        origin: 'remote-server',
        providerDetail: {},
        ...ifDefined('reply', reply),
        verdict,
        raw: payload,
      },
    ];
  });
}

describe('README: Writing an adapter', () => {
  it('classifies the relayed text, keeping the reply', () => {
    const [outcome] = fromAcmeBounce({
      bounce: {
        email: 'bob@gmail.com',
        smtp: '550 5.1.1 The email account that you tried to reach does not exist.',
      },
    });
    expect(outcome?.verdict.category).toBe('mailbox-unknown');
    expect(outcome?.reply?.code).toBe(550);
  });

  it("falls back to the provider's label without text, with no reply key", () => {
    const [outcome] = fromAcmeBounce({ bounce: { email: 'bob@example.com' } });
    expect(outcome?.verdict.rule).toBe('acme-hard-bounce');
    expect(outcome !== undefined && 'reply' in outcome).toBe(false);
  });

  it('answers one unreadable outcome for garbage and hostile input', () => {
    for (const payload of [{ bounce: {} }, 'text', throwingProxy()]) {
      const outcomes = fromAcmeBounce(payload);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.verdict.rule).toBe('acme-unreadable');
    }
  });

  it('runs the one-line examples as commented', () => {
    expect(parseRetryAfter(readHeader({ 'Retry-After': '30' }, 'retry-after'), Date.now())).toBe(30_000);
    expect(listRecipients({ to: ['a@example.com', 'b@example.com'] }, 'fromAcmeError')).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    const store = createMemoryReplayStore({ maxEntries: 10_000 });
    expect(store.remember('webhook-id', 300_000)).toBe(true);
    expect(store.remember('webhook-id', 300_000)).toBe(false);
  });
});
