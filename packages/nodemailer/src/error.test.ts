import { isCategory } from '@mailverdict/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodemailerError } from './__fixtures__/errors';
import { fixtures, good, mail, matches } from './__fixtures__/matrix';
import * as replies from './__fixtures__/replies';
import { fromNodemailerError } from './error';
import { fromNodemailerInfo } from './response';

const convert = (kind: 'error' | 'info', input: unknown) =>
  kind === 'error' ? fromNodemailerError(input, mail) : fromNodemailerInfo(input);

describe('packages/nodemailer/PROVIDER.md §4 matrix (fixtures)', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const outcomes = convert(fixture.kind, fixture.input);
      expect(outcomes).toHaveLength(fixture.expected.length);
      outcomes.forEach((outcome, index) => {
        const expected = fixture.expected[index]!;
        const actual = {
          ...outcome,
          verdict: { category: outcome.verdict.category, permanence: outcome.verdict.permanence },
        };
        expect(
          matches(outcome, expected),
          `${JSON.stringify(actual.verdict)} ${outcome.event} ${outcome.origin}`,
        ).toBe(true);
      });
      for (const outcome of outcomes) expect(outcome.provider).toBe('smtp');
    });
  }
});

describe('fromNodemailerError', () => {
  const greylistMix = fixtures.find((fixture) => fixture.name.startsWith('RCPT 550 + 450'))!.input;

  it('classifies each recipient from rejectedErrors, never from the top-level 450', () => {
    const [bad, greylisted] = fromNodemailerError(greylistMix, mail);
    expect(bad?.reply?.code).toBe(550);
    expect(bad?.verdict.suppressRecipient).toBe(true);
    expect(greylisted?.reply?.code).toBe(450);
    expect(greylisted?.verdict.suppressRecipient).toBe(false);
    // The per-recipient error is the raw evidence of its own outcome.
    expect(bad?.raw).toBe((greylistMix as { rejectedErrors: unknown[] }).rejectedErrors[0]);
  });

  it('re-parses the multi-line reply: code, enhanced code, lines without their 550- prefix', () => {
    const error = nodemailerError('Recipient command failed', {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: replies.gmailNoSuchUser,
      recipient: 'nobody@example.test',
    });
    const [outcome] = fromNodemailerError(error);
    expect(outcome?.recipient).toBe('nobody@example.test');
    expect(outcome?.reply?.code).toBe(550);
    expect(outcome?.reply?.enhanced?.code).toBe('5.1.1');
    for (const line of outcome?.reply?.lines ?? []) expect(line.startsWith('550')).toBe(false);
    expect(outcome?.providerDetail).toMatchObject({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      permanent: true,
    });
  });

  it('keeps the error untouched and as raw', () => {
    const error = Object.freeze(
      nodemailerError('Message failed', {
        code: 'EMESSAGE',
        command: 'DATA',
        response: replies.sizeAfterData,
      }),
    );
    const before = { ...error, message: error.message };
    const outcomes = fromNodemailerError(error, mail);
    expect(outcomes.every((outcome) => outcome.raw === error)).toBe(true);
    expect({ ...error, message: error.message }).toEqual(before);
  });

  it('gives one outcome without recipient when neither the error nor mail names one', () => {
    const error = nodemailerError('Greeting never received', { code: 'ETIMEDOUT', command: 'CONN' });
    const outcomes = fromNodemailerError(error);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.recipient).toBeUndefined();
    expect(outcomes[0]?.verdict.category).toBe('network');
    expect(outcomes[0]?.providerDetail).toMatchObject({
      code: 'ETIMEDOUT',
      message: 'Greeting never received',
    });
  });

  it('reads recipients from to, cc, bcc and envelope.to', () => {
    const error = nodemailerError('Greeting never received', { code: 'ETIMEDOUT', command: 'CONN' });
    const recipients = (value: object) =>
      fromNodemailerError(error, value).map((outcome) => outcome.recipient);
    expect(
      recipients({ to: 'Ann <ann@example.test>, bob@example.test', cc: { address: 'cy@example.test' } }),
    ).toEqual(['ann@example.test', 'bob@example.test', 'cy@example.test']);
    expect(recipients({ to: 'ann@example.test', envelope: { to: ['env@example.test'] } })).toEqual([
      'env@example.test',
    ]);
  });

  it('EAUTH without a reply is our credentials (origin account)', () => {
    const error = nodemailerError('Missing credentials for "PLAIN"', { code: 'EAUTH', command: 'API' });
    const [outcome] = fromNodemailerError(error);
    expect(outcome?.origin).toBe('account');
    expect(outcome?.verdict.category).toBe('client-auth');
    expect(outcome?.verdict.retry.changeRequired).toBe(true);
  });

  it('local validation (command API) has origin local and names the invalid recipient', () => {
    const error = nodemailerError('Invalid recipient "bad\\n@example.test"', {
      code: 'EENVELOPE',
      command: 'API',
    });
    const outcomes = fromNodemailerError(error, { to: ['bad\n@example.test', good] });
    expect(outcomes.map((outcome) => [outcome.recipient, outcome.origin, outcome.verdict.category])).toEqual([
      ['bad\n@example.test', 'local', 'mailbox-unknown'],
      [good, 'local', 'unknown'],
    ]);
    expect(outcomes[1]?.verdict.permanence).toBe('transient');
  });

  it('maps the other local and transport codes', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: 'EENVELOPE', command: 'API', message: 'No recipients defined' }, 'local', 'protocol'],
      [{ code: 'EENVELOPE', command: 'API', message: 'Invalid sender "a\\nb"' }, 'local', 'sender-rejected'],
      [
        { code: 'EMESSAGE', command: 'MAIL FROM', message: 'Message size larger than allowed 1000' },
        'local',
        'message-too-large',
      ],
      [{ code: 'EMAXRECIPIENTS', message: 'Too many recipients' }, 'local', 'transaction-limit'],
      [{ code: 'ESOCKET', command: 'CONN', originalCode: 'EAI_AGAIN' }, 'network', 'dns-failure'],
      [
        { code: 'ETLS', command: 'STARTTLS', message: 'Error upgrading connection with STARTTLS' },
        'network',
        'tls-failure',
      ],
      [{ code: 'EABORT', name: 'AbortError', message: 'The operation was aborted' }, 'local', 'unknown'],
      [{ code: 'ESTREAM', command: 'API', message: 'ENOENT' }, 'local', 'unknown'],
    ];
    for (const [fields, origin, category] of cases) {
      const [outcome] = fromNodemailerError({ ...fields });
      expect([outcome?.origin, outcome?.verdict.category], JSON.stringify(fields)).toEqual([
        origin,
        category,
      ]);
    }
  });

  it('an unexpected 2xx reply is a protocol fault, never a success', () => {
    const error = nodemailerError('Data command failed', {
      code: 'EENVELOPE',
      command: 'DATA',
      response: '250 OK',
    });
    const [outcome] = fromNodemailerError(error);
    expect(outcome?.verdict.category).toBe('protocol');
    expect(outcome?.verdict.permanence).not.toBe('success');
  });

  it('throws a TypeError for a mail that is not an object', () => {
    expect(() => fromNodemailerError(new Error('x'), 'to@example.test' as never)).toThrow(TypeError);
  });

  it('never throws on anything thrown, and always answers with a category', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const outcomes = fromNodemailerError(value);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const outcome of outcomes) expect(isCategory(outcome.verdict.category)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('garbage gives unknown with the reason', () => {
    const [outcome] = fromNodemailerError('boom');
    expect(outcome?.verdict.category).toBe('unknown');
    expect(outcome?.verdict.summary).toContain('not a nodemailer error');
    expect(outcome?.raw).toBe('boom');
  });
});
