// The examples to click: real SMTP replies, documented webhook shapes and a real bounce email.
// Where each comes from is in `source` and in examples/README.md.
import postfixBounce from './examples/postfix-two-recipients.eml?raw';

export interface Example {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  readonly source: string;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

export const examples: readonly Example[] = [
  {
    id: 'gmail-unknown',
    label: 'Gmail: no such user',
    text:
      '550-5.1.1 The email account that you tried to reach does not exist. Please try\n' +
      "550-5.1.1 double-checking the recipient's email address for typos or\n" +
      '550-5.1.1 unnecessary spaces. Learn more at\n' +
      '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 00000000000000.000 - gsmtp',
    source: 'github.com/sisimai/set-of-emails maildir/bsd/lhost-postfix-31.eml',
  },
  {
    id: 'yahoo-tss04',
    label: 'Yahoo: TSS04 deferral',
    text: '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: 'github.com/sisimai/set-of-emails maildir/bsd/lhost-qmail-19.eml',
  },
  {
    id: 'gmail-dmarc',
    label: 'Gmail: DMARC',
    text:
      '550-5.7.26 Unauthenticated email from libsisimai.org is not accepted due to\n' +
      "550-5.7.26 domain's DMARC policy. Please contact the administrator of\n" +
      '550-5.7.26 libsisimai.org domain if this was a legitimate mail. Please visit\n' +
      '550-5.7.26 https://support.google.com/mail/answer/2451690 to learn about the\n' +
      '550 5.7.26 DMARC initiative. z2si1584129pfn.61 - gsmtp',
    source: 'github.com/sisimai/set-of-emails maildir/bsd/lhost-postfix-70.eml',
  },
  {
    id: 'greylisted',
    label: 'Greylisting',
    text: '451 This server employs greylisting as a means of reducing spam. Please resend e-mail shortly',
    source: 'https://www.mailenable.com/kb/content/article.asp?ID=ME020631',
  },
  {
    id: 'postmark-bounce',
    label: 'Postmark bounce webhook',
    text: json({
      RecordType: 'Bounce',
      MessageStream: 'outbound',
      ID: 4323372036,
      Type: 'HardBounce',
      TypeCode: 1,
      Name: 'Hard bounce',
      Tag: 'password-reset',
      MessageID: '6f1c1f0e-2a44-4a8e-9a43-3f5b4c1d0e9a',
      Metadata: { user_id: 'u_1842' },
      ServerID: 81234,
      Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      Details:
        'smtp;550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table',
      Email: 'nobody@example.test',
      From: 'noreply@example.org',
      BouncedAt: '2026-11-20T10:15:02.1234567Z',
      DumpAvailable: true,
      Inactive: true,
      CanActivate: true,
      Subject: 'Reset your password',
    }),
    source: 'Postmark bounce webhook, documented shape (packages/postmark fixtures)',
  },
  {
    id: 'ses-sns-bounce',
    label: 'SES bounce via SNS',
    text: json({
      Type: 'Notification',
      MessageId: '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      TopicArn: 'arn:aws:sns:eu-west-1:111122223333:ses-events',
      Message: JSON.stringify({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            {
              emailAddress: 'nobody@example.test',
              action: 'failed',
              status: '5.1.1',
              diagnosticCode:
                'smtp; 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown',
            },
          ],
          timestamp: '2026-11-20T10:00:03.210Z',
          feedbackId: '0102019aabcdef01-1a2b3c4d-0000-0000-0000-000000000000-000000',
          reportingMTA: 'dsn; b224-13.smtp-out.eu-west-1.amazonses.com',
        },
        mail: {
          timestamp: '2026-11-20T10:00:01.000Z',
          source: 'noreply@example.org',
          messageId: '0102019aabcdef00-11112222-3333-4444-5555-666677778888-000000',
          destination: ['nobody@example.test'],
        },
      }),
      Timestamp: '2026-11-20T10:00:03.456Z',
      SignatureVersion: '2',
      Signature: '<base64 RSA-SHA256>',
      SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem',
    }),
    source: 'SES notification inside an SNS envelope, documented shape (packages/ses fixtures)',
  },
  {
    id: 'sendgrid-deferred',
    label: 'SendGrid deferred event',
    text: json([
      {
        email: 'busy@example.test',
        timestamp: 1763633760,
        event: 'deferred',
        attempt: '2',
        response:
          '421 4.7.0 [203.0.113.17] Our system has detected an unusual rate of unsolicited mail originating from your IP address.',
        sg_event_id: 'ZGVmZXJyZWQtMS0xMjM0NTY3ODkw',
        sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-2.0',
      },
    ]),
    source: 'SendGrid Event Webhook, documented shape (packages/sendgrid fixtures)',
  },
  {
    id: 'postfix-bounce-email',
    label: 'Postfix bounce email',
    text: postfixBounce,
    source: 'github.com/sisimai/set-of-emails maildir/bsd/lhost-postfix-13.eml',
  },
];
