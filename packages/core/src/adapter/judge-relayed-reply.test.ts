import { describe, expect, it } from 'vitest';
import { judgeRelayedReply } from './judge-relayed-reply';

const fallback = { category: 'mailbox-unknown', options: { rule: 'acme-hard-bounce' } } as const;

describe('judgeRelayedReply', () => {
  it('classifies the relayed SMTP text when the classifier knows it', () => {
    const { reply, verdict } = judgeRelayedReply(
      '452 4.2.2 The email account that you tried to reach is over quota.',
      'bob@gmail.com',
      fallback,
    );
    expect(reply?.code).toBe(452);
    expect(verdict.category).toBe('mailbox-full');
    expect(verdict.rule).not.toBe('acme-hard-bounce');
  });

  it("falls back to the provider's label when there is no text, keeping no reply", () => {
    for (const text of [undefined, '', '   ']) {
      const judgement = judgeRelayedReply(text, 'bob@example.com', fallback);
      expect(judgement.reply).toBeUndefined();
      expect(judgement.verdict.category).toBe('mailbox-unknown');
      expect(judgement.verdict.rule).toBe('acme-hard-bounce');
    }
  });

  it("falls back to the provider's label when the text says nothing known, keeping the reply", () => {
    const judgement = judgeRelayedReply('zzz qqq', undefined, fallback);
    expect(judgement.verdict.category).toBe('mailbox-unknown');
    expect(judgement.verdict.rule).toBe('acme-hard-bounce');
    expect(judgement.reply?.raw).toBe('zzz qqq');
    expect(judgement.verdict.reply).toBe(judgement.reply);
  });
});
