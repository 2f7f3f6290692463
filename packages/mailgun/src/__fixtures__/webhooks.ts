// Mailgun webhook bodies (current JSON format), shaped exactly as packages/mailgun/PROVIDER.md §3 documents them
// (structure from Mailgun's webhook docs, https://github.com/mailgun/mailgun-go `events/objects.go` and
// django-anymail's 2018 captures, https://github.com/anymail/django-anymail; ids, addresses and times invented). The expected outcome sits beside each one.
// Signatures are placeholders: tests that need valid ones sign with a key generated in the test.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface MailgunFixture {
  readonly name: string;
  readonly payload: unknown;
  readonly expected: readonly {
    readonly event: DeliveryEvent;
    readonly origin: OutcomeOrigin;
    readonly recipient?: string;
    readonly messageId?: string;
    /** Only the categories the adapter decides itself; the rest depend on core's classifier. */
    readonly category?: Category;
    readonly retryAfterMs?: number;
  }[];
}

const signature = {
  token: '9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817',
  timestamp: '1763634000',
  signature: '0000000000000000000000000000000000000000000000000000000000000000',
};

// packages/mailgun/PROVIDER.md §3, first example: a permanent bounce, 550 5.1.1.
export const permanentBounce = {
  signature,
  'event-data': {
    id: 'Ase7i2zsRYeDXztHGENqRA',
    timestamp: 1763634000.123456,
    'log-level': 'error',
    event: 'failed',
    severity: 'permanent',
    reason: 'bounce',
    recipient: 'nobody@example.test',
    'recipient-domain': 'example.test',
    envelope: {
      sender: 'bounce+abc@mg.example.org',
      transport: 'smtp',
      targets: 'nobody@example.test',
      'sending-ip': '198.51.100.23',
    },
    flags: {
      'is-authenticated': true,
      'is-routed': false,
      'is-system-test': false,
      'is-test-mode': false,
      'is-delayed-bounce': false,
    },
    message: {
      headers: {
        to: 'nobody@example.test',
        'message-id': '20261120100000.1.ABCDEF@mg.example.org',
        from: 'App <noreply@mg.example.org>',
        subject: 'Welcome',
      },
      attachments: [],
      size: 4213,
    },
    'delivery-status': {
      code: 550,
      'enhanced-code': '5.1.1',
      'attempt-no': 1,
      'mx-host': 'mx1.example.test',
      message:
        '5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table',
      description: '',
      'session-seconds': 0.41,
      tls: true,
      utf8: true,
      'certificate-verified': true,
    },
    'user-variables': { user_id: 'u_1842' },
    tags: ['welcome'],
    campaigns: [],
  },
};

// packages/mailgun/PROVIDER.md §3, second example: temporary, greylisted, retried in 600 s.
export const greylisted = {
  signature: {
    ...signature,
    token: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182',
    timestamp: '1763634600',
  },
  'event-data': {
    id: 'q2Wd6sQ9Q4W2vBq7kXyYzA',
    timestamp: 1763634600.5,
    'log-level': 'warn',
    event: 'failed',
    severity: 'temporary',
    reason: 'greylisted',
    recipient: 'new@example.test',
    'recipient-domain': 'example.test',
    message: { headers: { 'message-id': '20261120101000.2.ABCDEF@mg.example.org' } },
    'delivery-status': {
      code: 451,
      'enhanced-code': '4.7.1',
      'attempt-no': 1,
      'retry-seconds': 600,
      'mx-host': 'mx.example.test',
      message: '4.7.1 Greylisted, please try again in 5 minutes',
      description: 'Recipient address rejected: Greylisted',
    },
  },
};

// packages/mailgun/PROVIDER.md §3, third example: Mailgun's bounce list, pseudo-code 605, no SMTP exchange.
export const suppressBounce = {
  signature: {
    ...signature,
    token: '1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293',
    timestamp: '1763635200',
  },
  'event-data': {
    id: 'r3Xe7tR0R5X3wCr8lYzZaB',
    timestamp: 1763635200.0,
    'log-level': 'error',
    event: 'failed',
    severity: 'permanent',
    reason: 'suppress-bounce',
    recipient: 'former@example.test',
    message: { headers: { 'message-id': '20261120102000.3.ABCDEF@mg.example.org' } },
    'delivery-status': {
      code: 605,
      'attempt-no': 1,
      message: '',
      description: 'Not delivering to previously bounced address',
    },
  },
};

function variant(base: typeof suppressBounce, data: Record<string, unknown>) {
  return { signature, 'event-data': { ...base['event-data'], ...data } };
}

export const suppressComplaint = variant(suppressBounce, {
  reason: 'suppress-complaint',
  recipient: 'angry@example.test',
  'delivery-status': {
    code: 607,
    'attempt-no': 1,
    message: '',
    description: 'Not delivering to a user who marked your messages as spam',
  },
});

export const suppressUnsubscribe = variant(suppressBounce, {
  reason: 'suppress-unsubscribe',
  recipient: 'optout@example.test',
  'delivery-status': {
    code: 606,
    'attempt-no': 1,
    message: '',
    description: 'Not delivering to unsubscribed address',
  },
});

// The final give-up after Mailgun's retry window ("Too old", help.mailgun.com); the forum post says severity stays
// `temporary` — the adapter treats `old` as terminal either way.
export const tooOld = variant(suppressBounce, {
  severity: 'temporary',
  reason: 'old',
  recipient: 'slow@example.test',
  'delivery-status': {
    code: 421,
    'enhanced-code': '4.4.2',
    'attempt-no': 8,
    'mx-host': 'mx.example.test',
    message: '4.4.2 Connection timed out',
    description: 'Too old',
  },
});

