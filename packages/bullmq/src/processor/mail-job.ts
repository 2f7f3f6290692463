import type { Category, RetryDecision } from '@mailverdict/core';

/** What an application puts on the queue: one message to one or more recipients. */
export interface MailJobData<Message = unknown> {
  /** Recipient addresses; each gets its own outcome, retries and final state. */
  readonly recipients: readonly string[];
  /** The application's message, passed to `send` as is. */
  readonly message: Message;
  /** How the message leaves (`smtp`, `postmark`, an IP pool): the throttle keeps one state per destination and route. Default `default`. */
  readonly route?: string;
  /** Kept by the processor: per-recipient progress. Do not write it yourself. */
  readonly mailverdict?: MailJobProgress;
}

export type RecipientStatus = 'pending' | 'delivered' | 'failed' | 'held';

/** One recipient's progress, kept on the job (it survives restarts with the job). */
export interface RecipientProgress {
  readonly address: string;
  status: RecipientStatus;
  /** Attempts actually made (throttle waits are not attempts). */
  attempts: number;
  /** Epoch ms when the last attempt started (after the throttle admitted it). */
  lastAttemptAt?: number;
  /** Epoch ms before which the recipient is not tried again. */
  nextAt: number;
  /** Categories of the failed attempts so far, oldest first. */
  categories: Category[];
  /** The last retry decision, with its reason: on a failed or held recipient, the cause. */
  decision?: RetryDecision;
  /** Why it is held when the hold is not a retry decision: an attempt whose result is unknown. */
  inDoubt?: { readonly attemptKey: string; readonly reason: string };
  /** How the delivery became known: the send's own outcome, or a lookup after an in-doubt attempt. */
  deliveredBy?: 'outcome' | 'lookup';
}

/** An attempt written to the job before the first byte goes out, cleared once its outcomes are recorded. */
export interface AttemptMark {
  readonly key: string;
  readonly recipients: readonly string[];
  readonly startedAt: number;
}

export interface MailJobProgress {
  readonly version: 1;
  readonly firstAttemptAt: number;
  /** Attempts started for this job (the attempt keys count up from here). */
  attemptsStarted: number;
  recipients: RecipientProgress[];
  /** Present while an attempt may be in flight; found on a new run, that attempt is in doubt. */
  attempt?: AttemptMark;
  /** Present while the job is held for a human (see `listHeld`, `releaseHeld`). */
  held?: { readonly at: number; readonly reason: string };
}

/** What a completed job returns. */
export interface MailJobResult {
  readonly delivered: readonly string[];
  readonly failed: readonly string[];
}
