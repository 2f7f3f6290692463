import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply';
import type { SmtpReply } from './smtp-reply';

// Real replies, labelled, copied from the project's reference data (see __fixtures__/README.md).
const fixture = new Map(
  readFileSync(new URL('../__fixtures__/replies.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; reply: string };
      return [row.id, row.reply] as const;
    }),
);

function reply(id: string): string {
  const text = fixture.get(id);
  if (text === undefined) throw new Error(`no fixture reply ${id}`);
  return text;
}

interface Expected {
  code?: number;
  enhanced?: string;
  source?: 'prefix' | 'text' | 'qmail';
  classMismatch?: boolean;
  text?: string;
  lines?: number;
  contains?: string;
}

function check(parsed: SmtpReply, expected: Expected): void {
  expect(parsed.code).toBe(expected.code);
  expect(parsed.enhanced?.code).toBe(expected.enhanced);
  if (expected.source !== undefined) expect(parsed.enhanced?.source).toBe(expected.source);
  expect(parsed.classMismatch).toBe(expected.classMismatch ?? false);
  if (expected.text !== undefined) expect(parsed.text).toBe(expected.text);
  if (expected.lines !== undefined) expect(parsed.lines).toHaveLength(expected.lines);
  if (expected.contains !== undefined) expect(parsed.text).toContain(expected.contains);
}

describe('parseReply: real replies (src/__fixtures__/replies.jsonl, by id)', () => {
  const table: [string, string, Expected][] = [
    [
      'multi-line, enhanced code repeated on every line',
      'gmail-001',
      {
        code: 550,
        enhanced: '5.1.1',
        source: 'prefix',
        lines: 4,
        text: "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser 00000000000000.000 - gsmtp",
      },
    ],
    [
      'double space before the URL collapsed in text',
      'gmail-003',
      {
        code: 550,
        enhanced: '5.2.1',
        lines: 3,
        contains: 'go to https://support.google.com/mail/?p=DisabledUser',
      },
    ],
    [
      'blank continuation lines (`550-5.7.26` alone)',
      'gmail-014',
      {
        code: 550,
        enhanced: '5.7.26',
        lines: 7,
        contains: 'either SPF or DKIM. Authentication results: DKIM = did not pass SPF',
      },
    ],
    [
      'URL split across lines is joined whole',
      'misc-034',
      { code: 550, enhanced: '5.1.0', lines: 2, contains: 'see https://www.spamhaus.org/query/lookup/ ;id=' },
    ],
    [
      'multi-line without enhanced codes',
      'gmx-002',
      {
        code: 554,
        lines: 4,
        text: 'gmx.net (mxgmx104) Nemesis ESMTP Service not available No SMTP service IP address is block listed. For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=1MNcgj-1ue23t3pyV-00S2YR',
      },
    ],
    [
      'multi-line whose first line starts with an IP',
      'misc-013',
      { code: 550, lines: 2, contains: 'dc=net Error' },
    ],
    [
      'class mismatch 421 5.7.32 (Gmail)',
      'gmail-052',
      { code: 421, enhanced: '5.7.32', classMismatch: true },
    ],
    [
      'class mismatch 550 4.4.7 (Exchange)',
      'microsoft-013',
      { code: 550, enhanced: '4.4.7', classMismatch: true },
    ],
    ['three-digit detail (Microsoft)', 'microsoft-003', { code: 550, enhanced: '5.7.509' }],
    ['qmail `(#5.7.1)` inside the text', 'qmail-002', { code: 553, enhanced: '5.7.1', source: 'text' }],
    ['qmail `(#4.4.2)` inside the text', 'qmail-010', { code: 451, enhanced: '4.4.2', source: 'text' }],
    ['enhanced code after a colon in the text', 'misc-021', { code: 501, enhanced: '5.7.1', source: 'text' }],
    ['`#216` is not an enhanced code', 'laposte-005', { code: 554, enhanced: '5.7.1', source: 'prefix' }],
    ['Yahoo version string `4.16.55.1` is not an enhanced code', 'yahoo-011', { code: 554 }],
    ['non-standard 422', 'stalwart-001', { code: 422, enhanced: '4.2.2' }],
    ['non-standard 523', 'gmail-083', { code: 523, enhanced: '5.7.10' }],
    ['non-standard 541', 'zoho-004', { code: 541, enhanced: '5.4.1' }],
    [
      'non-standard 571 with German text',
      'bytecamp-004',
      { code: 571, enhanced: '5.7.1', text: 'message classified as spam (Nachricht als Spam eingestuft)' },
    ],
    [
      'French text',
      'orange-008',
      { code: 552, enhanced: '5.1.1', contains: 'Boite du destinataire pleine.' },
    ],
    [
      'repeated code inside the text is not a continuation without a dash',
      'yahoo-006',
      { code: 554, contains: 'Message not allowed - 554 Message not allowed - DM' },
    ],
    ['no code at all', 'posteo-001', { text: 'TLS is required, but was not offered by host', lines: 1 }],
    ['no code, two lines', 'gmail-099', { lines: 2 }],
    ['non-ASCII kept (en dash)', 'mimecast-005', { contains: 'address@example.com – https://' }],
  ];

  it.each(table)('%s (%s)', (_name, id, expected) => {
    const parsed = parseReply(reply(id));
    check(parsed, expected);
    expect(parsed.raw).toBe(reply(id));
    expect(parsed.wrapper).toBeUndefined();
  });

  it('exposes a nested `-> 550 ...` reply and keeps the outer code (microsoft-009)', () => {
    const parsed = parseReply(reply('microsoft-009'));
    check(parsed, { code: 550, enhanced: '5.1.351', contains: '-> 550 Unknown user' });
    expect(parsed.inner).toMatchObject({
      code: 550,
      enhanced: undefined,
      text: 'Unknown user azumakuniyuki@example.ne.jp',
      wrapper: 'nested',
    });
  });

  it('exposes a nested `<421 4.4.2 ...>` reply (ses-003)', () => {
    const parsed = parseReply(reply('ses-003'));
    check(parsed, { code: 554, enhanced: '4.4.7', classMismatch: true, contains: 'minutes.<421 4.4.2' });
    expect(parsed.inner).toMatchObject({ code: 421, text: 'Connection timed out', wrapper: 'nested' });
    expect(parsed.inner?.enhanced?.code).toBe('4.4.2');
  });

  it('parses every fixture reply without losing its raw text', () => {
    for (const text of fixture.values()) {
      const parsed = parseReply(text);
      expect(parsed.raw).toBe(text);
      expect(parsed.text).not.toMatch(/\s{2}|^\s|\s$|[\r\n]/);
    }
    expect(fixture.size).toBeGreaterThanOrEqual(198);
  });
});

