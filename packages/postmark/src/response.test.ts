import { describe, expect, it } from 'vitest';
import { fromPostmarkResponse } from './response';

// packages/postmark/PROVIDER.md §1: a successful send, and a batch answered 200 with an ErrorCode per message.
const sent = {
  To: 'Jane <jane@example.test>, bob@example.test',
  SubmittedAt: '2026-11-20T10:15:00.1234567-05:00',
  MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
  ErrorCode: 0,
  Message: 'OK',
};
const inactive = {
  ErrorCode: 406,
  Message:
    'You tried to send to a recipient that has been marked as inactive.\nFound inactive addresses: gone@example.test.\nInactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression. ',
};

describe('fromPostmarkResponse', () => {
  it('a single send: one accepted outcome per recipient', () => {
    const outcomes = fromPostmarkResponse(sent);
    expect(outcomes.map((outcome) => [outcome.event, outcome.recipient, outcome.verdict.category])).toEqual([
      ['accepted', 'jane@example.test', 'accepted'],
      ['accepted', 'bob@example.test', 'accepted'],
    ]);
    expect(outcomes[0]?.messageId).toBe(sent.MessageID);
    expect(outcomes[0]?.occurredAt).toBe(Date.UTC(2026, 10, 20, 15, 15, 0, 123));
    expect(outcomes[0]?.origin).toBe('provider');
  });

  it('a batch: accepted and a per-message 406 side by side', () => {
    const batch = [sent, inactive, { ...sent, To: 'cy@example.test', MessageID: 'c' }];
    const outcomes = fromPostmarkResponse(batch);
    expect(outcomes.map((outcome) => [outcome.event, outcome.recipient, outcome.verdict.category])).toEqual([
      ['accepted', 'jane@example.test', 'accepted'],
      ['accepted', 'bob@example.test', 'accepted'],
      ['rejected', 'gone@example.test', 'suppressed'],
      ['accepted', 'cy@example.test', 'accepted'],
    ]);
    expect(outcomes[2]?.providerDetail).toMatchObject({ batchIndex: 1, ErrorCode: 406 });
    expect(outcomes[2]?.raw).toBe(inactive);
  });

  it('a batch element with another ErrorCode fails that message only', () => {
    const [outcome] = fromPostmarkResponse([{ ErrorCode: 300, Message: "Error parsing 'To'", To: 'x' }]);
    expect([outcome?.event, outcome?.verdict.category, outcome?.recipient]).toEqual([
      'failed',
      'protocol',
      'x',
    ]);
  });

  it('garbage answers unknown with the reason', () => {
    expect(fromPostmarkResponse(42)[0]?.verdict.summary).toContain('not a Postmark send response');
    expect(fromPostmarkResponse({})[0]?.verdict.category).toBe('unknown');
    expect(fromPostmarkResponse([])).toEqual([]);
  });

  it('with what was sent, every recipient of a batch gets an outcome (ErrorCode 300 has no To; a 406 co-recipient)', () => {
    const messages = [
      { To: 'jane@example.test, bob@example.test' },
      { To: 'gone@example.test', Cc: 'kept@example.test' },
      { To: 'broken@example.test' },
    ];
    const batch = [sent, inactive, { ErrorCode: 300, Message: 'Invalid email request' }];
    const outcomes = fromPostmarkResponse(batch, messages);
    expect(
      outcomes.map((outcome) => [outcome.providerDetail.batchIndex, outcome.event, outcome.recipient]),
    ).toEqual([
      [0, 'accepted', 'jane@example.test'],
      [0, 'accepted', 'bob@example.test'],
      [1, 'rejected', 'gone@example.test'],
      [1, 'failed', 'kept@example.test'],
      [2, 'failed', 'broken@example.test'],
    ]);
    expect(outcomes[3]?.verdict).toMatchObject({
      rule: 'postmark:406-co-recipient',
      permanence: 'transient',
    });
    expect(outcomes[4]?.verdict.category).toBe('protocol');
  });
});
