// The closed list of verdict categories, in the order of the taxonomy (docs/taxonomy.md).
// Rule files are type-checked against `Category`, so a misspelled category fails the build.
export const categories = [
  // success and informational events
  'delivered',
  'auto-reply',
  'complaint',
  // recipient
  'mailbox-unknown',
  'mailbox-disabled',
  'mailbox-full',
  'recipient-moved',
  'domain-invalid',
  'blocked-by-recipient',
  // destination conditions
  'greylisted',
  'deferred',
  'rate-limited',
  'transaction-limit',
  'server-busy',
  'server-error',
  'dns-failure',
  'routing',
  'network',
  'tls-failure',
  // sender
  'reputation',
  'blocklisted',
  'authentication',
  'sender-infrastructure',
  'sender-rejected',
  'relay-denied',
  'client-auth',
  'account-limit',
  'account-issue',
  'suppressed',
  // message
  'spam-content',
  'virus',
  'message-too-large',
  'message-format',
  'protocol',
  // catch-alls
  'policy',
  'expired',
  'unknown',
] as const;

export type Category = (typeof categories)[number];

const categorySet: ReadonlySet<string> = new Set(categories);

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && categorySet.has(value);
}