describe('parseReply: line endings and bare codes', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads a multi-line reply separated by %s', (_name, separator) => {
    const parsed = parseReply(reply('gmail-001').split('\n').join(separator));
    expect(parsed).toMatchObject({ code: 550, lines: parseReply(reply('gmail-001')).lines });
    expect(parsed.text).toBe(parseReply(reply('gmail-001')).text);
  });

  it.each([
    ['250', 250],
    ['250\r\n', 250],
    ['  421\n', 421],
    ['554-\n554 ', 554],
  ])('reads the bare code %j with no text (RFC 5321 §4.2)', (input, code) => {
    expect(parseReply(input)).toMatchObject({ code, text: '', lines: [], classMismatch: false });
    expect(parseReply(input).enhanced).toBeUndefined();
  });

  it.each(['', '   ', '\r\n\r\n'])('gives an empty reply for %j', (input) => {
    const parsed = parseReply(input);
    expect(parsed).toMatchObject({ text: '', lines: [], raw: input, classMismatch: false });
    expect(parsed.code).toBeUndefined();
  });

  it('keeps non-standard 426', () => {
    expect(parseReply('426 Connection closed; transaction aborted').code).toBe(426);
  });

  it('reads a reply that starts with an enhanced code and no basic code (Mailgun webhooks)', () => {
    const parsed = parseReply('5.1.1 <nobody@example.test>: Recipient address rejected: User unknown');
    expect(parsed.code).toBeUndefined();
    expect(parsed.enhanced).toEqual({ code: '5.1.1', class: 5, subject: 1, detail: 1, source: 'prefix' });
    expect(parsed.classMismatch).toBe(false);
  });

  it('strips a continuation line enhanced code only when equal to the first', () => {
    const parsed = parseReply('550-5.1.1 first line\n550 5.7.1 second line');
    expect(parsed.enhanced?.code).toBe('5.1.1');
    expect(parsed.lines).toEqual(['first line', '5.7.1 second line']);
  });

  it('takes the enhanced code from the first line that has one', () => {
    const parsed = parseReply('550-mx.example.test says\n550-5.7.1 blocked\n550 5.7.1 really');
    expect(parsed.enhanced?.code).toBe('5.7.1');
    expect(parsed.text).toBe('mx.example.test says blocked really');
  });

  it('keeps a line whose code differs from the first as text', () => {
    expect(parseReply('550-a\n421 b').lines).toEqual(['a', '421 b']);
  });

  it('does not join a complete URL at the end of a line with the next line', () => {
    const parsed = parseReply(reply('gmail-097'));
    expect(parsed.text).toContain('?p=RfcMessageNonCompliant and review RFC 5322');
  });
});

