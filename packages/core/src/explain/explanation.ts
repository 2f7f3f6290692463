// What `explain` returns: a verdict in a deliverability engineer's words (see explain.ts).

import type { ReplyCodeDescription } from '../reply/describe-reply-code';
import type { StatusDescription } from '../reply/describe-status';
import type { DeliveryEvent } from '../verdict/delivery-outcome';
import type { Category } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import type { GuidanceLink } from './explain-guidance';

export interface Explanation {
  /** One line: `Google: authentication failed (SPF, DKIM, DMARC) — 550 5.7.26`. */
  readonly headline: string;
  /** The verdict's own sentence. */
  readonly summary: string;
  readonly category: Category;
  /** The category in plain words. */
  readonly categoryTitle: string;
  /** Will it work later, whose problem it is, and what happens to the recipient, in plain words. */
  readonly outlook: readonly string[];
  /** The basic reply code, described (RFC 5321 §4.2). */
  readonly replyCode?: ReplyCodeDescription;
  /** The enhanced status code (from the reply, or implied by the verdict), described (RFC 3463, IANA). */
  readonly status?: StatusDescription;
  /**
   * `true` when that code was inferred from the category (no server sent it): the headline and the
   * formatted text mark it "inferred".
   */
  readonly statusInferred: boolean;
  /** Set when the enhanced code's class disagrees with the basic code (`421 5.7.32`). */
  readonly codeNote?: string;
  /** The mailbox provider, when recognized. */
  readonly provider?: { readonly id: string; readonly name: string };
  /** The named block list, for `blocklisted` verdicts. */
  readonly blocklist?: {
    readonly id: string;
    readonly name: string;
    readonly lookupUrl: string;
    readonly delistUrl?: string;
  };
  readonly causes: readonly string[];
  readonly steps: readonly string[];
  readonly links: readonly GuidanceLink[];
  /** Ids of the guidance entries used, most specific first. */
  readonly guidance: readonly string[];
  /** The reply text, when there was a reply. */
  readonly replyText?: string;
  /** The reply exactly as the provider or server gave it (explaining an outcome). */
  readonly rawReply?: string;
  /** What the provider reported, when an outcome was explained: who, for whom, and its own codes. */
  readonly outcome?: {
    /** The sending provider (`postmark`, `ses`, `smtp`, …). */
    readonly provider: string;
    readonly event: DeliveryEvent;
    readonly recipient?: string;
    /** The provider's own codes and labels, as it gave them. */
    readonly providerDetail: Readonly<Record<string, unknown>>;
  };
  readonly verdict: Verdict;
}
