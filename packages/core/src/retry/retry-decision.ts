import type { Category } from '../verdict/taxonomy';

/**
 * What needs fixing before a `hold` decision can be retried. Waiting never fixes these
 * (docs/taxonomy.md: `changeRequired` means the fix is ours — sender, provider or message scope).
 */
export type RetryFix =
  /** SPF, DKIM, DMARC or ARC records or signing (`authentication`) */
  | 'dns-records'
  /** our sending host: PTR / forward-confirmed reverse DNS, HELO name, dynamic IP (`sender-infrastructure`) */
  | 'sending-host'
  /** the envelope sender address (`sender-rejected`) */
  | 'sender-address'
  /** SMTP AUTH or API credentials at our relay or ESP (`client-auth`) */
  | 'credentials'
  /** our ESP account: verification, suspension, quota plan (`account-issue`) */
  | 'account'
  /** a named block list: request delisting (`blocklisted`) */
  | 'delisting'
  /** the sender's reputation: complaints, list hygiene (`reputation` marked change-required, e.g. Yahoo TS03) */
  | 'reputation'
  /** the message content: spam-like text or URLs, malware, forbidden attachments (`spam-content`, `virus`) */
  | 'content'
  /** the message is too large for the destination (`message-too-large`) */
  | 'message-size'
  /** the message generator: RFC 5322 / MIME errors, bare LF, long lines (`message-format`) */
  | 'message-format'
  /** the SMTP client: command syntax, sequence, pipelining (`protocol`) */
  | 'smtp-client'
  /** TLS set-up: the destination requires TLS or a certificate we did not offer (`tls-failure`) */
  | 'tls'
  /** any other change on our side */
  | 'configuration';

/**
 * What each `RetryFix` asks for, in words an application can show next to a held message (an
 * imperative phrase, no final period). The hold decision's `reason` ends with the same phrase.
 */
export const retryFixes: Readonly<Record<RetryFix, string>> = Object.freeze({
  'dns-records': 'fix the SPF, DKIM or DMARC records or the message signing',
  'sending-host': "fix the sending host's reverse DNS (PTR) or HELO name, or send from another IP",
  'sender-address': 'use an envelope sender address the destination accepts',
  credentials: 'fix the SMTP or API credentials',
  account: 'fix the sending account (verification, suspension or plan) with the provider',
  delisting: 'get the sending IP or domain delisted',
  reputation: "review the sender's complaint rate and list hygiene before sending again",
  content: 'change the message content or attachments',
  'message-size': 'make the message smaller',
  'message-format': 'fix how the message is generated (headers, MIME, line endings)',
  'smtp-client': "fix the SMTP client's command sequence",
  tls: 'fix the TLS set-up for this destination',
  configuration: 'change the sending configuration',
});

/** Why a message is given up. */
export type GiveUpCause =
  /** the failure is permanent: retrying the same message to the same recipient cannot succeed */
  | 'permanent'
  /** the maximum age was reached (or the next retry would fall after it) */
  | 'expired'
  /** the category's maximum number of attempts was reached */
  | 'max-attempts';

/** Try again after a delay. */
export interface RetryLaterDecision {
  readonly action: 'retry';
  /** Milliseconds from `history.now` to the next attempt. */
  readonly delayMs: number;
  /** Epoch milliseconds of the next attempt: `history.now + delayMs`. */
  readonly at: number;
  readonly reason: string;
  /** The category of the failure this decision answers. */
  readonly category: Category;
}

/** Send the rest at once in a new transaction / connection (`transaction-limit`, RFC 5321 §4.5.3.1.10). */
export interface RetryNowDecision {
  readonly action: 'retry-now';
  readonly reason: string;
  readonly category: Category;
}

/** Stop trying this message for this recipient. */
export interface GiveUpDecision {
  readonly action: 'give-up';
  readonly reason: string;
  readonly cause: GiveUpCause;
  /** The underlying category: for `expired`, the last failure before the give-up. */
  readonly category: Category;
  /**
   * Stop mailing this address for every sender. True only for a permanent failure of the recipient
   * itself (scope `recipient` and the verdict says so) — never for a sender-side failure.
   */
  readonly suppressRecipient: boolean;
}

/** Keep the message, but do not retry on a timer: someone has to fix something first. */
export interface HoldDecision {
  readonly action: 'hold';
  readonly reason: string;
  readonly fix: RetryFix;
  readonly category: Category;
}

export type RetryDecision = RetryLaterDecision | RetryNowDecision | GiveUpDecision | HoldDecision;

/** The `action` of every decision, for exhaustive switches. */
export type RetryAction = RetryDecision['action'];
