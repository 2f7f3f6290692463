import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { MailverdictError } from '../verdict/errors';
import { isFailure } from '../verdict/is-failure';
import { isMailboxProvider, recognizeProvider } from '../verdict/mailbox-provider';
import { type Category, isCategory } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import { formatDuration } from './format-duration';
import { type RetryDecision, type RetryFix, retryFixes } from './retry-decision';
import {
  noDestinations,
  type RetryPolicy,
  type RetryPolicyOptions,
  type RetrySchedule,
  type RetryScheduleKey,
  resolveRetryPolicy,
  retryScheduleKeys,
} from './retry-policy';

/** What happened to this message and recipient so far. Times are epoch milliseconds, given by the caller. */
export interface RetryHistory {
  /** 1-based number of the attempt that just failed. */
  readonly attempt: number;
  /** When the first attempt was made: the maximum age counts from here. */
  readonly firstAttemptAt: number;
  /** The current time. `decideRetry` never reads a clock. */
  readonly now: number;
  /** Verdicts of the earlier attempts for this message and recipient, oldest first. */
  readonly previous?: readonly Verdict[];
  /** How long the provider asked us to wait (`Retry-After`), in ms, when the first argument is a bare verdict. */
  readonly retryAfterMs?: number;
  /**
   * Recipient domain, address or MX host (or a provider id): selects the policy's per-destination
   * overrides. Defaults to the outcome's `recipient` when the first argument is a `DeliveryOutcome`.
   */
  readonly destination?: string;
}

const fixes: Partial<Record<Category, RetryFix>> = {
  authentication: 'dns-records',
  'sender-infrastructure': 'sending-host',
  'sender-rejected': 'sender-address',
  'client-auth': 'credentials',
  'account-issue': 'account',
  'account-limit': 'account',
  blocklisted: 'delisting',
  reputation: 'reputation',
  'spam-content': 'content',
  virus: 'content',
  'message-too-large': 'message-size',
  'message-format': 'message-format',
  protocol: 'smtp-client',
  'tls-failure': 'tls',
};

// Why we wait, per category, for the reason sentence.
const waitReasons: Partial<Record<RetryScheduleKey, string>> = {
  greylisted: 'greylisting accepts a retry after a few minutes',
  'rate-limited': 'the destination is limiting our sending rate',
  'rate-limited-recipient': 'this recipient is receiving mail too fast',
  reputation: "the destination is deferring mail because of the sender's reputation",
  'mailbox-full': "the recipient's mailbox is full",
  'account-limit': "our account's sending quota is used up until it resets",
  'server-busy': 'the destination is busy',
  network: 'the destination could not be reached',
  'dns-failure': 'the destination could not be looked up in DNS',
  'transaction-limit': 'the destination keeps refusing more recipients or messages per transaction',
};

// The sentence part for every schedule key, computed once (a hot path: millions of decisions per second).
const becauses = Object.fromEntries(
  retryScheduleKeys.map((key) => [key, waitReasons[key] ?? `of a temporary failure (${key})`]),
) as Record<RetryScheduleKey, string>;

function fixFor(verdict: Verdict): RetryFix {
  const fix = fixes[verdict.category];
  if (fix !== undefined) return fix;
  if (verdict.scope === 'provider') return 'account';
  if (verdict.scope === 'message') return 'content';
  return 'configuration';
}

function optionalWait(value: unknown, field: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new TypeError(`decideRetry: \`${field}\` must be a finite number of milliseconds ≥ 0`);
  }
  return value;
}

function expiredCause(verdict: Verdict, previous: readonly Verdict[] | undefined): Category {
  if (verdict.cause !== undefined && verdict.cause !== 'expired') return verdict.cause;
  if (previous !== undefined) {
    for (let index = previous.length - 1; index >= 0; index--) {
      const category = previous[index]?.category;
      if (category !== undefined && category !== 'expired') return category;
    }
  }
  return 'expired';
}