describe('parseReply: enhanced code validation (RFC 3463)', () => {
  it.each([
    ['550 5.1.1 x', '5.1.1'],
    ['250 2.0.0 OK', '2.0.0'],
    ['550 5.123.456 x', '5.123.456'],
    ['451 4.7.0', '4.7.0'],
  ])('accepts %j', (input, code) => {
    expect(parseReply(input).enhanced?.code).toBe(code);
  });

  it.each([
    ['550 5.01.1 leading zero', '5.01.1 leading zero'],
    ['550 5.1.01 leading zero', '5.1.01 leading zero'],
    ['550 6.1.1 bad class', '6.1.1 bad class'],
    ['550 3.1.1 bad class', '3.1.1 bad class'],
    ['550 5.1.1234 four digits', '5.1.1234 four digits'],
    ['550 5.1234.1 four digits', '5.1234.1 four digits'],
    ['550 5.1 short', '5.1 short'],
    ['550 5.1.1.1 too many parts', '5.1.1.1 too many parts'],
    ['550 5.1.1x glued', '5.1.1x glued'],
  ])('rejects %j and keeps it in the text', (input, text) => {
    const parsed = parseReply(input);
    expect(parsed.enhanced).toBeUndefined();
    expect(parsed.classMismatch).toBe(false);
    expect(parsed.text).toBe(text);
  });

  it('gives numbers for class, subject and detail', () => {
    expect(parseReply('421 4.7.28 x').enhanced).toEqual({
      code: '4.7.28',
      class: 4,
      subject: 7,
      detail: 28,
      source: 'prefix',
    });
  });

  it.each([
    ['x [5.7.1] y', '5.7.1'],
    ['x #5.1.0 y', '5.1.0'],
    ['x (5.2.2) y', '5.2.2'],
    ['x [5.7.1 y', undefined],
    ['x (5.7.1 y', undefined],
    ['x #5.7.1.2 y', undefined],
  ])('finds text codes: 550 %j', (text, code) => {
    const parsed = parseReply(`550 ${text}`);
    expect(parsed.enhanced?.code).toBe(code);
    if (code !== undefined) expect(parsed.enhanced?.source).toBe('text');
  });
});

