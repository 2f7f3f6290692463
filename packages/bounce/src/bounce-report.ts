import type { DeliveryOutcome } from '@mailverdict/core';

/** What kind of report the email is. */
export type BounceKind =
  /** at least one recipient failed for good */
  | 'bounce'
  /** the sending MTA is still trying (`Action: delayed`, RFC 3464 §2.3.3) */
  | 'delay'
  /** a positive delivery report (`Action: delivered`, `relayed`, `expanded`) */
  | 'delivery'
  /** an RFC 5965 feedback report (a recipient marked the message as spam) */
  | 'complaint'
  /** an RFC 3834 automatic reply: vacation, out-of-office */
  | 'auto-reply'
  /** anything else: a person's reply, a challenge-response, a mailing-list confirmation, garbage */
  | 'not-a-bounce';

/** The message the report is about, as far as the report includes it. */
export interface OriginalMessage {
  readonly messageId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly subject?: string;
  /** Every header of the returned message that the report includes, in order, names lowercased. */
  readonly headers: readonly OriginalHeader[];
}

export interface OriginalHeader {
  /** Lowercased name. */
  readonly name: string;
  /** Value, unfolded, as written. */
  readonly value: string;
}

export interface BounceReport {
  readonly kind: BounceKind;
  /** One per recipient, in the order the report lists them. */
  readonly outcomes: readonly DeliveryOutcome[];
  /** The decoder that read it (`rfc3464`, `arf`, `qmail`, `exim`, …); `none` when no decoder applied. */
  readonly format: string;
  readonly original?: OriginalMessage;
  /** The host that wrote the report (`Reporting-MTA`), when it says. */
  readonly reportingMta?: string;
  /** When the reporting MTA received the message (`Arrival-Date`), epoch milliseconds. */
  readonly arrivalDate?: number;
  /** The report's own `Subject` and `From`, kept for people reading logs. */
  readonly subject?: string;
  readonly from?: string;
  /** Why the email gave no outcome, or what went wrong reading it (truncated input, a MIME limit). */
  readonly problems: readonly string[];
}
