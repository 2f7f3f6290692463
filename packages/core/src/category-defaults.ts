import type { Category } from './category';
import type { Permanence, Scope } from './verdict';

/** What a category means when the reply says nothing more (docs/taxonomy.md, "Categories"). */
export interface CategoryDefaults {
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
}

// `suppressRecipient` and `changeRequired` apply only when the verdict is not transient
// (create-verdict.ts): a 4xx "user unknown" never suppresses, a retry that can pass needs no change.
const success = (): CategoryDefaults => ({
  permanence: 'success',
  scope: 'none',
  suppressRecipient: false,
  changeRequired: false,
});

// One entry per category; `satisfies` makes a missing or misspelled category a type error.
export const categoryDefaults = {
  delivered: { ...success(), status: '2.0.0' },
  'auto-reply': success(),
  // A complaint is not a failure, but the recipient asked not to get this mail: stop mailing them.
  complaint: { ...success(), suppressRecipient: true },

  'mailbox-unknown': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.1',
  },
  'mailbox-disabled': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.2.1',
  },
  // Over quota is transient even when sent as 5xx (RFC 3463 X.2.2 "persistent transient").
  'mailbox-full': {
    permanence: 'transient',
    scope: 'recipient',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.2.2',
  },
  'recipient-moved': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.6',
  },
  'domain-invalid': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.2',
  },
  // Valid address that refuses this sender: stop mailing it from this sender, never suppress globally.
  'blocked-by-recipient': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
  },

  greylisted: {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.1',
  },
  deferred: {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.0.0',
  },
  'rate-limited': {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.0',
  },
  'transaction-limit': {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.5.3',
  },
  'server-busy': {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.3.2',
  },
  'server-error': {
    followsReplyClass: true,
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.3.0',
  },
  'dns-failure': {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.3',
  },
  routing: {
    followsReplyClass: true,
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.4',
  },
  network: {
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.1',
  },
  // Their certificate is bad: destination. They require TLS we did not offer: a rule sets scope sender.
  'tls-failure': {
    followsReplyClass: true,
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.10',
  },

  // A reputation block that is permanent needs the cause fixed; a transient one only a slower pace.
  reputation: {
    followsReplyClass: true,
    permanence: 'transient',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '4.7.0',
  },
  blocklisted: {
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
  },
  authentication: {
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.26',
  },
  'sender-infrastructure': {
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.25',
  },
  'sender-rejected': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.1.7',
  },
  // From a destination MX the domain's mail is misrouted: nothing on our side to change (decision 3).
  'relay-denied': {
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
  },
  'client-auth': {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.8',
  },
  'account-limit': {
    permanence: 'transient',
    scope: 'provider',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.0',
  },
  'account-issue': {
    permanence: 'permanent',
    scope: 'provider',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
  },
  suppressed: {
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.1',
  },

  'spam-content': {
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
  },
  virus: {
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.7.1',
  },
  'message-too-large': {
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.3.4',
  },
  'message-format': {
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.6.0',
  },
  protocol: {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.5.0',
  },

  policy: {
    followsReplyClass: true,
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '5.7.1',
  },
  expired: {
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.4.7',
  },
  unknown: {
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    followsReplyClass: true,
  },
} as const satisfies Record<Category, CategoryDefaults>;
