// Where a recipient's reason is written, read from real samples of the public corpus
// (src/__fixtures__/sisimai, github.com/sisimai/set-of-emails, BSD-2-Clause).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../index';
import { statusComment } from './rfc3464';

const emails = fileURLToPath(new URL('../__fixtures__/sisimai/emails/', import.meta.url));
const read = (file: string) => parseBounce(readFileSync(emails + file));

describe('a Sendmail transcript', () => {
  it('gives the remote reply (`<<<`) before the one-line summary to the recipient it names', async () => {
    // >>> MAIL From:<…> / <<< 550 Insecure Mail Relay / 554 <kijitora@…>... Remote protocol error
    const report = await read('lhost-v5sendmail-06.eml');
    const first = report.outcomes[0];
    expect(first?.recipient).toBe('kijitora@example.edu');
    expect(first?.reply?.code).toBe(550);
    expect(first?.reply?.text).toContain('Insecure Mail Relay');
    expect(String(first?.providerDetail.diagnostic)).not.toContain('Remote protocol error');
  });

  it("does not give a recipient whose reply names no reason another recipient's reason", async () => {
    // <<< 550 Your E-Mail is redundant… (no reason we know); "Connection reset" is another attempt's.
    const report = await read('lhost-v5sendmail-05.eml');
    expect(report.outcomes[0]?.reply?.code).toBe(550);
    expect(report.outcomes[0]?.verdict.category).toBe('unknown');
  });

  it('keeps a reply that names the sender off the recipient list', async () => {
    // <<< 501 <shironeko@…>... no access from mail server: the sender's address, answering MAIL FROM.
    const report = await read('lhost-v5sendmail-07.eml');
    expect(report.outcomes[0]?.recipient).toBe('kijitora@example.org');
    expect(report.outcomes[0]?.reply?.code).toBe(501);
    expect(report.outcomes.map((outcome) => outcome.recipient)).not.toContain('shironeko@example.co.jp');
  });
});

describe('a give-up notice', () => {
  it('keeps the mailbox reason it gave up on (Exim: `mailbox is full: retry timeout exceeded`)', async () => {
    const report = await read('lhost-exim-07.eml');
    expect(report.outcomes[0]?.verdict.category).toBe('mailbox-full');
  });

  it('keeps the mailbox reason it gave up on (qmail: `450 4.2.2 … Mailbox Full Giving up`)', async () => {
    const report = await read('lhost-qmail-06.eml');
    expect(report.outcomes[0]?.verdict.category).toBe('mailbox-full');
  });
});

describe('an RFC 3464 Status comment', () => {
  it('is the reason when the report has no Diagnostic-Code', async () => {
    const report = await read('rfc3464-35.eml');
    expect(report.outcomes[1]?.providerDetail.diagnostic).toBe('cat.example.net: host name lookup failure');
  });

  it('is nothing when it only names the class, or absent', () => {
    expect(statusComment('5.0.0 (permanent failure)')).toBeUndefined();
    expect(statusComment('4.0.0 (Temporary Failure)')).toBeUndefined();
    expect(statusComment('5.1.1')).toBeUndefined();
    expect(statusComment('4.0.0 (')).toBeUndefined();
    expect(statusComment(undefined)).toBeUndefined();
    expect(statusComment('4.4.1 (mx.example.net: connection refused)')).toBe(
      'mx.example.net: connection refused',
    );
  });
});

describe('a local delivery agent', () => {
  it("is the reason before Sendmail's summary of its exit status (mail.local: unknown user)", async () => {
    const report = await read('rfc3464-06.eml');
    expect(report.outcomes[0]?.verdict.category).toBe('mailbox-unknown');
  });

  it('failing with a bare sysexits status (`X-Unix; 71`) is the destination’s own error', async () => {
    const report = await read('lhost-sendmail-55.eml');
    expect(report.outcomes[0]?.event).toBe('deferred');
    expect(report.outcomes[0]?.verdict.category).toBe('server-error');
  });
});

describe('a text part with a malformed Content-Type', () => {
  it('is read as the body even when the returned message was taken for the body (`text/plain   charset=…`)', async () => {
    const report = await read('lhost-x1-02.eml');
    expect(report.kind).toBe('bounce');
    expect(report.outcomes.map((outcome) => outcome.recipient)).toEqual(['kijitora@example.org']);
    expect(report.outcomes[0]?.verdict.category).toBe('mailbox-unknown');
  });
});

describe('the event', () => {
  it('is a deferral for an OpenSMTPD warning ("A message is delayed … only a temporary failure report")', async () => {
    const report = await read('lhost-opensmtpd-04.eml');
    expect(report.kind).toBe('delay');
    expect(report.outcomes[0]?.event).toBe('deferred');
  });

  it('is a give-up for a permanent failure whose only reason is an unreachable host (Zoho)', async () => {
    const report = await read('lhost-zoho-05.eml');
    expect(report.outcomes[0]?.event).toBe('bounced');
    expect(report.outcomes[0]?.verdict.category).toBe('expired');
    expect(report.outcomes[0]?.verdict.cause).toBe('network');
  });
});

describe('"Unknown user" at the end of DATA', () => {
  it('is a filter on the recipient side, not a missing mailbox (docs/taxonomy.md#decision-7)', async () => {
    const report = await read('rhost-nttdocomo-02.eml');
    expect(report.outcomes[0]?.verdict.category).toBe('blocked-by-recipient');
    expect(report.outcomes[0]?.verdict.suppressRecipient).toBe(false);
  });
});

describe('Gmail\'s "did not accept our requests to connect"', () => {
  const notice = (action: string, status: string) =>
    [
      'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Subject: Delivery Status Notification',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; googlemail.com',
      '',
      'Final-Recipient: rfc822; jane@example.net',
      `Action: ${action}`,
      `Status: ${status}`,
      'Diagnostic-Code: smtp; The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720',
      ' [example.net 192.0.2.1: timed out]',
      '',
      '--b--',
    ].join('\r\n');

  it('in a delay notice (Action: delayed) is a network deferral: Gmail is still trying', async () => {
    const report = await parseBounce(notice('delayed', '4.4.1'));
    expect(report.outcomes[0]?.event).toBe('deferred');
    expect(report.outcomes[0]?.verdict.category).toBe('network');
  });

  it('in the final notice (Action: failed) is a give-up whose cause is the network', async () => {
    const report = await parseBounce(notice('failed', '4.4.1'));
    expect(report.outcomes[0]?.event).toBe('bounced');
    expect(report.outcomes[0]?.verdict.category).toBe('expired');
    expect(report.outcomes[0]?.verdict.cause).toBe('network');
  });
});
