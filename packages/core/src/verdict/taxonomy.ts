// The taxonomy in one table (docs: taxonomy.md): every verdict category, in order, with what it
// means when the reply says nothing more — permanence, scope, suppression, whether a change is
// required, the enhanced code it implies — and its one-sentence summary. Rule files are type-checked
// against `Category`, so a misspelled category fails the build.
import type { Permanence, Scope } from './verdict';

/** What a category means when the reply says nothing more (docs/taxonomy.md, "Categories"). */
export interface CategoryDefaults {
  readonly category: string;
  readonly permanence: Permanence;
  readonly scope: Scope;
  /** Applies only when the verdict is not transient: a 4xx "user unknown" never suppresses. */
  readonly suppressRecipient: boolean;
  /**
   * Applies only when the verdict is not transient (`createVerdict` enforces it): a transient
   * `reputation` deferral needs a slower pace, a permanent reputation block needs the cause fixed.
   */
  readonly changeRequired: boolean;
  /** The enhanced status code a reply of this category implies when it carries none. */
  readonly status?: string;
  /**
   * The permanence follows the reply class (4xx transient, 5xx permanent) instead of being fixed by
   * the category (docs/taxonomy.md, "How the defaults apply"). Categories without it keep their
   * permanence whatever the code says (a 5xx mailbox-full is transient, a 4xx SPF failure permanent).
   */
  readonly followsReplyClass?: boolean;
  /** One plain sentence, used when the caller or rule gives none. */
  readonly summary: string;
}

