// Postmark webhook payloads. Shapes: postmark 5.1.0 `models/webhooks/payload/*.d.ts` and the examples
// of packages/postmark/PROVIDER.md §4 (copied verbatim where marked), invented values as there.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface ExpectedOutcome {
  readonly event: DeliveryEvent;
  readonly recipient?: string;
  readonly origin: OutcomeOrigin;
  readonly category: Category;
}

export interface WebhookFixture {
  readonly name: string;
  readonly source: string;
  readonly payload: Record<string, unknown>;
  readonly expected: ExpectedOutcome;
}

/**
 * packages/postmark/PROVIDER.md §4, first Bounce example (verbatim but for `ID`: the documented 4323372036854775807
 * is an int64 beyond Number.MAX_SAFE_INTEGER, which JSON.parse rounds; see README).
 */
export const hardBounce = {
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
};

/** packages/postmark/PROVIDER.md §4, second Bounce example (verbatim but for `ID`, as above). */
export const softBounce = {
  RecordType: 'Bounce',
  MessageStream: 'outbound',
  ID: 4323372037,
  Type: 'SoftBounce',
  TypeCode: 4096,
  Name: 'Soft bounce',
  MessageID: '0b4e8d44-5d9f-4f5e-8a1e-6c1b7d4e2f11',
  Metadata: {},
  ServerID: 81234,
  Description: 'Unable to temporarily deliver this email.',
  Details: 'smtp;452 4.2.2 The email account that you tried to reach is over quota.',
  Email: 'full@example.test',
  From: 'noreply@example.org',
  BouncedAt: '2026-11-20T10:16:40Z',
  DumpAvailable: false,
  Inactive: false,
  CanActivate: true,
  Subject: 'Your receipt',
};

/** packages/postmark/PROVIDER.md §4, Delivery example (verbatim). */
export const delivery = {
  RecordType: 'Delivery',
  MessageStream: 'outbound',
  ServerID: 81234,
  MessageID: '6f1c1f0e-2a44-4a8e-9a43-3f5b4c1d0e9b',
  Recipient: 'jane@example.test',
  Tag: 'welcome',
  DeliveredAt: '2026-11-20T10:15:00Z',
  Details: 'smtp;250 2.0.0 OK  1763633700 a1b2c3d4e5f6.77 - gsmtp',
  Metadata: { user_id: 'u_1843' },
};

/** packages/postmark/PROVIDER.md §4, SubscriptionChange example (verbatim). */
export const subscriptionChange = {
  RecordType: 'SubscriptionChange',
  MessageStream: 'outbound',
  ServerID: 81234,
  MessageID: '6f1c1f0e-2a44-4a8e-9a43-3f5b4c1d0e9a',
  ChangedAt: '2026-11-20T10:15:03Z',
  Recipient: 'nobody@example.test',
  Origin: 'Recipient',
  SuppressSending: true,
  SuppressionReason: 'HardBounce',
  Metadata: {},
};

/**
 * A SpamComplaint record as in the anymail sample quoted by packages/postmark/PROVIDER.md §7: `TypeCode: 512` is
 * wrong (512 is SpamNotification), which is why the adapter matches on Type / RecordType.
 */
export const spamComplaint = {
  RecordType: 'SpamComplaint',
  MessageStream: 'outbound',
  ID: 42,
  Type: 'SpamComplaint',
  TypeCode: 512,
  Name: 'Spam complaint',
  MessageID: '00000000-0000-0000-0000-000000000000',
  ServerID: 23,
  Description: 'The subscriber explicitly marked this message as spam.',
  Details: 'Test spam complaint details',
  Email: 'john@example.test',
  From: 'sender@example.org',
  BouncedAt: '2026-11-20T10:20:00Z',
  DumpAvailable: true,
  Inactive: true,
  CanActivate: false,
  Subject: 'Test subject',
};

/** A bounce of the given Type with the given Details, otherwise shaped like `hardBounce`. */
export function bounceOf(type: string, typeCode: number, details: string, email = 'someone@example.test') {
  return { ...hardBounce, Type: type, TypeCode: typeCode, Name: type, Details: details, Email: email };
}

