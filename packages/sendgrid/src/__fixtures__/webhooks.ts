// SendGrid Event Webhook events in their documented shapes, with the outcome each must give.
// Source: packages/sendgrid/PROVIDER.md §3 (values invented; shapes from SendGrid's Event Webhook reference,
// https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event, and django-anymail's
// tests/test_sendgrid_webhooks.py, https://github.com/anymail/django-anymail). `smtp` marks the cases whose category comes from core's
// classifier (the `reason`/`response` text).
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface SendGridFixture {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly expected: {
    readonly event: DeliveryEvent;
    readonly category: Category;
    readonly origin: OutcomeOrigin;
    /** true when the category is decided by core's classifier from the SMTP text */
    readonly smtp?: boolean;
    /** other categories an expert also accepts for that SMTP text */
    readonly alsoAccept?: readonly Category[];
  } | null;
}

export const sendGridFixtures: readonly SendGridFixture[] = [
  {
    name: 'bounce (hard) 550 5.1.1, Invalid Address',
    input: {
      email: 'nobody@example.test',
      timestamp: 1763633700,
      event: 'bounce',
      type: 'bounce',
      status: '5.1.1',
      reason:
        "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
      bounce_classification: 'Invalid Address',
      tls: 1,
      ip: '203.0.113.17',
      sg_event_id: 'Ym91bmNlLTAtMTIzNDU2Nzg5MC1hYmNkZWY',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-1.0',
      'smtp-id': '<W7qGXjdTTtqW0zkRz6Lq4w@geopod-ismtpd-3>',
      category: ['password-reset'],
      user_id: 'u_1842',
    },
    expected: { event: 'bounced', category: 'mailbox-unknown', origin: 'remote-server', smtp: true },
  },
  {
    name: 'deferred 421 4.7.0 unusual rate of unsolicited mail',
    input: {
      email: 'busy@example.test',
      timestamp: 1763633760,
      event: 'deferred',
      attempt: '2',
      response:
        '421 4.7.0 [203.0.113.17] Our system has detected an unusual rate of unsolicited mail originating from your IP address.',
      sg_event_id: 'ZGVmZXJyZWQtMS0xMjM0NTY3ODkw',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-2.0',
    },
    expected: { event: 'deferred', category: 'reputation', origin: 'remote-server', smtp: true },
  },
  {
    name: 'dropped: Bounced Address',
    input: {
      email: 'former@example.test',
      timestamp: 1763633800,
      event: 'dropped',
      reason: 'Bounced Address',
      status: '5.0.0',
      sg_event_id: 'ZHJvcHBlZC0yLTEyMzQ1Njc4OTA',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-3.0',
    },
    expected: { event: 'rejected', category: 'suppressed', origin: 'provider' },
  },
  {
    name: 'bounce type blocked, Spamhaus, Reputation',
    input: {
      email: 'blocked@example.test',
      timestamp: 1763633900,
      event: 'bounce',
      type: 'blocked',
      status: '5.7.1',
      reason: '554 5.7.1 Service unavailable; Client host [203.0.113.17] blocked using zen.spamhaus.org',
      bounce_classification: 'Reputation',
      sg_event_id: 'YmxvY2tlZC0zLTEyMzQ1Njc4OTA',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-4.0',
    },
    expected: {
      event: 'bounced',
      category: 'blocklisted',
      alsoAccept: ['reputation'],
      origin: 'remote-server',
      smtp: true,
    },
  },
  {
    name: 'blocked with no status: unable to get mx info (real capture, packages/sendgrid/PROVIDER.md §3)',
    input: {
      email: 'someone@nowhere.example',
      timestamp: 1763634000,
      event: 'bounce',
      type: 'blocked',
      bounce_classification: 'Unclassified',
      reason:
        'unable to get mx info: failed to get IPs from PTR record: lookup nowhere.example: no such host',
      sg_event_id: 'YmxvY2tlZC00',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-5.0',
    },
    // SendGrid's own MTA diagnostic (not a remote reply): the recipient domain does not resolve.
    expected: { event: 'bounced', category: 'domain-invalid', origin: 'provider' },
  },
  {
    name: 'delivered 250',
    input: {
      email: 'ok@example.test',
      timestamp: 1763634100,
      event: 'delivered',
      response: '250 2.0.0 OK 1763634100 a1si1234567qka.1 - gsmtp',
      tls: 1,
      ip: '203.0.113.17',
      sg_event_id: 'ZGVsaXZlcmVkLTU',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-6.0',
    },
    expected: { event: 'delivered', category: 'delivered', origin: 'remote-server' },
  },
  {
    name: 'spamreport',
    input: {
      email: 'reader@example.test',
      timestamp: 1763634200,
      event: 'spamreport',
      sg_event_id: 'c3BhbXJlcG9ydC02',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-7.0',
    },
    expected: { event: 'complained', category: 'complaint', origin: 'remote-server' },
  },
  {
    name: 'processed (accepted by SendGrid)',
    input: {
      email: 'ok@example.test',
      timestamp: 1763634000,
      event: 'processed',
      sg_event_id: 'cHJvY2Vzc2VkLTc',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-6.0',
    },
    expected: { event: 'accepted', category: 'accepted', origin: 'provider' },
  },
  {
    name: 'open (tracking: no outcome)',
    input: {
      email: 'ok@example.test',
      timestamp: 1763634300,
      event: 'open',
      useragent: 'Mozilla/5.0',
      ip: '198.51.100.1',
      sg_event_id: 'b3Blbi04',
      sg_message_id: 'W7qGXjdTTtqW0zkRz6Lq4w.recvd-5f54b5d587-abcde-1-6757C0DE-6.0',
    },
    expected: null,
  },
];