// `suppressRecipient` and `changeRequired` apply only when the verdict is not transient
// (create-verdict.ts): a 4xx "user unknown" never suppresses, a retry that can pass needs no change.
const taxonomy = [
  // success and informational events
  {
    category: 'delivered',
    permanence: 'success',
    scope: 'none',
    suppressRecipient: false,
    changeRequired: false,
    status: '2.0.0',
    summary: 'The destination accepted the message.',
  },
  // An ESP or relay took the message: not a delivery (counting `delivered` counts deliveries only).
  {
    category: 'accepted',
    permanence: 'success',
    scope: 'none',
    suppressRecipient: false,
    changeRequired: false,
    summary: 'The provider or relay accepted the message; whether the destination took it comes later.',
  },
  {
    category: 'auto-reply',
    permanence: 'success',
    scope: 'none',
    suppressRecipient: false,
    changeRequired: false,
    summary: 'An automatic reply (vacation, out-of-office or challenge-response) came back.',
  },
  // A complaint is not a failure, but the recipient asked not to get this mail: stop mailing them.
  {
    category: 'complaint',
    permanence: 'success',
    scope: 'none',
    suppressRecipient: true,
    changeRequired: false,
    summary: 'The recipient reported the message as spam.',
  },
  // recipient
  {
    category: 'mailbox-unknown',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.1',
    summary: 'The recipient address does not exist.',
  },
  {
    category: 'mailbox-disabled',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.2.1',
    summary: 'The recipient mailbox exists but is disabled or inactive.',
  },
  // Over quota is transient even when sent as 5xx (RFC 3463 X.2.2 "persistent transient").
  {
    category: 'mailbox-full',
    permanence: 'transient',
    scope: 'recipient',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.2.2',
    summary: 'The recipient mailbox is over its quota.',
  },
  {
    category: 'recipient-moved',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.6',
    summary: 'The recipient mailbox has moved.',
  },
  {
    category: 'domain-invalid',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.2',
    summary: 'The recipient domain does not exist or accepts no mail.',
  },
  // Valid address that refuses this sender: stop mailing it from this sender, never suppress globally.
  {
    category: 'blocked-by-recipient',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'recipient',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
    summary: 'The recipient (or its provider on its behalf) refuses mail from this sender.',
  },
  // destination conditions
  {
    category: 'greylisted',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.1',
    summary: 'The destination greylisted the message; a retry in a few minutes should pass.',
  },
  {
    category: 'deferred',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.0.0',
    summary: 'The destination asked to try again later without giving a reason.',
  },
  {
    category: 'rate-limited',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.0',
    summary: 'The destination is limiting how fast or how much we send.',
  },
  {
    category: 'transaction-limit',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.5.3',
    summary: 'A per-transaction or per-connection limit was hit; send the rest in a new transaction.',
  },
  {
    category: 'server-busy',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.3.2',
    summary: 'The destination server is busy, overloaded or unavailable.',
  },
  {
    category: 'server-error',
    permanence: 'transient',
    followsReplyClass: true,
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.3.0',
    summary: 'The destination server had an internal or configuration error.',
  },
  {
    category: 'dns-failure',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.3',
    summary: 'A DNS lookup for the destination failed temporarily.',
  },
  {
    category: 'routing',
    permanence: 'transient',
    followsReplyClass: true,
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.4',
    summary: 'The message could not be routed (routing failure or mail loop).',
  },
  {
    category: 'network',
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.1',
    summary: 'The connection failed: refused, reset or timed out.',
  },
  // Their certificate is bad: destination. They require TLS we did not offer: a rule sets scope sender.
  {
    category: 'tls-failure',
    permanence: 'transient',
    followsReplyClass: true,
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.10',
    summary: 'The TLS requirements of the connection were not met.',
  },
  // sender
  // A reputation block that is permanent needs the cause fixed; a transient one only a slower pace.
  {
    category: 'reputation',
    permanence: 'transient',
    followsReplyClass: true,
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '4.7.0',
    summary: 'The sender was blocked or throttled because of its IP or domain reputation.',
  },
  {
    category: 'blocklisted',
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
    summary: 'The sender is listed on a block list.',
  },
  {
    category: 'authentication',
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.26',
    summary: 'SPF, DKIM or DMARC authentication failed or is missing.',
  },
  {
    category: 'sender-infrastructure',
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.25',
    summary: 'The sending host is not acceptable (reverse DNS, HELO name or dynamic IP).',
  },
  {
    category: 'sender-rejected',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.1.7',
    summary: 'The envelope sender address was rejected.',
  },
  // From a destination MX the domain's mail is misrouted: nothing on our side to change (decision 3).
  {
    category: 'relay-denied',
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
    summary: 'The server refused to relay the message.',
  },
  {
    category: 'client-auth',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.8',
    summary: 'SMTP authentication at the relay failed or is required.',
  },
  {
    category: 'account-limit',
    permanence: 'transient',
    scope: 'provider',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.0',
    summary: 'Our sending account hit a quota or limit that resets.',
  },
  {
    category: 'account-issue',
    permanence: 'permanent',
    scope: 'provider',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
    summary: 'Our sending account or sender identity is not allowed to send.',
  },
  {
    category: 'suppressed',
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.1',
    summary: 'The provider refused because the recipient is on its suppression list.',
  },
  // message
  {
    category: 'spam-content',
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
    summary: 'The message content was judged to be spam.',
  },
  {
    category: 'virus',
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
    summary: 'The message carries a virus, malware or a prohibited attachment.',
  },
  {
    category: 'message-too-large',
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.3.4',
    summary: 'The message exceeds the size limit.',
  },
  {
    category: 'message-format',
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.6.0',
    summary: 'The message breaks RFC 5322 or MIME format rules.',
  },
  {
    category: 'protocol',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.5.0',
    summary: 'The SMTP session had a command syntax or sequence error.',
  },
  // catch-alls
  {
    category: 'policy',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
    summary: 'The destination rejected the message by local policy.',
  },
  {
    category: 'expired',
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.7',
    summary: 'Delivery was given up after the retry period expired.',
  },
  {
    category: 'unknown',
    permanence: 'permanent',
    followsReplyClass: true,
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    summary: 'The reply could not be classified.',
  },
] as const satisfies readonly CategoryDefaults[];

export type Category = (typeof taxonomy)[number]['category'];

/** Every category, in the order of the taxonomy. */
export const categories: readonly Category[] = taxonomy.map((entry) => entry.category);

/** Each category's row of the table (internal: applications read verdicts, not the table). */
export const categoryDefaults = Object.fromEntries(taxonomy.map((entry) => [entry.category, entry])) as {
  readonly [C in Category]: CategoryDefaults & { readonly category: C };
};

const categorySet: ReadonlySet<string> = new Set(categories);

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && categorySet.has(value);
}