// Generic temporary failure with Mailgun's pseudo-code 498 "No MX" (retried; packages/mailgun/PROVIDER.md §3).
export const noMx = variant(suppressBounce, {
  severity: 'temporary',
  reason: 'generic',
  recipient: 'someone@no-mx.example.test',
  'recipient-domain': 'no-mx.example.test',
  'delivery-status': {
    code: 498,
    'attempt-no': 1,
    'retry-seconds': 900,
    message: 'No MX for no-mx.example.test',
    description: 'No MX for no-mx.example.test',
  },
});

// A multi-line Gmail-style reply joined with "\n" as in the 2018 anymail capture.
export const multiLine = variant(suppressBounce, {
  reason: 'bounce',
  recipient: 'gone@gmail.example',
  'delivery-status': {
    code: 550,
    'enhanced-code': '5.1.1',
    'attempt-no': 1,
    'mx-host': 'gmail-smtp-in.l.google.com',
    message:
      "5.1.1 The email account that you tried to reach does not exist. Please try\n5.1.1 double-checking the recipient's email address for typos or\n5.1.1 unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser",
    description: '',
  },
});

export const delivered = {
  signature,
  'event-data': {
    id: 'CPgfbmQMTCKtHW6uIWtuVe',
    timestamp: 1763634100.25,
    'log-level': 'info',
    event: 'delivered',
    recipient: 'alice@example.test',
    'recipient-domain': 'example.test',
    message: { headers: { 'message-id': '20261120100000.4.ABCDEF@mg.example.org' } },
    'delivery-status': {
      code: 250,
      message: 'OK',
      description: '',
      'attempt-no': 1,
      'mx-host': 'mx.example.test',
      tls: true,
    },
  },
};

export const accepted = {
  signature,
  'event-data': {
    id: 'W3X4Y5Z6A7B8C9D0E1F2G3',
    timestamp: 1763634000.0,
    'log-level': 'info',
    event: 'accepted',
    recipient: 'alice@example.test',
    message: { headers: { 'message-id': '20261120100000.4.ABCDEF@mg.example.org' } },
  },
};

export const complained = {
  signature,
  'event-data': {
    id: 'ncV2XwymRUKbPek_MIM-Gw',
    timestamp: 1763640000.0,
    'log-level': 'warn',
    event: 'complained',
    recipient: 'bob@example.test',
    message: { headers: { 'message-id': '20261120100000.5.ABCDEF@mg.example.org' } },
  },
};

// The anymail capture's `rejected` event: no recipient, `reject.reason` names the sandbox restriction.
export const rejectedSandbox = {
  signature,
  'event-data': {
    id: 'G2DDq4HzSmaW6gGJrXmO1w',
    timestamp: 1763634000.0,
    'log-level': 'warn',
    event: 'rejected',
    reject: { reason: 'Sandbox subdomains are for test purposes only.', description: '' },
    message: { headers: { 'message-id': '20261120100000.6.ABCDEF@sandbox123.mailgun.org' } },
  },
};

export const opened = {
  signature,
  'event-data': { id: 'Op3n3d', timestamp: 1763634200, event: 'opened', recipient: 'alice@example.test' },
};

export const fixtures: readonly MailgunFixture[] = [
  {
    name: 'failed/permanent/bounce 550 5.1.1',
    payload: permanentBounce,
    expected: [
      {
        event: 'bounced',
        origin: 'remote-server',
        recipient: 'nobody@example.test',
        messageId: '20261120100000.1.ABCDEF@mg.example.org',
      },
    ],
  },
  {
    name: 'failed/temporary/greylisted 451 4.7.1',
    payload: greylisted,
    expected: [
      { event: 'deferred', origin: 'remote-server', recipient: 'new@example.test', retryAfterMs: 600_000 },
    ],
  },
  {
    name: 'failed/permanent/suppress-bounce 605',
    payload: suppressBounce,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'former@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'failed/permanent/suppress-complaint 607',
    payload: suppressComplaint,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'angry@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'failed/permanent/suppress-unsubscribe',
    payload: suppressUnsubscribe,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'optout@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'failed/temporary/old (gave up)',
    payload: tooOld,
    expected: [
      { event: 'bounced', origin: 'remote-server', recipient: 'slow@example.test', category: 'expired' },
    ],
  },
  {
    name: 'failed/temporary/generic 498 No MX',
    payload: noMx,
    expected: [
      {
        event: 'deferred',
        origin: 'provider',
        recipient: 'someone@no-mx.example.test',
        retryAfterMs: 900_000,
      },
    ],
  },
  {
    name: 'failed/permanent/bounce multi-line Gmail reply',
    payload: multiLine,
    expected: [{ event: 'bounced', origin: 'remote-server', recipient: 'gone@gmail.example' }],
  },
  {
    name: 'delivered 250',
    payload: delivered,
    expected: [
      { event: 'delivered', origin: 'remote-server', recipient: 'alice@example.test', category: 'delivered' },
    ],
  },
  {
    name: 'accepted',
    payload: accepted,
    expected: [
      { event: 'accepted', origin: 'provider', recipient: 'alice@example.test', category: 'accepted' },
    ],
  },
  {
    name: 'complained',
    payload: complained,
    expected: [
      { event: 'complained', origin: 'remote-server', recipient: 'bob@example.test', category: 'complaint' },
    ],
  },
  {
    name: 'rejected (sandbox)',
    payload: rejectedSandbox,
    expected: [{ event: 'rejected', origin: 'provider', category: 'account-issue' }],
  },
  { name: 'opened (ignored)', payload: opened, expected: [] },
];
