import { describe, expect, it } from 'vitest';
import type { BounceReport } from '../bounce-report';
import { matchReport, originalHeader } from './match-report';

const report: BounceReport = {
  kind: 'bounce',
  outcomes: [],
  format: 'rfc3464',
  problems: [],
  original: {
    messageId: '<abc@example.org>',
    headers: [
      { name: 'message-id', value: '<abc@example.org>' },
      { name: 'x-outbox-id', value: ' 42 ' },
    ],
  },
};

describe('matchReport', () => {
  const sent = [
    { id: 1, messageId: '<zzz@example.org>', headers: { 'X-Outbox-Id': '41' } },
    { id: 2, messageId: 'abc@example.org', headers: { 'X-Outbox-Id': '42' } },
  ];

  it('finds the sent message by Message-ID, angle brackets or not', () => {
    expect(matchReport(report, sent)?.id).toBe(2);
  });

  it('finds it by a custom header, any case', () => {
    expect(matchReport(report, [sent[1]!, sent[0]!].reverse(), { header: 'x-outbox-ID' })?.id).toBe(2);
    expect(originalHeader(report, 'X-Outbox-Id')).toBe(' 42 ');
  });

  it('finds nothing when the report does not include what to match on', () => {
    expect(matchReport({ ...report, original: undefined }, sent)).toBeUndefined();
    expect(
      matchReport(report, [{ messageId: '<other@example.org>', headers: { 'x-missing': '1' } }], {
        header: 'x-missing',
      }),
    ).toBeUndefined();
  });

  it('falls back to Message-ID when the report lacks the custom header', () => {
    expect(matchReport(report, sent, { header: 'x-missing' })?.id).toBe(2);
    expect(matchReport(report, [{ messageId: '<other@example.org>' }])).toBeUndefined();
  });
});
