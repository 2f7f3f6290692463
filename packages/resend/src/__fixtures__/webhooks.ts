// Resend webhook payloads shaped exactly as packages/resend/PROVIDER.md §2 documents them (structure from
// resend@6.38.0 `WebhookEventPayload`, https://resend.com/docs/webhooks/event-types and the bounced-event docs
// sample; the account-suppression text from django-anymail's Resend test fixture; ids invented).
// The expected outcome sits beside each one.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface ResendFixture {
  readonly name: string;
  readonly payload: unknown;
  readonly expected: readonly {
    readonly event: DeliveryEvent;
    readonly origin: OutcomeOrigin;
    readonly recipient?: string;
    readonly messageId?: string;
    /** Only categories the adapter decides itself (not those the classifier reads from Resend's prose). */
    readonly category?: Category;
  }[];
}

const base = {
  email_id: '4ef9a417-02e9-4d39-ad75-9611e0fcc33c',
  created_at: '2026-11-20T10:00:00.000Z',
  message_id: '<4ef9a417-02e9-4d39-ad75-9611e0fcc33c@example.org>',
  from: 'App <noreply@example.org>',
  to: ['nobody@example.test'],
  subject: 'Welcome',
  tags: { category: 'welcome' },
};

// packages/resend/PROVIDER.md §2 first example (docs-shaped).
export const bouncedGeneral = {
  type: 'email.bounced',
  created_at: '2026-11-20T10:00:05.000Z',
  data: {
    ...base,
    bounce: {
      type: 'Permanent',
      subType: 'General',
      message:
        "The recipient's email provider sent a hard bounce message, but didn't specify the reason for the hard bounce.",
    },
  },
};

// The docs sample of https://resend.com/docs/webhooks/emails/bounced.md: Permanent/Suppressed.
export const bouncedSuppressed = {
  type: 'email.bounced',
  created_at: '2026-11-20T10:00:05.000Z',
  data: {
    ...base,
    to: ['former@example.test'],
    bounce: {
      type: 'Permanent',
      subType: 'Suppressed',
      message:
        "The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.",
    },
  },
};

// anymail fixture wording for the account-level list.
export const bouncedAccountList = {
  type: 'email.bounced',
  created_at: '2026-11-20T10:00:05.000Z',
  data: {
    ...base,
    to: ['listed@example.test'],
    bounce: {
      type: 'Permanent',
      subType: 'OnAccountSuppressionList',
      message:
        'Resend has suppressed sending to this address because it is on the account-level suppression list. This does not count toward your bounce rate metric',
    },
  },
};

export const bouncedMailboxFull = {
  type: 'email.bounced',
  created_at: '2026-11-20T10:00:05.000Z',
  data: {
    ...base,
    to: ['full@example.test'],
    bounce: { type: 'Transient', subType: 'MailboxFull', message: "The recipient's inbox is full." },
  },
};

// 2023 payloads had only `bounce.message` (anymail tests): tolerate missing type/subType.
export const bouncedLegacy = {
  type: 'email.bounced',
  created_at: '2023-05-01T10:00:05.000Z',
  data: { ...base, to: ['old@example.test'], bounce: { message: 'Bounced' } },
};

// packages/resend/PROVIDER.md §2 second example: no reason at all.
export const delayed = {
  type: 'email.delivery_delayed',
  created_at: '2026-11-20T10:30:00.000Z',
  data: {
    ...base,
    email_id: '7a2c1e0b-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    message_id: '<7a2c1e0b-3b4d-4e5f-8a9b-0c1d2e3f4a5b@example.org>',
    to: ['slow@example.test'],
    subject: 'Your receipt',
  },
};

// packages/resend/PROVIDER.md §2 third example.
export const failedUnverified = {
  type: 'email.failed',
  created_at: '2026-11-20T10:00:01.000Z',
  data: {
    email_id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    created_at: '2026-11-20T10:00:00.000Z',
    from: 'App <noreply@unverified.example>',
    to: ['jane@example.test'],
    subject: 'Hi',
    failed: { reason: 'The unverified.example domain is not verified.' },
  },
};

export const suppressedEvent = {
  type: 'email.suppressed',
  created_at: '2026-11-20T10:00:01.000Z',
  data: {
    ...base,
    to: ['former@example.test'],
    suppressed: { type: 'bounce', message: 'Previously bounced' },
  },
};

export const sent = {
  type: 'email.sent',
  created_at: '2026-11-20T10:00:01.000Z',
  data: { ...base, to: ['a@example.test', 'b@example.test'] },
};
export const delivered = {
  type: 'email.delivered',
  created_at: '2026-11-20T10:00:03.000Z',
  data: { ...base, to: ['a@example.test'] },
};
export const complained = {
  type: 'email.complained',
  created_at: '2026-11-21T08:00:00.000Z',
  data: { ...base, to: ['angry@example.test'] },
};
export const opened = {
  type: 'email.opened',
  created_at: '2026-11-21T08:00:00.000Z',
  data: { ...base, to: ['a@example.test'] },
};
export const contactCreated = {
  type: 'contact.created',
  created_at: '2026-11-21T08:00:00.000Z',
  data: { id: 'c1', audience_id: 'a1', email: 'a@example.test', unsubscribed: false },
};

const id = base.email_id;

export const fixtures: readonly ResendFixture[] = [
  {
    name: 'email.bounced Permanent/General',
    payload: bouncedGeneral,
    expected: [
      { event: 'bounced', origin: 'remote-server', recipient: 'nobody@example.test', messageId: id },
    ],
  },
  {
    name: 'email.bounced Permanent/Suppressed',
    payload: bouncedSuppressed,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'former@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'email.bounced Permanent/OnAccountSuppressionList',
    payload: bouncedAccountList,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'listed@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'email.bounced Transient/MailboxFull',
    payload: bouncedMailboxFull,
    expected: [{ event: 'bounced', origin: 'remote-server', recipient: 'full@example.test' }],
  },
  {
    name: 'email.bounced without type/subType (2023 shape)',
    payload: bouncedLegacy,
    expected: [{ event: 'bounced', origin: 'remote-server', recipient: 'old@example.test' }],
  },
  {
    name: 'email.delivery_delayed',
    payload: delayed,
    expected: [
      { event: 'deferred', origin: 'provider', recipient: 'slow@example.test', category: 'deferred' },
    ],
  },
  {
    name: 'email.failed domain not verified',
    payload: failedUnverified,
    expected: [
      { event: 'failed', origin: 'account', recipient: 'jane@example.test', category: 'account-issue' },
    ],
  },
  {
    name: 'email.suppressed',
    payload: suppressedEvent,
    expected: [
      { event: 'rejected', origin: 'provider', recipient: 'former@example.test', category: 'suppressed' },
    ],
  },
  {
    name: 'email.sent (two recipients)',
    payload: sent,
    expected: [
      { event: 'accepted', origin: 'provider', recipient: 'a@example.test', messageId: id },
      { event: 'accepted', origin: 'provider', recipient: 'b@example.test', messageId: id },
    ],
  },
  {
    name: 'email.delivered',
    payload: delivered,
    expected: [
      { event: 'delivered', origin: 'remote-server', recipient: 'a@example.test', category: 'delivered' },
    ],
  },
  {
    name: 'email.complained',
    payload: complained,
    expected: [
      {
        event: 'complained',
        origin: 'remote-server',
        recipient: 'angry@example.test',
        category: 'complaint',
      },
    ],
  },
  { name: 'email.opened (ignored)', payload: opened, expected: [] },
  { name: 'contact.created (ignored)', payload: contactCreated, expected: [] },
];
