// Sisimai's bounce reasons (sisimai.org/en/reason, its `reason` field) → mailverdict categories
// (docs/taxonomy in core). The first category is the closest; the others are what a reader of the
// same bounce would also accept, because Sisimai folds several of our categories into one reason
// (`blocked` covers reputation, block lists and reverse DNS; `filtered` any recipient-side refusal).
// The README's "Accuracy" table is this list.
import type { Category } from '@mailverdict/core';

export const sisimaiReasons: Readonly<Record<string, readonly Category[]>> = {
  userunknown: ['mailbox-unknown'],
  hostunknown: ['domain-invalid'],
  mailboxfull: ['mailbox-full'],
  suspend: ['mailbox-disabled'],
  hasmoved: ['recipient-moved'],
  filtered: ['blocked-by-recipient', 'mailbox-unknown', 'mailbox-disabled', 'policy'],
  rejected: ['sender-rejected', 'policy'],
  blocked: ['reputation', 'blocklisted', 'sender-infrastructure', 'policy'],
  badreputation: ['reputation'],
  requireptr: ['sender-infrastructure'],
  authfailure: ['authentication'],
  securityerror: ['client-auth', 'tls-failure', 'authentication', 'account-issue'],
  failedstarttls: ['tls-failure'],
  norelaying: ['relay-denied'],
  notaccept: ['domain-invalid', 'policy'],
  // Sisimai has no per-transaction reason: "too many recipients" is ratelimited there.
  ratelimited: ['rate-limited', 'account-limit', 'transaction-limit'],
  toomanyconn: ['rate-limited', 'transaction-limit'],
  spamdetected: ['spam-content'],
  virusdetected: ['virus'],
  policyviolation: ['policy', 'spam-content', 'message-format'],
  contenterror: ['message-format'],
  notcompliantrfc: ['message-format'],
  emailtoolarge: ['message-too-large'],
  exceedlimit: ['message-too-large'],
  mesgtoobig: ['message-too-large'],
  expired: ['expired'],
  networkerror: ['network', 'dns-failure', 'routing'],
  // Sisimai has no reason for an overloaded or unavailable server: its SystemError list holds
  // "service currently unavailable" (lib/Sisimai/Reason/SystemError.pm), our server-busy
  // (docs/taxonomy.md#decision-1). Its SystemFull is "mail system full", the destination out of
  // storage: server-busy in docs/taxonomy.md.
  systemerror: ['server-error', 'routing', 'server-busy'],
  systemfull: ['server-busy', 'server-error', 'mailbox-full'],
  mailererror: ['server-error'],
  syntaxerror: ['protocol'],
  speeding: ['rate-limited'],
  onhold: ['unknown'],
  undefined: ['unknown'],
  feedback: ['complaint'],
  vacation: ['auto-reply'],
  delivered: ['delivered'],
  suppressed: ['suppressed'],
};