describe('parseReply: wrappers', () => {
  const gmail = reply('gmail-001');
  const bare = parseReply(gmail);
  const postfix = reply('postfix-001');

  it.each([
    ['DSN Diagnostic-Code header', `Diagnostic-Code: smtp; ${postfix}`, 'dsn-diagnostic-code'],
    ['DSN Diagnostic-Code header, no space', `Diagnostic-Code: smtp;${postfix}`, 'dsn-diagnostic-code'],
    ['DSN Diagnostic-Code value (SES diagnosticCode)', `smtp; ${postfix}`, 'dsn-diagnostic-code'],
    ["Postmark's Details (no space after smtp;)", `smtp;${postfix}`, 'postmark-details'],
    ['nodemailer Recipient command failed', `Recipient command failed: ${postfix}`, 'nodemailer'],
    [
      'nodemailer all recipients rejected',
      `Can't send mail - all recipients were rejected: ${postfix}`,
      'nodemailer',
    ],
    ['Exchange NDR', `Remote Server returned '${postfix}'`, 'exchange'],
  ])('%s', (_name, input, wrapper) => {
    const parsed = parseReply(input);
    expect(parsed).toMatchObject({ code: 550, wrapper, raw: input, text: parseReply(postfix).text });
    expect(parsed.enhanced?.code).toBe('5.1.1');
  });

  it('stops a Diagnostic-Code header at the next DSN field but follows folded lines (RFC 5322 §2.2.3)', () => {
    const folded = gmail.split('\n').join('\n    ');
    const parsed = parseReply(
      `Diagnostic-Code: smtp; ${folded}\nLast-Attempt-Date: Sat, 28 Nov 2026 07:00:00 +0000`,
    );
    expect(parsed.text).toBe(bare.text);
    expect(parsed.wrapper).toBe('dsn-diagnostic-code');
  });

  it.each([
    ['Recipient command failed: ', 'RCPT'],
    ['Mail command failed: ', 'MAIL'],
    ['Data command failed: ', 'DATA'],
    ['Message failed: ', 'END-OF-DATA'],
    ['Invalid login: ', 'AUTH'],
  ])('nodemailer %j keeps a multi-line response and gives the command', (prefix, command) => {
    // nodemailer joins the reply's lines with "\n" and keeps each line's prefix (packages/nodemailer/PROVIDER.md §3).
    const parsed = parseReply(`${prefix}${gmail}`);
    expect(parsed).toMatchObject({ code: 550, wrapper: 'nodemailer', command, text: bare.text });
  });

  it.each([
    ['RCPT TO', 'RCPT'],
    ['end of DATA', 'END-OF-DATA'],
    ['MAIL FROM', 'MAIL'],
    ['DATA', 'DATA'],
  ])('Postfix log `(in reply to %s command)`', (phrase, command) => {
    const line = `host mx.example.test[192.0.2.1] said: ${postfix} (in reply to ${phrase} command)`;
    const parsed = parseReply(line);
    expect(parsed).toMatchObject({
      code: 550,
      wrapper: 'postfix-log',
      command,
      text: parseReply(postfix).text,
    });
  });

  it('Postfix log of a multi-line reply joined with spaces reads the continuations', () => {
    const joined = gmail.split('\n').join(' ');
    const parsed = parseReply(
      `host gmail-smtp-in.l.google.com[142.250.1.27] said: ${joined} (in reply to RCPT TO command)`,
    );
    expect(parsed).toMatchObject({ code: 550, command: 'RCPT', text: bare.text });
    expect(parsed.lines).toHaveLength(4);
  });

  it('Postfix `refused to talk to me` is a greeting rejection', () => {
    const parsed = parseReply(`host mx.example.test[192.0.2.1] refused to talk to me: ${reply('gmx-002')}`);
    expect(parsed).toMatchObject({ code: 554, wrapper: 'postfix-log', command: 'CONNECT' });
  });

  it('Exim log line', () => {
    const parsed = parseReply(
      `SMTP error from remote mail server after RCPT TO:<nobody@example.test>: ${reply('postfix-002')}`,
    );
    expect(parsed).toMatchObject({ code: 550, wrapper: 'exim-log', command: 'RCPT' });
    expect(parsed.enhanced?.code).toBe('5.1.1');
  });

  it('Exim bounce with the reply on indented lines', () => {
    const indented = gmail
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    const parsed = parseReply(
      `SMTP error from remote mail server after RCPT TO:<nobody@gmail.com>:\n${indented}`,
    );
    expect(parsed).toMatchObject({ code: 550, wrapper: 'exim-log', command: 'RCPT', text: bare.text });
  });

  it('Exim `after end of data` gives END-OF-DATA', () => {
    const parsed = parseReply(`SMTP error from remote mail server after end of data: ${reply('filter-002')}`);
    expect(parsed).toMatchObject({ code: 554, command: 'END-OF-DATA' });
  });

  it('Exchange NDR with the Microsoft reply (microsoft-007)', () => {
    const parsed = parseReply(`Remote Server returned '${reply('microsoft-007')}'`);
    expect(parsed).toMatchObject({
      code: 550,
      wrapper: 'exchange',
      text: parseReply(reply('microsoft-007')).text,
    });
    expect(parsed.enhanced?.code).toBe('5.1.10');
  });

  it('text that merely mentions "said:" without a reply is not a wrapper', () => {
    const parsed = parseReply('the server said: nothing useful');
    expect(parsed.wrapper).toBeUndefined();
    expect(parsed.text).toBe('the server said: nothing useful');
  });
});

