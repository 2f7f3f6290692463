// Google (Gmail, Google Workspace). Wording and codes from Google's "SMTP error reference"
// (support.google.com/a/answer/3726730) and Gmail's bulk sender guidelines; Gmail replies end in "- gsmtp".
import { day, type Rule } from '../rule';

const reference = 'https://support.google.com/a/answer/3726730';

export const googleRules: readonly Rule[] = [
  {
    id: 'google:daily-sending-limit',
    category: 'account-limit',
    provider: 'google',
    phrases: [
      'daily user sending limit exceeded',
      'daily smtp relay sending limit',
      'daily smtp relay limit',
      'daily sending quota exceeded',
    ],
    afterMs: day,
    reason: 'Gmail sending limits are a rolling 24-hour window: the 5xx clears by itself (docs/retry.md §7)',
    example:
      '550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits, go to Gmail sending limits.',
    source: `${reference}; support.google.com/a/answer/166852`,
  },
  {
    id: 'google:peak-relay-limit',
    category: 'account-limit',
    provider: 'google',
    phrases: ['peak smtp relay limit'],
    example:
      '450 4.2.1 Peak SMTP relay limit exceeded for customer. For more information on SMTP relay limits, please contact your administrator.',
    source: reference,
  },
  {
    id: 'google:over-quota-permanent',
    category: 'mailbox-full',
    provider: 'google',
    phrases: ['overquotaperm', 'out of storage space and inactive'],
    permanence: 'permanent',
    suppressRecipient: true,
    reason: 'docs/taxonomy.md#decision-9: the mailbox is over quota AND inactive — it will not be emptied',
    example:
      "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm",
    source: reference,
  },
  {
    id: 'google:over-quota',
    category: 'mailbox-full',
    provider: 'google',
    phrases: [
      'overquotatemp',
      'inbox is out of storage space',
      'account that you tried to reach is over quota',
    ],
    example:
      "452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
    source: reference,
  },
  {
    id: 'google:receiving-rate',
    category: 'rate-limited',
    provider: 'google',
    phrases: ['receiving mail at a rate that prevents', 'receivingrateperm', 'receiving mail too quickly'],
    scope: 'recipient',
    permanence: 'transient',
    reason:
      'a per-recipient rate limit, even as 550 5.2.1: slow down for this recipient (docs/taxonomy.md#decision-4)',
    example:
      '550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. https://support.google.com/mail/?p=ReceivingRatePerm',
    source: reference,
  },
  {
    id: 'google:no-such-user',
    category: 'mailbox-unknown',
    provider: 'google',
    phrases: ['p=nosuchuser', 'account that you tried to reach does not exist'],
    example:
      '550 5.1.1 The email account that you tried to reach does not exist. https://support.google.com/mail/?p=NoSuchUser',
    source: reference,
  },
  {
    id: 'google:disabled-user',
    category: 'mailbox-disabled',
    provider: 'google',
    phrases: [
      'p=disableduser',
      'account that you tried to reach is disabled',
      'account that you tried to reach is inactive',
    ],
    example:
      '550-5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser',
    source: reference,
  },
  {
    id: 'google:relay-credentials',
    category: 'relay-denied',
    provider: 'google',
    phrases: ['invalid credentials for relay'],
    scope: 'provider',
    changeRequired: true,
    reason:
      'our own Workspace SMTP relay refuses us: the IPs and domains registered in our Workspace account must change (docs/taxonomy.md#decision-4: our relay is the provider)',
    example:
      "550 5.7.1 Invalid credentials for relay 192.0.2.1. The IP address you've registered in your Workspace SMTP Relay service doesn't match the domain of the account this email is being sent from.",
    source: reference,
  },
  {
    id: 'google:sending-denied',
    category: 'account-issue',
    provider: 'google',
    // "Email sending denied" (relay service page) and "Mail Sending denied" (SMTP error reference)
    phrases: ['mail sending denied'],
    example: '550 5.7.0 Email sending denied. For more information, go to SMTP relay service error messages.',
    source: reference,
  },
  {
    id: 'google:tls-required',
    category: 'tls-failure',
    provider: 'google',
    phrases: ['not using a tls connection', 'tls required for rcpt domain'],
    scope: 'sender',
    permanence: 'permanent',
    changeRequired: true,
    reason:
      'Gmail requires TLS from bulk senders (4.7.29): the 4xx never succeeds without TLS (docs/retry.md §9)',
    example: "421 4.7.29 Your email has been rate limited because you're not using a TLS connection.",
    source: `${reference}; support.google.com/a/answer/81126`,
  },
  {
    id: 'google:unsolicited-rate',
    category: 'reputation',
    provider: 'google',
    phrases: ['unusual rate of unsolicited', 'unusual rate of mail'],
    example:
      '421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your DKIM domain example.com.',
    source: reference,
  },
  {
    id: 'google:low-reputation',
    category: 'reputation',
    provider: 'google',
    phrases: ['low reputation of the sending'],
    example: '421 4.7.0 This message is suspicious due to the very low reputation of the sending domain.',
    source: reference,
  },
  {
    id: 'google:suspicious-content',
    category: 'spam-content',
    provider: 'google',
    phrases: [
      'nature of the content or the links',
      'likely unsolicited email',
      'likely unsolicited mail',
      'suspicious due to the nature',
    ],
    example: '421 4.7.0 This message is suspicious due to the nature of the content or the links within.',
    source: reference,
  },
  {
    id: 'google:security-content',
    category: 'virus',
    provider: 'google',
    phrases: ['potential security issue', 'illegal attachment', 'blocked for security reasons'],
    example: '552-5.7.0 This message was blocked because its content presents a potential security issue.',
    source: reference,
  },
  {
    id: 'google:non-compliant',
    category: 'message-format',
    provider: 'google',
    phrases: [
      'not rfc 5322 compliant',
      'rfcmessagenoncompliant',
      'missing a valid message-id',
      'multiple addresses in from',
    ],
    example: '550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers.',
    source: `${reference}; support.google.com/mail/answer/81126`,
  },
  {
    id: 'google:ipv6-guidelines',
    category: 'sender-infrastructure',
    provider: 'google',
    phrases: ['ipv6 sending guidelines', 'not authorized to send email directly to our servers'],
    example:
      '550 5.7.1 This message does not meet IPv6 sending guidelines regarding PTR records and authentication.',
    source: reference,
  },
  {
    id: 'google:rate-limited',
    category: 'rate-limited',
    provider: 'google',
    phrases: ['this email has been rate limited', 'temporarily rate limited'],
    unless: ['ptr', 'spf', 'dkim', 'dmarc', 'tls', 'reputation', 'unsolicited'],
    permanence: 'transient',
    reason: 'Gmail says "rate limited": it clears when the rate drops, even as 550',
    example:
      '550 5.7.1 This email has been rate limited. For more information, go to Limits for sending & getting email.',
    source: reference,
  },
  {
    id: 'google:multiple-domains',
    category: 'transaction-limit',
    provider: 'google',
    phrases: ['multiple destination domains per transaction'],
    example: '451 4.3.0 Multiple destination domains per transaction is unsupported. Please try again.',
    source: reference,
  },
];
