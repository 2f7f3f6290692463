import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEximLine } from './exim-line';
import type { LogEvent } from './log-event';
import { parseLogLine } from './parse-log-line';
import { parsePostfixLine } from './postfix-line';
import { parseSendmailLine } from './sendmail-line';

// Pieces of real lines, so random mixes reach deep into each parser.
const pieces = [
  'postfix/smtp[1]: ',
  'sendmail[2]: ',
  'sm-mta[3]: ',
  'ABC123: ',
  ' to=<',
  ' to=',
  '>',
  '<',
  ', ',
  ',',
  ' relay=',
  ' dsn=',
  '5.1.1',
  '4.7.0',
  ' status=',
  'bounced',
  'deferred',
  'sent',
  ' stat=',
  'Deferred: ',
  '421 ',
  ' (',
  ')',
  ' said: ',
  ' (in reply to ',
  'RCPT TO command',
  ' refused to talk to me: ',
  '1Zo722-001wKm-7T',
  ' ** ',
  ' == ',
  ' => ',
  ' -> ',
  ' H=',
  ' [192.0.2.1]',
  ': ',
  'SMTP error from remote mail server after ',
  'RCPT TO:<a@b>',
  'host ',
  ']: ',
  '\\n',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  '\r',
  '\u2028',
  '😀',
  '@',
];

const hostileLine = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([parts, noise]) => parts.join(noise)),
);

function wellFormed(event: LogEvent | undefined, line: string): void {
  if (event === undefined) return;
  expect(['postfix', 'exim', 'sendmail']).toContain(event.format);
  expect(['sent', 'deferred', 'bounced', 'expired']).toContain(event.status);
  expect(Array.isArray(event.recipients)).toBe(true);
  for (const recipient of event.recipients) {
    expect(typeof recipient).toBe('string');
    expect(recipient.length).toBeGreaterThan(0);
    expect(line).toContain(recipient);
  }
  expect(typeof event.text).toBe('string');
  if (event.dsn !== undefined) expect(event.dsn).toMatch(/^[245]\.[0-9]{1,3}\.[0-9]{1,3}$/);
  if (event.queueId !== undefined) expect(line).toContain(event.queueId);
  if (event.relay !== undefined) expect(line).toContain(event.relay);
  if (event.reply !== undefined) expect(line).toContain(event.reply);
  // Own properties only: nothing inherited from a hostile key.
  expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
}

describe('log-line parsers on hostile input', () => {
  it('never throw, and what they return is well formed and taken from the line', () => {
    fc.assert(
      fc.property(hostileLine, (line) => {
        for (const parse of [parseLogLine, parsePostfixLine, parseEximLine, parseSendmailLine])
          wellFormed(parse(line), line);
      }),
      { numRuns: 3000 },
    );
  });

  it('read back what a Postfix line says, whatever the recipient and reply text', () => {
    const word = fc.string({ minLength: 1, maxLength: 20 }).filter((text) => !/[\s<>,()]/.test(text));
    fc.assert(
      fc.property(
        word,
        word,
        fc.constantFrom('sent', 'deferred', 'bounced', 'expired'),
        fc.constantFrom('2.0.0', '4.2.2', '5.1.1', '5.7.26'),
        fc
          .string({ maxLength: 80 })
          .filter((text) => !text.includes(' (in reply to ') && !text.includes('\n')),
        (local, domain, status, dsn, text) => {
          const reply = `550 ${text}`.trim();
          const line = `Jan  1 00:00:00 mx postfix/smtp[9]: QID1: to=<${local}@${domain}>, relay=mx[192.0.2.1]:25, dsn=${dsn}, status=${status} (host mx[192.0.2.1] said: ${reply} (in reply to RCPT TO command))`;
          const event = parsePostfixLine(line);
          expect(event).toMatchObject({
            status,
            dsn,
            recipients: [`${local}@${domain}`],
            queueId: 'QID1',
            command: 'RCPT',
            reply,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('hostile non-strings and huge strings', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const getters = Object.defineProperty({}, 'length', {
      get() {
        throw new Error('getter');
      },
    });
    for (const value of [undefined, null, 42, {}, [], throwing, getters, Symbol('x'), () => 'x'])
      expect(parseLogLine(value as unknown as string)).toBeUndefined();
    const huge = `Jan  1 00:00:00 mx postfix/smtp[9]: Q: to=<${'a'.repeat(10_000_000)}@b>, dsn=5.1.1, status=bounced (x)`;
    expect(parseLogLine(huge)?.status).toBe('bounced');
    const hugeExim = `2020-01-01 00:00:00 1Zo722-001wKm-7T ** a@b: ${'x: '.repeat(3_000_000)}`;
    expect(parseLogLine(hugeExim)?.status).toBe('bounced');
    expect(parseLogLine(' == '.repeat(2_500_000))).toBeUndefined();
  });
});
