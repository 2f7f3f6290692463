import type { Category } from './category';
import type { Permanence, Scope } from './verdict';

/** What a category means when the reply says nothing more (taxonomy.md, "Categories"). */
export interface CategoryDefaults {
  readonly permanence: Permanence;
  readonly scope: Scope;
  readonly suppressRecipient: boolean;
  readonly changeRequired: boolean;
  /** The enhanced status code a reply of this category implies when it carries none. */
  readonly status?: string;
}

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
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.1',
  },
  'mailbox-disabled': {
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
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.6',
  },
  'domain-invalid': {
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    changeRequired: false,
    status: '5.1.2',
  },
  // Valid address that refuses this sender: stop mailing it from this sender, never suppress globally.
  'blocked-by-recipient': {
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
    permanence: 'transient',
    scope: 'destination',
    suppressRecipient: false,
    changeRequired: false,
    status: '4.7.10',
  },

  reputation: {
    permanence: 'transient',
    scope: 'sender',
    suppressRecipient: false,
    changeRequired: false,
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
    permanence: 'permanent',
    scope: 'message',
    suppressRecipient: false,
    changeRequired: true,
    status: '5.5.0',
  },

  policy: {
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
  unknown: { permanence: 'permanent', scope: 'destination', suppressRecipient: false, changeRequired: false },
} as const satisfies Record<Category, CategoryDefaults>;