function destinationSchedules(
  policy: RetryPolicy,
  verdict: Verdict,
  destination: string | undefined,
): { schedules: RetryPolicy['schedules']; maxAgeMs: number } {
  const overrides = policy.destinations;
  // Most specific first: the exact recipient domain, then its mailbox provider, then the verdict's provider.
  if (destination !== undefined) {
    const lower = destination.toLowerCase();
    const at = lower.lastIndexOf('@');
    const domain = at >= 0 ? lower.slice(at + 1) : lower;
    const byDomain = overrides[domain];
    if (byDomain !== undefined) return byDomain;
    const provider = isMailboxProvider(domain) ? domain : recognizeProvider(domain);
    const byProvider = provider === undefined ? undefined : overrides[provider];
    if (byProvider !== undefined) return byProvider;
  }
  if (verdict.provider !== undefined) {
    const byProvider = overrides[verdict.provider];
    if (byProvider !== undefined) return byProvider;
  }
  return policy;
}

/**
 * What to do after a failed attempt: retry later, retry now in a new transaction, hold for a fix, or
 * give up. Deterministic: the time comes from `history.now`, randomness from `policy.random`.
 *
 * A provider's `Retry-After` arrives either as the first argument being a `DeliveryOutcome` (its
 * `retryAfterMs`) or as `history.retryAfterMs`; the longer one is honoured as a floor for the delay,
 * as is the classifier's `verdict.retry.afterMs` (a wait the provider documents, e.g. Yahoo TS01 4 h).
 *
 * A verdict that is not a failure (`isFailure`: permanence `success`, or a success category —
 * `delivered`, `accepted`, `auto-reply`, `complaint`): asking what to retry after one is a
 * programming error and throws a `MailverdictError` with code `not-a-failure`.
 */
