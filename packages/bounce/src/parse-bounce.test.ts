import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBounce } from './index';

function dsn(statusType: string, perRecipient: string, extraHeaders = ''): string {
  return [
    'From: MAILER-DAEMON@relay.example.org (Mail Delivery System)',
    'To: app@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Thu, 01 Jan 2026 10:00:00 +0000',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="b1"${extraHeaders}`,
    'MIME-Version: 1.0',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'This is the mail system at host relay.example.org.',
    '',
    '--b1',
    `Content-Type: ${statusType}`,
    '',
    'Reporting-MTA: dns; relay.example.org',
    'Arrival-Date: Thu, 01 Jan 2026 09:59:00 +0000',
    '',
    perRecipient,
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    'Message-ID: <m1@example.org>',
    'From: app@example.org',
    'To: jane@example.com',
    'Subject: Hello',
    'X-Outbox-Id: 42',
    '',
    '--b1--',
    '',
  ].join('\r\n');
}

describe('parseBounce: RFC 3464', () => {
  it('names the recipient as the sender gave it (Original-Recipient), keeping Final-Recipient beside it', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        [
          'Original-Recipient: rfc822; jane@example.com',
          'Final-Recipient: rfc822; jane.doe@mail.example.net',
          'Action: failed',
          'Status: 5.1.1',
          '',
          'Final-Recipient: x400; /S=bob/O=example/C=GB/',
          'Original-Recipient: rfc822; bob+2Bnews@example.co.uk',
          'Action: failed',
          'Status: 5.1.1',
        ].join('\r\n'),
      ),
    );
    expect(report.outcomes.map((outcome) => outcome.recipient)).toEqual([
      'jane@example.com',
      'bob+news@example.co.uk',
    ]);
    expect(report.outcomes[0]?.providerDetail.finalRecipient).toBe('jane.doe@mail.example.net');
    expect(report.outcomes[1]?.providerDetail.finalRecipient).toBeUndefined();
  });

  it('reads every per-recipient block in order, with status, remote MTA and the failed command', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        [
          'Final-Recipient: rfc822; jane@example.com',
          'Action: failed',
          'Status: 5.1.1',
          'Remote-MTA: dns; mx.example.com',
          'Last-Attempt-Date: Thu, 01 Jan 2026 09:59:30 +0000 (UTC)',
          'Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown',
          '',
          'Final-Recipient: rfc822; bob@example.net',
          'Action: failed',
          'Status: 5.2.2',
          'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
        ].join('\r\n'),
      ),
    );
    expect(report.kind).toBe('bounce');
    expect(report.format).toBe('rfc3464');
    expect(report.reportingMta).toBe('relay.example.org');
    expect(report.arrivalDate).toBe(Date.parse('Thu, 01 Jan 2026 09:59:00 +0000'));
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([
      ['jane@example.com', 'bounced', 'mailbox-unknown'],
      ['bob@example.net', 'bounced', 'mailbox-full'],
    ]);
    expect(report.outcomes[0]?.reply?.code).toBe(550);
    expect(report.outcomes[0]?.providerDetail.remoteMta).toBe('mx.example.com');
    expect(report.outcomes[0]?.messageId).toBe('<m1@example.org>');
    expect(report.outcomes[0]?.occurredAt).toBe(Date.parse('Thu, 01 Jan 2026 09:59:30 +0000'));
    expect(report.outcomes[1]?.occurredAt).toBe(Date.parse('Thu, 01 Jan 2026 10:00:00 +0000'));
    expect(report.original).toMatchObject({
      messageId: '<m1@example.org>',
      to: 'jane@example.com',
      subject: 'Hello',
    });
  });

  it('names the mailbox provider from the Remote-MTA when the recipient domain is a hosted one', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        'Final-Recipient: rfc822; jane@company.example\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; aspmx.l.google.com\r\nDiagnostic-Code: smtp; 550 5.1.1 no such user',
      ),
    );
    expect(report.outcomes[0]?.verdict.provider).toBe('google');
  });

  it('reads Action: delayed as a deferral notice, not a bounce', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        'Final-Recipient: rfc822; jane@example.com\r\nAction: delayed\r\nStatus: 4.4.1\r\nDiagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection timed out',
      ),
    );
    expect(report.kind).toBe('delay');
    expect(report.outcomes[0]?.event).toBe('deferred');
    expect(report.outcomes[0]?.verdict.permanence).toBe('transient');
  });

  it('reads RFC 6533 message/global-delivery-status with UTF-8 addresses', async () => {
    const report = await parseBounce(
      dsn(
        'message/global-delivery-status',
        'Final-Recipient: utf-8; josé@exemple.fr\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown',
      ),
    );
    expect(report.outcomes.map((outcome) => outcome.recipient)).toEqual(['josé@exemple.fr']);
    expect(report.outcomes[0]?.verdict.category).toBe('mailbox-unknown');
  });

  it('treats a final failure after transient errors that never reached the host as expired', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        'Final-Recipient: rfc822; jane@example.com\r\nAction: failed\r\nStatus: 4.4.1\r\nDiagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection refused',
      ),
    );
    expect(report.kind).toBe('bounce');
    expect(report.outcomes[0]?.verdict.category).toBe('expired');
    expect(report.outcomes[0]?.verdict.cause).toBe('network');
  });

  it('reads positive reports as deliveries', async () => {
    const report = await parseBounce(
      dsn(
        'message/delivery-status',
        'Final-Recipient: rfc822; jane@example.com\r\nAction: delivered\r\nStatus: 2.0.0',
      ),
    );
    expect(report.kind).toBe('delivery');
    expect(report.outcomes[0]?.event).toBe('delivered');
  });
});

const written = (name: string) => readFileSync(new URL(`./__fixtures__/written/${name}`, import.meta.url));

describe('parseBounce: plain-text formats', () => {
  it('reads an Exim delay warning as a deferral with the remote reply and command', async () => {
    const report = await parseBounce(written('exim-delay.eml'));
    expect([report.kind, report.format]).toEqual(['delay', 'exim']);
    expect(
      report.outcomes.map((outcome) => [
        outcome.recipient,
        outcome.event,
        outcome.verdict.category,
        outcome.reply?.code,
        outcome.reply?.command,
      ]),
    ).toEqual([['jane@example.com', 'deferred', 'greylisted', 451, 'RCPT']]);
  });

  it('reads an Exchange HTML-only NDR', async () => {
    const report = await parseBounce(written('exchange-html.eml'));
    expect(report.format).toBe('exchange');
    expect(
      report.outcomes.map((outcome) => [
        outcome.recipient,
        outcome.verdict.category,
        outcome.reply?.enhanced?.code,
      ]),
    ).toEqual([['jane@example.com', 'mailbox-unknown', '5.1.10']]);
  });

  it('reads a Sendmail transcript, one reason per recipient', async () => {
    const report = await parseBounce(written('sendmail-transcript.eml'));
    expect(report.format).toBe('sendmail');
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.verdict.category, outcome.reply?.code]),
    ).toEqual([
      ['jane@example.com', 'mailbox-unknown', 550],
      ['bob@example.net', 'mailbox-full', 552],
    ]);
    expect(report.outcomes[0]?.reply?.command).toBe('RCPT');
    expect(report.original?.messageId).toBe('<9@example.org>');
  });

  it('uses X-Failed-Recipients when the text names no recipient line', async () => {
    const report = await parseBounce(
      [
        'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
        'To: app@example.org',
        'Subject: Mail delivery failed: returning message to sender',
        'X-Failed-Recipients: jane@example.com',
        '',
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        '  save to /var/mail/jane',
        '    mailbox is full',
        '',
      ].join('\n'),
    );
    expect(report.format).toBe('exim');
    expect(report.outcomes.map((outcome) => [outcome.recipient, outcome.verdict.category])).toEqual([
      ['jane@example.com', 'mailbox-full'],
    ]);
  });
});

describe('parseBounce: complaints, auto-replies and other mail', () => {
  it('reads an RFC 5965 feedback report as a complaint per Original-Rcpt-To', async () => {
    const report = await parseBounce(
      [
        'From: fbl@isp.example',
        'To: abuse@example.org',
        'Subject: Abuse report',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="f"',
        '',
        '--f',
        'Content-Type: text/plain',
        '',
        'This is an email abuse report.',
        '--f',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'User-Agent: isp-fbl/1.0',
        'Version: 1',
        'Original-Rcpt-To: <jane@isp.example>',
        'Arrival-Date: Thu, 01 Jan 2026 09:00:00 +0000',
        '--f',
        'Content-Type: message/rfc822',
        '',
        'Message-ID: <m2@example.org>',
        'From: app@example.org',
        'To: jane@isp.example',
        'Subject: Offer',
        '',
        'Hi',
        '--f--',
      ].join('\r\n'),
    );
    expect(report.kind).toBe('complaint');
    expect(report.format).toBe('arf');
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['jane@isp.example', 'complained', 'complaint']]);
    expect(report.original?.messageId).toBe('<m2@example.org>');
    expect(report.outcomes[0]?.providerDetail.feedbackType).toBe('abuse');
  });

  it('reads an Amazon SES complaint notification sent by email', async () => {
    const notification = {
      notificationType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'jane@example.com' }],
        complaintFeedbackType: 'abuse',
      },
      mail: { messageId: '0100-abc', headers: [{ name: 'Message-ID', value: '<5@example.org>' }] },
    };
    const report = await parseBounce(
      `From: AWS Notifications <no-reply@sns.amazonaws.com>\nSubject: AWS Notification Message\n\n${JSON.stringify(notification)}\n`,
    );
    expect([report.kind, report.format]).toEqual(['complaint', 'amazon-ses']);
    expect(report.outcomes.map((outcome) => [outcome.recipient, outcome.event])).toEqual([
      ['jane@example.com', 'complained'],
    ]);
    expect(report.original?.messageId).toBe('<5@example.org>');
  });

  it('reads an RFC 3834 vacation reply as an auto-reply, never a bounce', async () => {
    const report = await parseBounce(
      'From: Jane <jane@example.com>\nTo: app@example.org\nSubject: Out of Office: Hello\nAuto-Submitted: auto-replied\n\nI am away until Monday.\n',
    );
    expect(report.kind).toBe('auto-reply');
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['jane@example.com', 'delivered', 'auto-reply']]);
  });

  it('reads an auto-reply whose subject quotes a failure as an auto-reply', async () => {
    const report = await parseBounce(
      'From: jane@example.com\nSubject: Re: Your payment failed\nAuto-Submitted: auto-replied\n\nI am on leave.\n',
    );
    expect(report.kind).toBe('auto-reply');
  });

  it('does not read a challenge-response or a list confirmation as a bounce', async () => {
    for (const subject of [
      'Please confirm your message to jane@example.com',
      'Confirm your subscription to news',
    ]) {
      const report = await parseBounce(
        `From: robot@example.com\nTo: app@example.org\nSubject: ${subject}\n\nClick the link below to confirm.\n`,
      );
      expect(report.kind).toBe('not-a-bounce');
      expect(report.outcomes).toEqual([]);
    }
  });

  it('answers input of the wrong type with a report that says so', async () => {
    for (const value of [undefined, null, 42, {}, [], new Date()]) {
      const report = await parseBounce(value as never);
      expect(report.kind).toBe('not-a-bounce');
      expect(report.problems[0]).toMatch(/expected a string, Uint8Array or ArrayBuffer/);
    }
  });

  it('reads bytes, ArrayBuffers and strings alike', async () => {
    const text = 'From: Jane <jane@example.com>\nSubject: Automatic reply: x\n\naway\n';
    const bytes = new TextEncoder().encode(text);
    const [fromString, fromBytes, fromBuffer] = await Promise.all([
      parseBounce(text),
      parseBounce(bytes),
      parseBounce(bytes.buffer.slice(0)),
    ]);
    expect(fromBytes).toEqual(fromString);
    expect(fromBuffer).toEqual(fromString);
  });
});

describe('parseBounce: plain-text notices', () => {
  it("reads Exchange's X.400 form of an address (`dda:SMTP=a@b`) and a notice sent as HTML only", async () => {
    const report = await parseBounce(
      [
        'From: System Administrator <postmaster@example.com>',
        'Subject: Undeliverable: hello',
        'X-Mailer: Internet Mail Service (5.5.2653.19)',
        'Content-Type: text/html; charset=iso-8859-1',
        '',
        '<HTML><BODY><P>Your message<BR>did not reach the following recipient(s):<BR>',
        'c=US;a= ;p=EXAMPLE;o=Hub;dda:SMTP=jane@example.com; on Fri, 4 Oct 2002<BR>',
        '&nbsp;&nbsp;&nbsp;The recipient name is not recognized</P></BODY></HTML>',
        '',
      ].join('\r\n'),
    );
    expect(report.format).toBe('exchange');
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['jane@example.com', 'bounced', 'mailbox-unknown']]);
  });

  it('reads a delay warning from the words under the recipient when the introduction says none', async () => {
    const report = await parseBounce(
      [
        'From: gateway@example.org',
        'Subject: Delivery failure notification',
        '',
        'Your message with Subject: hello',
        'could not be delivered to the following recipients:',
        '',
        'jane@example.com',
        '',
        'Please do not resend your original message.',
        'Delivery attempts will continue to be made for 5 day(s).',
        '',
      ].join('\r\n'),
    );
    expect(report.kind).toBe('delay');
    expect(report.outcomes.map((outcome) => [outcome.recipient, outcome.event])).toEqual([
      ['jane@example.com', 'deferred'],
    ]);
  });
});
