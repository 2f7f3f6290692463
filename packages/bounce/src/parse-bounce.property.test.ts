import { categories } from '@mailverdict/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BounceReport, decodeVerp, encodeVerp, parseBounce } from './index';

const kinds = ['bounce', 'delay', 'delivery', 'complaint', 'auto-reply', 'not-a-bounce'];

/** Pieces of real report syntax glued at random: the shapes most likely to confuse a decoder. */
const fragment = fc.constantFrom(
  'From: MAILER-DAEMON@x.example\n',
  'Subject: Undelivered Mail Returned to Sender\n',
  'Subject: Out of Office\n',
  'Auto-Submitted: auto-replied\n',
  'X-Failed-Recipients: a@b.example, __proto__@x.example\n',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n',
  'Content-Type: multipart/report; report-type=feedback-report; boundary="b"\n',
  'Content-Type: message/delivery-status\n',
  'Content-Type: message/global-delivery-status\n',
  'Content-Type: message/feedback-report\n',
  'Content-Type: message/rfc822\n',
  'Content-Transfer-Encoding: base64\n',
  'Content-Type: text/plain; charset=x-unknown\n',
  '--b\n',
  '--b--\n',
  '\n',
  '\r\n',
  '\r',
  'Final-Recipient: rfc822; jane@example.com\n',
  'Original-Recipient: rfc822;\n',
  'Final-Recipient: rfc822; constructor@example.com\n',
  'Action: failed\n',
  'Action: delayed\n',
  'Action: __proto__\n',
  'Status: 5.1.1\n',
  'Status: 9.9.9\n',
  'Diagnostic-Code: smtp; 550 5.1.1 user unknown\n',
  'Diagnostic-Code: smtp;\n',
  ' folded continuation\n',
  'Feedback-Type: abuse\n',
  'Original-Rcpt-To: <toString@example.com>\n',
  '<jane@example.com>: host x said: 450 4.2.2 full (in reply to RCPT TO command)\n',
  '550 5.1.1 <a@b.example>... User unknown\n',
  '>>> RCPT To:<a@b.example>\n',
  '<<< 550 no\n',
  'Hi. This is the qmail-send program at x.\n',
  '--- Below this line is a copy of the message.\n',
  '------- Failure Reasons --------\n',
  'Error message below:\n',
  '@@@@',
  '<<<<',
  'é',
  '\ud800',
  '=?utf-8?B?////?=',
  // HTML-only notices (mail/html-text.ts) and the forms read since the second corpus.
  'Content-Type: text/html\n',
  '<br>',
  '<style>',
  '&#x110000;',
  '&lt;a@b.example&gt;',
  'c=US;a= ;dda:SMTP=a@b.example;\n',
  'From: MAILER-DAEMON@aol.com\n',
  'Your mail to the following recipients could not be delivered because they are not accepting mail from x:\n',
  '\tscreenname\n',
  'Delivery attempts will continue to be made for 5 day(s).\n',
);

const email = fc
  .array(fc.oneof(fragment, fc.string({ maxLength: 40 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

function throwingGetters(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('hostile getter');
      },
      getPrototypeOf() {
        throw new Error('hostile prototype');
      },
    },
  );
}

/** Values no caller should pass, as a hostile caller might. */
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    undefined,
    null,
    Object.create(null),
    { __proto__: { length: 1 } },
    JSON.parse('{"__proto__": "x", "constructor": 1}'),
    throwingGetters(),
    new Proxy(new Uint8Array(4), {}),
    new Uint16Array([0xd800, 0x41]),
    new DataView(new ArrayBuffer(4)),
    Symbol('raw'),
    () => 'From: x',
    10n,
  ),
);

function expectWellFormed(report: BounceReport): void {
  expect(kinds).toContain(report.kind);
  expect(typeof report.format).toBe('string');
  expect(Array.isArray(report.problems)).toBe(true);
  for (const outcome of report.outcomes) {
    expect(categories).toContain(outcome.verdict.category);
    if (outcome.recipient !== undefined) {
      expect(outcome.recipient).toBe(outcome.recipient.toLowerCase());
      expect(outcome.recipient).toContain('@');
    }
  }
}

describe('parseBounce properties', () => {
  it('gives a well-formed report for any email-like text, as text or bytes', async () => {
    await fc.assert(
      fc.asyncProperty(email, async (text) => {
        const report = await parseBounce(text);
        expectWellFormed(report);
        expect(await parseBounce(new TextEncoder().encode(text))).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a lone UTF-16 surrogate in a text as the decoder reads its bytes (U+FFFD)', async () => {
    // found by the property above: a string can hold what no email's bytes can
    const text =
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\ud800From: MAILER-DAEMON@x.example\n';
    expect(await parseBounce(text)).toEqual(await parseBounce(new TextEncoder().encode(text)));
  });

  it('never rejects on any value, hostile objects and Proxies included', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const report = await parseBounce(value as never);
        expectWellFormed(report);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a 10 MB string without losing the report', async () => {
    const big = `From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n<jane@example.com>:\n550 5.1.1 user unknown\n${'x'.repeat(10_000_000)}`;
    const report = await parseBounce(big);
    expect(report.outcomes.map((outcome) => outcome.verdict.category)).toEqual(['mailbox-unknown']);
  });
});

describe('VERP properties', () => {
  const local = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,20}$/);
  const domain = fc.stringMatching(/^[a-z0-9-]{1,10}\.[a-z]{2,5}$/);

  it('decodeVerp inverts encodeVerp', () => {
    fc.assert(
      fc.property(local, domain, (user, host) => {
        const recipient = `${user}@${host}`;
        expect(decodeVerp(encodeVerp(recipient, 'bounces@mail.example.org'), { prefix: 'bounces' })).toBe(
          recipient,
        );
      }),
    );
  });

  it('decodeVerp answers any string without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '+=@.', '@', '<>', 'a+=b@c')),
        (value) => {
          const decoded = decodeVerp(value);
          expect(decoded === undefined || decoded.includes('@')).toBe(true);
        },
      ),
    );
  });
});
