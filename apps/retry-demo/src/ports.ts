// The seams between the outbox runner and the outside world. The runner only sees these shapes;
// `wiring.ts` fills them with the real pieces (nodemailer + @mailverdict/nodemailer, the postmark
// client + @mailverdict/postmark, core's decideRetry and throttle), so no provider-specific retry
// code can sneak into the runner.
import type { DeliveryOutcome, RetryDecision, RetryHistory, Verdict } from '@mailverdict/core';
import type { ProviderName } from './store';

/** One message to send through a provider. */
export interface OutgoingMail {
  readonly outboxId: string;
  /** Unique per attempt: the Message-ID (SMTP) / Metadata (Postmark) used to find the attempt again after a crash. */
  readonly attemptId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface ProviderPort {
  readonly name: ProviderName;
  /**
   * Whether `accepted` is the end of the story for mail to `recipient`. True for SMTP straight to the
   * recipient's MX: the next hop is the destination, and after its 250 it "accepts responsibility"
   * (RFC 5321 §4.2.5, §6.1). False for an ESP, whose acceptance is followed by a delivery or bounce
   * event (webhook), and for SMTP through a relay, which reports later by email (RFC 3464 DSN).
   */
  acceptedIsDelivery(recipient: string): boolean;
  /** Never throws for a delivery failure: every result is a list of outcomes (one for our one recipient). */
  send(mail: OutgoingMail): Promise<DeliveryOutcome[]>;
  /**
   * Crash recovery: did the provider accept this attempt? `undefined` when it cannot tell. Stands in
   * for a provider's message search (Postmark: `GET /messages/outbound?metadata_attempt=…`).
   */
  lookup(attemptId: string): Promise<'accepted' | 'absent' | undefined>;
  /**
   * The provider's own message search, for an attempt whose reply was lost (an outcome `isInDoubt`):
   * true when it has the message. Rejects when the search fails (ask again later). Absent when the
   * provider has no search — direct SMTP: the MX cannot be asked, so such an attempt is held for a person.
   */
  readonly search?: (attemptId: string, recipient: string) => Promise<boolean>;
  /** Closes open connections. */
  close(): void;
}

/** What `decideRetry` returns and takes (core, issue 4). */
export type { RetryDecision, RetryHistory } from '@mailverdict/core';

export interface PolicyPort {
  decide(outcome: DeliveryOutcome, history: RetryHistory): RetryDecision;
}

export type ThrottleAnswer =
  | { readonly ok: true }
  | { readonly ok: false; readonly at: number; readonly reason: string };

export interface ThrottlePort {
  /**
   * May `provider` send to `recipient` now? Each provider has its own throttle (a deferral that names
   * our IP says nothing about Postmark's); within it a destination is the recipient domain rolled up
   * to its mailbox provider.
   */
  acquire(provider: ProviderName, recipient: string, now: number): ThrottleAnswer;
  /**
   * How the attempt went: successes speed the destination up, rate limits and reputation slow it down.
   * `attemptOver` is true for a result that arrives after its attempt ended (a webhook event hours after
   * the provider accepted the message): it still shapes the destination, but frees no in-flight slot.
   */
  feedback(
    provider: ProviderName,
    recipient: string,
    outcome: DeliveryOutcome,
    now: number,
    attemptOver?: boolean,
  ): void;
  /** The state to persist, as JSON text. */
  save(): string;
}

export interface ExplainPort {
  /** A human explanation of a verdict: one line for the report, the full text for the JSON. */
  explain(verdict: Verdict): { readonly line: string; readonly details: string };
}