describe('parseReply: input it must not change', () => {
  it('keeps lone surrogates and latin-1 characters unchanged', () => {
    const input = '550 5.7.1 Adresse bloqu\u00e9e \ud800 \udfff fin';
    const parsed = parseReply(input);
    expect(parsed.raw).toBe(input);
    expect(parsed.lines).toEqual(['Adresse bloqu\u00e9e \ud800 \udfff fin']);
    expect(parsed.text).toBe('Adresse bloqu\u00e9e \ud800 \udfff fin');
  });

  it('keeps case (the classifier lowercases)', () => {
    expect(parseReply('550 5.1.1 User UNKNOWN').text).toBe('User UNKNOWN');
  });

  it.each([undefined, null, 550, {}, ['550']])('throws a TypeError naming `text` for %j', (value) => {
    expect(() => parseReply(value as unknown as string)).toThrow(TypeError);
    expect(() => parseReply(value as unknown as string)).toThrow(/`text`/);
  });
});

describe('parseReply: fast paths give the same values', () => {
  it.each([
    ['550 5.1.1', [], ''],
    ['550 5.1.1 one line', ['one line'], 'one line'],
    ['550-5.1.1 a\n550 5.1.1 b', ['a', 'b'], 'a b'],
    ['550-5.1.1 a  b\n550 5.1.1 c', ['a  b', 'c'], 'a b c'],
    ['550-5.1.1 a\n550-5.1.1 b\tc\n550 5.1.1 d', ['a', 'b\tc', 'd'], 'a b c d'],
    [
      '550-5.1.1 see https:\n550 5.1.1 //x.example/p',
      ['see https:', '//x.example/p'],
      'see https://x.example/p',
    ],
  ])('lines and text of %j', (input, lines, text) => {
    const parsed = parseReply(input);
    expect(parsed.lines).toEqual(lines);
    expect(parsed.text).toBe(text);
  });

  it.each([
    ['550 > x -> 421 busy', 421, 'busy'],
    ['550 5.1.1 <a@b.example> refused -> 550 Unknown user', 550, 'Unknown user'],
    ['550 a->b> -> 452 full', 452, 'full'],
  ])('finds an arrow after an earlier `>`: %j', (input, code, text) => {
    expect(parseReply(input).inner).toMatchObject({ code, text, wrapper: 'nested' });
  });

  it('reads codes outside the shared code table the same way', () => {
    for (const code of ['5.7.1', '5.7.606', '4.7.650', '5.123.456', '2.0.0', '5.1.10']) {
      const [kind, subject, detail] = code.split('.').map(Number);
      const expected = { code, class: kind, subject, detail };
      expect(parseReply(`550 ${code} x`).enhanced).toEqual({ ...expected, source: 'prefix' });
      expect(parseReply(`550 x [${code}] y`).enhanced).toEqual({ ...expected, source: 'text' });
      expect(parseReply(`550 ${code} x`).enhanced).toEqual({ ...expected, source: 'prefix' });
    }
  });
});

// Issue 14: a transcript is judged by its first failing reply (RFC 5321 §4.2; taxonomy: the first
// failing reply of the transaction is the cause), never by the greeting or an earlier success.
describe('parseReply: transcripts', () => {
  it('skips a 220 greeting before a 421', () => {
    const reply = parseReply(
      '220 mx.example.net ESMTP Postfix\r\n421 4.3.2 Service not available, closing transmission channel',
    );
    expect(reply.code).toBe(421);
    expect(reply.enhanced?.code).toBe('4.3.2');
    expect(reply.text).toBe('Service not available, closing transmission channel');
  });

  it('skips earlier successes and keeps the failing reply’s continuation lines', () => {
    const reply = parseReply('250 2.1.0 Ok\n250 2.1.5 Ok\n550-5.7.1 Rejected\n550 5.7.1 by policy');
    expect(reply.code).toBe(550);
    expect(reply.lines).toEqual(['Rejected', 'by policy']);
  });

  it('leaves a success alone when nothing failed, and a failure first as it is', () => {
    expect(parseReply('250 2.0.0 Ok: queued as 4Q1\n250 2.0.0 Bye').code).toBe(250);
    expect(parseReply('421 4.7.0 Try later\n250 ok').code).toBe(421);
  });
});
