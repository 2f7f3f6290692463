// What decideRetry would do over the following days if every attempt got the same answer.
import {
  createRetryPolicy,
  createThrottle,
  type DeliveryOutcome,
  type DestinationSnapshot,
  decideRetry,
  destinationOf as destinationKey,
  MailverdictError,
  type RetryDecision,
  type ThrottleAnswer,
  type Verdict,
} from '@mailverdict/core';

export interface PlannedAttempt {
  /** 1-based: attempt 1 is the one that got this reply. */
  readonly attempt: number;
  /** Milliseconds after attempt 1. */
  readonly offsetMs: number;
  /** What decideRetry said after this attempt failed. */
  readonly decision: RetryDecision;
}

export type RetryPlan =
  | { readonly kind: 'not-a-failure'; readonly reason: string }
  | { readonly kind: 'plan'; readonly attempts: readonly PlannedAttempt[] };

// The default policy with the jitter at its minimum (jitter only lengthens a wait, up to +10 %), so the
// picture is the same on every load; the page says so under the timeline.
const policy = createRetryPolicy({ random: () => 0 });
// Each attempt is either a retry after a wait or a give-up/hold, and the default policy gives up after
// 5 days; 200 bounds the loop whatever a retry-now streak does.
const maxAttempts = 200;

/** The destination key for the retry policy and the throttle: the recipient's domain, else the provider. */
export function destinationOf(verdict: Verdict, outcome: DeliveryOutcome | undefined): string | undefined {
  const recipient = outcome?.recipient;
  const at = recipient?.lastIndexOf('@') ?? -1;
  if (recipient !== undefined && at > 0 && at < recipient.length - 1)
    return recipient.slice(at + 1).toLowerCase();
  return verdict.provider;
}

export function planRetries(
  result: Verdict | DeliveryOutcome,
  destination: string | undefined,
  start: number,
): RetryPlan {
  const attempts: PlannedAttempt[] = [];
  let now = start;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    let decision: RetryDecision;
    try {
      decision = decideRetry(
        result,
        { attempt, firstAttemptAt: start, now, ...(destination === undefined ? {} : { destination }) },
        policy,
      );
    } catch (error) {
      if (MailverdictError.isInstance(error) && error.code === 'not-a-failure') {
        return { kind: 'not-a-failure', reason: 'Not a failed attempt: there is nothing to retry.' };
      }
      throw error;
    }
    attempts.push({ attempt, offsetMs: now - start, decision });
    if (decision.action === 'retry') now = decision.at;
    else if (decision.action !== 'retry-now') break;
  }
  return { kind: 'plan', attempts };
}

export interface ThrottleView {
  readonly destination: string;
  readonly before: DestinationSnapshot | undefined;
  readonly after: DestinationSnapshot | undefined;
  /** May the next message to this destination go right after the reply? */
  readonly next: ThrottleAnswer;
}

/** A fresh throttle sends one message to the destination, hears this reply, and is asked about the next. */
export function throttleAfter(
  result: Verdict | DeliveryOutcome,
  destination: string,
  recipient: string | undefined,
  start: number,
): ThrottleView {
  const throttle = createThrottle();
  throttle.acquire(destination, start, recipient);
  const before = throttle.inspect(destination, start);
  const replyAt = start + 1_000;
  throttle.feedback(destination, result, replyAt, recipient === undefined ? {} : { recipient });
  const after = throttle.inspect(destination, replyAt);
  const next = throttle.acquire(destination, replyAt, recipient);
  return { destination: destinationKey(destination), before, after, next };
}
