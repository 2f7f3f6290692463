import type { Category, DeliveryEvent, OutcomeOrigin, Permanence } from '@mailverdict/core';

/** What Postmark's bounce `Type` tells, and how far to trust it over the Details text. */
export interface BounceType {
  readonly typeCode: number;
  /** The category the type implies when the Details text says nothing better. */
  readonly category: Category;
  /**
   * `certain`: Postmark's own state or a record kind no reply text can contradict (a suppression,
   * a spam complaint, an auto-reply): the type decides. `evidence`: Postmark's NDR parser guessed
   * from the bounce (HardBounce, SoftBounce…): the Details text decides, the type fills in when
   * the classifier finds nothing (`unknown`) or only a catch-all (`policy`).
   */
  readonly trust: 'certain' | 'evidence';
  readonly event: DeliveryEvent;
  readonly origin: OutcomeOrigin;
  /** Overrides the category's default permanence (informational types are not failures). */
  readonly permanence?: Permanence;
  readonly summary: string;
}

// Every `BounceType` of postmark 5.1.0 (`models/bounces/Bounce.d.ts`), with the TypeCode kept for
// reference only: match on Type, never TypeCode (packages/postmark/PROVIDER.md §7: a documented SpamComplaint
// sample carries TypeCode 512, which is SpamNotification). Meanings: packages/postmark/PROVIDER.md §4, §8.
export const bounceTypes = {
  HardBounce: {
    typeCode: 1,
    category: 'mailbox-unknown',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'Postmark reports a hard bounce (unknown user, mailbox not found).',
  },
  Transient: {
    typeCode: 2,
    category: 'deferred',
    trust: 'evidence',
    event: 'deferred',
    origin: 'remote-server',
    summary: 'Postmark reports the message as delayed; it may still be delivered.',
  },
  Unsubscribe: {
    typeCode: 16,
    category: 'complaint',
    trust: 'certain',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The recipient asked to be unsubscribed: stop mailing them.',
  },
  Subscribe: {
    typeCode: 32,
    category: 'auto-reply',
    trust: 'certain',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'A subscribe request came back instead of a bounce.',
  },
  AutoResponder: {
    typeCode: 64,
    category: 'auto-reply',
    trust: 'certain',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'An automatic reply (out-of-office, vacation) came back.',
  },
  AddressChange: {
    typeCode: 128,
    category: 'recipient-moved',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The recipient asked for an address change.',
  },
  DnsError: {
    typeCode: 256,
    category: 'dns-failure',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'Postmark reports a temporary DNS error for the recipient domain.',
  },
  SpamNotification: {
    typeCode: 512,
    category: 'spam-content',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The receiving system classified the message as spam.',
  },
  OpenRelayTest: {
    typeCode: 1024,
    category: 'unknown',
    trust: 'certain',
    event: 'bounced',
    origin: 'remote-server',
    permanence: 'success',
    summary: 'An open-relay test notification, not a delivery failure: ignore it.',
  },
  Unknown: {
    typeCode: 2048,
    category: 'unknown',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'Postmark could not classify the bounce.',
  },
  SoftBounce: {
    typeCode: 4096,
    category: 'mailbox-full',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'Postmark reports a soft bounce (mailbox full, disabled or over quota).',
  },
  VirusNotification: {
    typeCode: 8192,
    category: 'virus',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The receiving system reported a virus in the message.',
  },
  ChallengeVerification: {
    typeCode: 16384,
    category: 'auto-reply',
    trust: 'certain',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'A challenge-response request came back (the recipient wants the sender verified).',
  },
  BadEmailAddress: {
    typeCode: 100000,
    category: 'mailbox-unknown',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The recipient address is not a valid email address.',
  },
  SpamComplaint: {
    typeCode: 100001,
    category: 'complaint',
    trust: 'certain',
    event: 'complained',
    origin: 'remote-server',
    summary: 'The recipient marked the message as spam.',
  },
  ManuallyDeactivated: {
    typeCode: 100002,
    category: 'suppressed',
    trust: 'certain',
    event: 'bounced',
    origin: 'provider',
    summary: 'The recipient was deactivated by hand in Postmark.',
  },
  Unconfirmed: {
    typeCode: 100003,
    category: 'unknown',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'Postmark reports an unconfirmed registration.',
  },
  Blocked: {
    typeCode: 100006,
    category: 'policy',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The receiving provider blocked the message.',
  },
  SMTPApiError: {
    typeCode: 100007,
    category: 'suppressed',
    trust: 'certain',
    event: 'rejected',
    origin: 'provider',
    summary: 'Postmark refused an SMTP-submitted message to a suppressed recipient.',
  },
  InboundError: {
    typeCode: 100008,
    category: 'unknown',
    trust: 'evidence',
    event: 'bounced',
    origin: 'provider',
    summary: 'Postmark reports an inbound processing error.',
  },
  DMARCPolicy: {
    typeCode: 100009,
    category: 'authentication',
    trust: 'evidence',
    event: 'bounced',
    origin: 'remote-server',
    summary: 'The receiving system rejected the message by the sender domain’s DMARC policy.',
  },
  TemplateRenderingFailed: {
    typeCode: 100010,
    category: 'message-format',
    trust: 'certain',
    event: 'failed',
    origin: 'provider',
    summary: 'Postmark could not render the template of the message.',
  },
} as const satisfies Record<string, BounceType>;

export type BounceTypeName = keyof typeof bounceTypes;

export function bounceType(type: unknown): BounceType | undefined {
  return typeof type === 'string' && Object.hasOwn(bounceTypes, type)
    ? (bounceTypes as Record<string, BounceType>)[type]
    : undefined;
}
