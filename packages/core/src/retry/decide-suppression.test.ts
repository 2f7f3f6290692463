import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';
import { MailverdictError } from '../verdict/errors';
import { decideSuppression, defaultSuppressionPolicy, type SuppressionEvent } from './decide-suppression';

// Real replies (src/__fixtures__/replies.jsonl and the providers' documented wording).
const full = classify(
  '452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to Clear Google Drive space & increase storage.',
);
const fullAsPermanentCode = classify('552 5.2.2 <user@icloud.com>: user is over quota');
const unknown = classify(
  '550 5.1.1 <user@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
);
const delivered = classify('250 2.0.0 OK 1700000000 a1-20020a170902 - gsmtp');
const reputation = classify(
  '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
);
const blocklisted = classify(
  '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1',
);
const serverBusy = classify('421 4.3.2 Service not available, closing transmission channel');
const recipientRate = classify(
  '450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.',
);

const day = 24 * 60 * 60 * 1000;
const start = Date.UTC(2026, 10, 2, 9, 0, 0);
const at = (days: number, verdict = full): SuppressionEvent => ({ at: start + days * day, verdict });

describe('decideSuppression', () => {
  it('reads the verdicts it is given as the taxonomy means them', () => {
    expect([full.category, full.scope, full.suppressRecipient]).toEqual(['mailbox-full', 'recipient', false]);
    expect([fullAsPermanentCode.category, fullAsPermanentCode.suppressRecipient]).toEqual([
      'mailbox-full',
      false,
    ]);
    expect(unknown.suppressRecipient).toBe(true);
    expect(delivered.category).toBe('delivered');
  });

  it('suppresses a mailbox full at three sends over more than a week (weekly newsletter)', () => {
    const decision = decideSuppression([at(0), at(7), at(14)]);
    expect(decision).toMatchObject({ suppress: true, reason: 'repeated-soft-failures', softFailures: 3 });
    expect(decision.spanMs).toBe(14 * day);
    expect(decision.decidedBy?.at).toBe(start + 14 * day);
  });

  it('does not suppress one message retried many times within a day (a burst is not a pattern)', () => {
    const retries = [0, 0.01, 0.05, 0.2, 0.5, 0.9].map((days) => at(days));
    expect(decideSuppression(retries)).toMatchObject({
      suppress: false,
      reason: 'span-too-short',
      softFailures: 6,
    });
  });

  it('does not suppress two full-mailbox bounces, however far apart', () => {
    expect(decideSuppression([at(0), at(30)])).toMatchObject({
      suppress: false,
      reason: 'too-few-soft-failures',
    });
  });

  it('starts counting again after a delivery', () => {
    const history = [at(0), at(7), at(10, delivered), at(14), at(21)];
    expect(decideSuppression(history)).toMatchObject({
      suppress: false,
      reason: 'too-few-soft-failures',
      softFailures: 2,
    });
    expect(decideSuppression([...history, at(28)])).toMatchObject({ suppress: true, softFailures: 3 });
  });

  it('never counts sender, destination or throttling failures', () => {
    const history = [
      at(0, reputation),
      at(5, blocklisted),
      at(10, serverBusy),
      at(15, recipientRate),
      at(20, reputation),
    ];
    expect(decideSuppression(history)).toMatchObject({
      suppress: false,
      reason: 'no-recipient-failures',
      softFailures: 0,
    });
    const mixed = [at(0), at(3, blocklisted), at(6, reputation), at(9, serverBusy), at(12)];
    expect(decideSuppression(mixed)).toMatchObject({ suppress: false, softFailures: 2 });
  });

  it('suppresses at once on a hard bounce since the last delivery, not on one before it', () => {
    expect(decideSuppression([at(0), at(1, unknown)])).toMatchObject({
      suppress: true,
      reason: 'hard-bounce',
    });
    expect(decideSuppression([at(0, unknown), at(1, delivered), at(2)])).toMatchObject({
      suppress: false,
      reason: 'too-few-soft-failures',
    });
  });

  it('reads the history in any order without changing it', () => {
    const history = [at(14), at(0), at(7)];
    const copy = [...history];
    expect(decideSuppression(history).suppress).toBe(true);
    expect(history).toEqual(copy);
  });

  it('honours each policy field', () => {
    const history = [at(0), at(2), at(4)];
    expect(decideSuppression(history).suppress).toBe(false);
    expect(decideSuppression(history, { minSpanMs: 4 * day }).suppress).toBe(true);
    expect(decideSuppression(history, { minSpanMs: 0, softFailures: 4 }).suppress).toBe(false);
    expect(decideSuppression([at(0), at(10)], { softFailures: 2 }).suppress).toBe(true);
    const weekly = [at(0), at(7), at(14)];
    expect(decideSuppression(weekly, { categories: ['mailbox-disabled'] })).toMatchObject({
      suppress: false,
      reason: 'no-recipient-failures',
    });
    expect(defaultSuppressionPolicy).toEqual({
      softFailures: 3,
      minSpanMs: 7 * day,
      categories: ['mailbox-full', 'mailbox-disabled'],
    });
  });

  it('says what was wrong with its input', () => {
    expect(() => decideSuppression('nope' as never)).toThrow(/`history` must be an array/);
    expect(() => decideSuppression([{ at: Number.NaN, verdict: full }])).toThrow(/history\[0\]`\.at/);
    expect(() => decideSuppression([{ at: 1 } as never])).toThrow(/verdict must be a Verdict/);
    expect(() => decideSuppression([{ at: 1, verdict: { category: 'nope' } } as never])).toThrow(/category/);
    expect(() => decideSuppression([], { softFailures: 0 })).toThrow(MailverdictError);
    expect(() => decideSuppression([], { minSpanMs: -1 })).toThrow(/minSpanMs/);
    expect(() => decideSuppression([], { categories: ['reputation'] })).toThrow(
      /only hold recipient categories/,
    );
    expect(() => decideSuppression([], { categories: [] })).toThrow(/non-empty/);
    expect(() => decideSuppression([], null as never)).toThrow(/`policy` must be an object/);
  });
});

describe('decideSuppression: the README example, as written there', () => {
  it('suppresses a mailbox full at three weekly sends, not at two', () => {
    const day = 86_400_000;
    const full = classify('452 4.2.2 The email account that you tried to reach is over quota.');
    const weekly = [0, 7, 14].map((days) => ({ at: Date.UTC(2026, 10, 2) + days * day, verdict: full }));
    expect(decideSuppression(weekly)).toMatchObject({
      suppress: true,
      reason: 'repeated-soft-failures',
      softFailures: 3,
      spanMs: 14 * day,
    });
    expect(decideSuppression(weekly.slice(0, 2))).toMatchObject({
      suppress: false,
      reason: 'too-few-soft-failures',
    });
  });
});