export function decideRetry(
  result: Verdict | DeliveryOutcome,
  history: RetryHistory,
  policy?: RetryPolicy | RetryPolicyOptions,
): RetryDecision {
  if (typeof result !== 'object' || result === null) {
    throw new TypeError('decideRetry: `verdict` must be a Verdict or a DeliveryOutcome');
  }
  let verdict: Verdict;
  let outcomeRetryAfter = 0;
  /** An outcome's recipient: names the destination when the history does not. */
  let recipient: unknown;
  if ('verdict' in result) {
    verdict = result.verdict;
    outcomeRetryAfter = optionalWait(result.retryAfterMs, 'outcome.retryAfterMs');
    recipient = result.recipient;
  } else {
    verdict = result;
  }
  if (typeof verdict !== 'object' || verdict === null || !isCategory(verdict.category)) {
    throw new TypeError('decideRetry: `verdict.category` must be one of the taxonomy categories');
  }
  if (typeof verdict.retry !== 'object' || verdict.retry === null) {
    throw new TypeError('decideRetry: `verdict.retry` must be an object');
  }
  if (typeof history !== 'object' || history === null) {
    throw new TypeError('decideRetry: `history` must be an object');
  }
  const { attempt, firstAttemptAt, now } = history;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) {
    throw new TypeError(
      'decideRetry: `history.attempt` must be an integer ≥ 1 (the attempt that just failed)',
    );
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new TypeError('decideRetry: `history.now` must be epoch milliseconds');
  }
  if (typeof firstAttemptAt !== 'number' || !Number.isFinite(firstAttemptAt) || firstAttemptAt > now) {
    throw new TypeError(
      'decideRetry: `history.firstAttemptAt` must be epoch milliseconds, not after `history.now`',
    );
  }
  const historyRetryAfter = optionalWait(history.retryAfterMs, 'history.retryAfterMs');
  if (history.previous !== undefined && !Array.isArray(history.previous)) {
    throw new TypeError('decideRetry: `history.previous` must be an array of verdicts');
  }
  if (history.destination !== undefined && typeof history.destination !== 'string') {
    throw new TypeError(
      'decideRetry: `history.destination` must be a domain, address, MX host or provider id',
    );
  }
  const resolved = resolveRetryPolicy(policy);
  const category = verdict.category;

  if (!isFailure(verdict)) {
    throw new MailverdictError(
      'not-a-failure',
      `decideRetry: a \`${category}\` verdict is not a failed attempt; there is nothing to retry`,
    );
  }

  // The message already expired (our MTA or ESP gave up, X.4.7): report the last real cause.
  if (category === 'expired') {
    const cause = expiredCause(verdict, history.previous);
    return {
      action: 'give-up',
      cause: 'expired',
      category: cause,
      suppressRecipient: false,
      reason: `The message expired before it could be delivered (last failure: ${cause}).`,
    };
  }

  // Waiting cannot fix these: someone on our side must change something (docs/taxonomy.md#decision-3).
  if (verdict.retry.changeRequired) {
    const fix = fixFor(verdict);
    return {
      action: 'hold',
      fix,
      category,
      reason: `Retrying cannot succeed until someone changes something (${category}): ${retryFixes[fix]}.`,
    };
  }

  // RFC 5321 §4.2.5: after a 5yz the client "SHOULD not again attempt delivery … without user review".
  if (verdict.permanence === 'permanent' || !verdict.retry.allowed) {
    // Suppress only for the recipient's own permanent failure, never for a sender-side one.
    const suppressRecipient = verdict.suppressRecipient === true && verdict.scope === 'recipient';
    return {
      action: 'give-up',
      cause: 'permanent',
      category,
      suppressRecipient,
      reason: suppressRecipient
        ? `The failure is permanent (${category}); stop mailing this address.`
        : verdict.scope === 'recipient'
          ? `Retrying this message to this recipient cannot succeed (${category}); the address is not suppressed.`
          : `Retrying this message cannot succeed (${category}); the recipient is not at fault.`,
    };
  }

  const { schedules, maxAgeMs } =
    resolved.destinations === noDestinations
      ? resolved
      : destinationSchedules(
          resolved,
          verdict,
          history.destination ?? (typeof recipient === 'string' ? recipient : undefined),
        );
  // Success categories were refused above (isFailure) and `expired` answered: the rest have a schedule.
  const key = (
    category === 'rate-limited' && verdict.scope === 'recipient' ? 'rate-limited-recipient' : category
  ) as RetryScheduleKey;
  const schedule: RetrySchedule = schedules[key];
  const deadline = firstAttemptAt + maxAgeMs;

  // RFC 5321 §4.5.4.1: "the give-up time generally needs to be at least 4-5 days" (Postfix 5 d).
  if (now >= deadline) return expire(category, maxAgeMs);
  if (schedule.maxAttempts !== undefined && attempt >= schedule.maxAttempts) {
    return {
      action: 'give-up',
      cause: 'max-attempts',
      category,
      suppressRecipient: false,
      reason: `Gave up after ${attempt} failed attempts (${category}).`,
    };
  }
  if (attempt <= schedule.immediateAttempts) {
    return {
      action: 'retry-now',
      category,
      reason: `The destination limits recipients or messages per transaction: send the rest in a new transaction now.`,
    };
  }

  let delay = schedule.firstDelayMs * schedule.factor ** (attempt - schedule.immediateAttempts - 1);
  if (delay > schedule.maxDelayMs) delay = schedule.maxDelayMs;
  if (resolved.jitter > 0) {
    const random = resolved.random();
    if (!(random >= 0 && random < 1)) {
      throw new MailverdictError(
        'invalid-policy',
        `decideRetry: \`policy.random\` returned ${random}, not [0, 1)`,
      );
    }
    delay += delay * resolved.jitter * random;
  }
  let floor = 0;
  let floorNote = '';
  const afterMs = verdict.retry.afterMs;
  if (typeof afterMs === 'number' && afterMs > 0) {
    floor = afterMs;
    floorNote = ', the wait the provider asks for';
  }
  if (resolved.honorRetryAfter) {
    const retryAfter = Math.max(outcomeRetryAfter, historyRetryAfter);
    if (retryAfter > floor) {
      floor = retryAfter;
      floorNote = ', as the provider asked (Retry-After)';
    }
  }
  if (schedule.resetEveryMs !== undefined) {
    const every = schedule.resetEveryMs;
    const offset = schedule.resetOffsetMs % every;
    const nextReset = Math.floor((now - offset) / every + 1) * every + offset;
    if (nextReset - now > floor) {
      floor = nextReset - now;
      floorNote = ', when the quota resets';
    }
  }
  if (delay < floor) delay = floor;
  else floorNote = '';
  delay = Math.ceil(delay);
  const at = now + delay;
  // No attempt after the maximum age: giving up now beats a retry that would be refused as too old.
  if (at > deadline) return expire(category, maxAgeMs);
  return {
    action: 'retry',
    delayMs: delay,
    at,
    category,
    reason: `Attempt ${attempt} failed because ${becauses[key]}: retry in ${formatDuration(delay)}${floorNote}.`,
  };
}

function expire(category: Category, maxAgeMs: number): RetryDecision {
  return {
    action: 'give-up',
    cause: 'expired',
    category,
    suppressRecipient: false,
    reason: `The message reached its maximum age of ${formatDuration(maxAgeMs)} without delivery (last failure: ${category}).`,
  };
}