export const webhookFixtures: readonly WebhookFixture[] = [
  {
    name: 'Bounce HardBounce, Details smtp;550 5.1.1',
    source: 'packages/postmark/PROVIDER.md §4 example 1',
    payload: hardBounce,
    expected: {
      event: 'bounced',
      recipient: 'nobody@example.test',
      origin: 'remote-server',
      category: 'mailbox-unknown',
    },
  },
  {
    name: 'Bounce SoftBounce, Details smtp;452 4.2.2 over quota',
    source: 'packages/postmark/PROVIDER.md §4 example 2',
    payload: softBounce,
    expected: {
      event: 'bounced',
      recipient: 'full@example.test',
      origin: 'remote-server',
      category: 'mailbox-full',
    },
  },
  {
    name: 'Delivery',
    source: 'packages/postmark/PROVIDER.md §4 example 3',
    payload: delivery,
    expected: {
      event: 'delivered',
      recipient: 'jane@example.test',
      origin: 'remote-server',
      category: 'delivered',
    },
  },
  {
    name: 'SubscriptionChange after a hard bounce',
    source: 'packages/postmark/PROVIDER.md §4 example 4',
    payload: subscriptionChange,
    expected: {
      event: 'bounced',
      recipient: 'nobody@example.test',
      origin: 'provider',
      category: 'suppressed',
    },
  },
  {
    name: 'SpamComplaint with the wrong TypeCode 512',
    source: 'packages/postmark/PROVIDER.md §4 (SpamComplaint webhook), §7 (TypeCode conflict)',
    payload: spamComplaint,
    expected: {
      event: 'complained',
      recipient: 'john@example.test',
      origin: 'remote-server',
      category: 'complaint',
    },
  },
  {
    name: 'Bounce Transient with a greylisting reply',
    source: 'packages/postmark/PROVIDER.md §4 (Transient = delayed), §8 (Transient → per Details)',
    payload: bounceOf('Transient', 2, 'smtp;451 4.7.1 Greylisted, please try again in 300 seconds'),
    expected: {
      event: 'deferred',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'greylisted',
    },
  },
  {
    name: 'Bounce DnsError without an SMTP reply',
    source: 'packages/postmark/PROVIDER.md §4, §8 (DnsError → dns-failure)',
    payload: bounceOf('DnsError', 256, ''),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'dns-failure',
    },
  },
  {
    name: 'Bounce Blocked with a Spamhaus listing',
    source: 'packages/postmark/PROVIDER.md §8 (Blocked → per Details)',
    payload: bounceOf(
      'Blocked',
      100006,
      'smtp;554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
    ),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'blocklisted',
    },
  },
  {
    name: 'Bounce DMARCPolicy with the Gmail 5.7.26 text',
    source: 'packages/postmark/PROVIDER.md §8 (DMARCPolicy → authentication)',
    payload: bounceOf(
      'DMARCPolicy',
      100009,
      "smtp;550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy.",
    ),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'authentication',
    },
  },
  {
    name: 'Bounce AutoResponder',
    source: 'packages/postmark/PROVIDER.md §4 (AutoResponder = out-of-office)',
    payload: bounceOf('AutoResponder', 64, 'I am out of the office until Monday.'),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'auto-reply',
    },
  },
  {
    name: 'Bounce ManuallyDeactivated',
    source: 'packages/postmark/PROVIDER.md §4, §8 (ManuallyDeactivated → suppressed)',
    payload: bounceOf('ManuallyDeactivated', 100002, ''),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'provider',
      category: 'suppressed',
    },
  },
  {
    name: 'Bounce SMTPApiError',
    source: 'packages/postmark/PROVIDER.md §5',
    payload: bounceOf('SMTPApiError', 100007, 'Recipient is inactive'),
    expected: {
      event: 'rejected',
      recipient: 'someone@example.test',
      origin: 'provider',
      category: 'suppressed',
    },
  },
  {
    name: 'Bounce HardBounce whose Details is really a block list (the type is evidence, not the verdict)',
    source: 'packages/postmark/PROVIDER.md §4, docs/providers.md §2 hazard 1',
    payload: bounceOf(
      'HardBounce',
      1,
      'smtp;550 5.7.1 Mail from 192.0.2.1 refused, see https://www.spamcop.net/bl.shtml?192.0.2.1',
    ),
    expected: {
      event: 'bounced',
      recipient: 'someone@example.test',
      origin: 'remote-server',
      category: 'blocklisted',
    },
  },
];
