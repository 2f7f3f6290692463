import { describe, expect, it } from 'vitest';
import { fromPostmarkResponse } from './from-postmark-response';

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
    expect(fromPostmarkResponse(42)[0]?.verdict.summary).toContain('Not a Postmark send response');
    expect(fromPostmarkResponse({})[0]?.verdict.category).toBe('unknown');
    expect(fromPostmarkResponse([])).toEqual([]);
  });
});
