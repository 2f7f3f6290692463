import type { SmtpReply } from '../reply/smtp-reply';
import type { Category } from './taxonomy';

/** Will the same attempt ever succeed unchanged? */
export type Permanence = 'success' | 'transient' | 'permanent';

/** Whose problem it is (docs/taxonomy.md). */
export type Scope = 'recipient' | 'message' | 'sender' | 'destination' | 'provider' | 'none';

export interface RetryAdvice {
  /** Whether sending the same message to the same recipient again can succeed. */
  readonly allowed: boolean;
  /** Suggested minimum wait before the retry, in milliseconds, when the reply or the rule says. */
  readonly afterMs?: number;
  /** Retrying is pointless until someone changes something on our side (DNS, credentials, content, account). */
  readonly changeRequired: boolean;
}

/** What happened to one delivery attempt to one recipient, and what to do about it. */
export interface Verdict {
  readonly category: Category;
  readonly permanence: Permanence;
  readonly scope: Scope;
  /** Stop mailing this address, for every sender. */
  readonly suppressRecipient: boolean;
  readonly retry: RetryAdvice;
  /** The enhanced status code that applies, given by the reply (or the caller) or implied by the category. */
  readonly status?: string;
  /**
   * `true` when `status` was inferred from the category: neither the reply nor the caller gave an
   * enhanced code, so no server sent it (`explain` says so). Absent otherwise.
   */
  readonly statusInferred?: true;
  readonly reply?: SmtpReply;
  /** The mailbox provider recognized from the text or the destination: `google`, `microsoft`, `yahoo`, … */
  readonly provider?: string;
  /** The named block list, for `blocklisted` verdicts (and `spam-content` ones from a URI block list): `spamhaus-zen`, `spamcop`, … */
  readonly blocklist?: string;
  /** For `expired`: the last underlying category, when known. */
  readonly cause?: Category;
  /** Id of the rule that decided. */
  readonly rule: string;
  /** 0–1: how sure the deciding rule is (provider text is surer than a bare reply class). */
  readonly confidence: number;
  /** One plain sentence. */
  readonly summary: string;
}
