// Soft bounces that escalate (issue 14): one full or disabled-looking mailbox says little — it may
// be emptied tomorrow — but the same answer again and again over days means nobody reads it. The
// decision reads a recipient's recent outcomes, oldest or newest first, and never a clock.

import { MailverdictError } from '../verdict/errors';
import { type Category, categoryDefaults, isCategory } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';

const day = 24 * 60 * 60 * 1000;

/** One outcome for the recipient: when it happened and its verdict (a `DeliveryOutcome` fits). */
export interface SuppressionEvent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly verdict: Verdict;
}

export interface SuppressionPolicy {
  /** How many soft recipient failures since the last delivery suppress. Default 3. */
  readonly softFailures?: number;
  /** The least time from the first to the last of them, in milliseconds. Default 7 days. */
  readonly minSpanMs?: number;
  /** Which categories count as soft recipient failures. Default `mailbox-full`, `mailbox-disabled`. */
  readonly categories?: readonly Category[];
}

export type SuppressionReason =
  /** a verdict already said to stop mailing the address (unknown mailbox, invalid domain, …) */
  | 'hard-bounce'
  /** enough soft recipient failures over a long enough time */
  | 'repeated-soft-failures'
  /** nothing since the last delivery says the mailbox is gone */
  | 'no-recipient-failures'
  | 'too-few-soft-failures'
  | 'span-too-short';

export interface SuppressionDecision {
  readonly suppress: boolean;
  readonly reason: SuppressionReason;
  /** Soft recipient failures counted since the last delivery. */
  readonly softFailures: number;
  /** Time from the first to the last counted soft failure, in milliseconds (0 with fewer than two). */
  readonly spanMs: number;
  /** When the deciding evidence happened: the hard bounce, or the last counted soft failure. */
  readonly decidedBy?: SuppressionEvent;
}

/**
 * The defaults, and why:
 * - 3 failures: one is noise, two can be one mailbox filling up and emptying within a day; a
 *   third answer of the same kind, after at least one more send, is a pattern. Postal, listmonk
 *   and Mautic count soft bounces too, but without a time span a burst of retries of ONE message
 *   reaches any count within hours — which is how valid customers get suppressed.
 * - 7 days: RFC 5321 §4.5.4.1 has senders retry one message for 4–5 days, so failures inside a
 *   week can all be one message's retries; a mailbox still full (or still disabled) a week after
 *   the first bounce is one nobody empties (docs/taxonomy.md: mailbox-full "suppress only after
 *   repeated bounces"). Gmail itself turns a long-full inactive mailbox into a permanent
 *   `OverQuotaPerm` reply.
 * - full and disabled mailboxes only: the soft failures that are about the mailbox itself. Rate
 *   limits per recipient pass; sender, destination, provider and message failures say nothing about
 *   the address and never count.
 */
export const defaultSuppressionPolicy: Required<SuppressionPolicy> = {
  softFailures: 3,
  minSpanMs: 7 * day,
  categories: ['mailbox-full', 'mailbox-disabled'],
};

function invalidPolicy(field: string, message: string): never {
  throw new MailverdictError('invalid-policy', `decideSuppression: \`policy.${field}\` ${message}`);
}

function readPolicy(policy: SuppressionPolicy | undefined): Required<SuppressionPolicy> {
  if (policy === undefined) return defaultSuppressionPolicy;
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw new TypeError('decideSuppression: `policy` must be an object when given');
  }
  const softFailures = policy.softFailures ?? defaultSuppressionPolicy.softFailures;
  if (!Number.isSafeInteger(softFailures) || softFailures < 1) {
    invalidPolicy('softFailures', `must be a whole number ≥ 1, got ${String(softFailures)}`);
  }
  const minSpanMs = policy.minSpanMs ?? defaultSuppressionPolicy.minSpanMs;
  if (typeof minSpanMs !== 'number' || !Number.isFinite(minSpanMs) || minSpanMs < 0) {
    invalidPolicy('minSpanMs', `must be a finite number of milliseconds ≥ 0, got ${String(minSpanMs)}`);
  }
  const categories = policy.categories ?? defaultSuppressionPolicy.categories;
  if (!Array.isArray(categories) || categories.length === 0) {
    invalidPolicy('categories', 'must be a non-empty array of categories');
  }
  for (const category of categories) {
    // only categories about the address itself (taxonomy scope `recipient`) may ever count
    if (!isCategory(category) || categoryDefaults[category].scope !== 'recipient') {
      invalidPolicy('categories', `may only hold recipient categories, got ${JSON.stringify(category)}`);
    }
  }
  return { softFailures, minSpanMs, categories: [...categories] };
}

function readEvent(event: unknown, index: number): SuppressionEvent {
  const where = `decideSuppression: \`history[${index}]\``;
  if (typeof event !== 'object' || event === null) throw new TypeError(`${where} must be an object`);
  const { at, verdict } = event as { at?: unknown; verdict?: unknown };
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw new TypeError(`${where}.at must be epoch milliseconds (a finite number), got ${String(at)}`);
  }
  if (typeof verdict !== 'object' || verdict === null)
    throw new TypeError(`${where}.verdict must be a Verdict`);
  const { category, scope, suppressRecipient } = verdict as Partial<Verdict>;
  if (!isCategory(category)) throw new TypeError(`${where}.verdict.category must be a taxonomy category`);
  if (typeof scope !== 'string' || typeof suppressRecipient !== 'boolean') {
    throw new TypeError(
      `${where}.verdict must carry \`scope\` and \`suppressRecipient\` (a Verdict from classify)`,
    );
  }
  return event as SuppressionEvent;
}

/**
 * Whether to stop mailing a recipient, from its recent outcomes (any order). A delivery resets the
 * count; a verdict that already suppresses decides at once; otherwise `softFailures` soft recipient
 * failures (full or disabled mailbox, still transient) spanning at least `minSpanMs` suppress.
 * Sender, destination, provider and message failures never count, whatever their category.
 *
 * @throws TypeError when `history` is not an array of `{ at, verdict }`; MailverdictError
 *   (`invalid-policy`) when the policy asks for something it cannot mean.
 */
export function decideSuppression(
  history: readonly SuppressionEvent[],
  policy?: SuppressionPolicy,
): SuppressionDecision {
  if (!Array.isArray(history)) throw new TypeError('decideSuppression: `history` must be an array');
  const { softFailures, minSpanMs, categories } = readPolicy(policy);
  const events = history.map(readEvent).sort((a, b) => a.at - b.at);

  let lastDelivery = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    if (event.verdict.category === 'delivered') lastDelivery = event.at;
  }
  const since = events.filter((event) => event.at > lastDelivery);

  const hard = since.find((event) => event.verdict.suppressRecipient);
  const soft = since.filter(
    (event) =>
      event.verdict.scope === 'recipient' &&
      !event.verdict.suppressRecipient &&
      categories.includes(event.verdict.category),
  );
  const first = soft[0];
  const last = soft[soft.length - 1];
  const spanMs = first !== undefined && last !== undefined ? last.at - first.at : 0;
  const counted = { softFailures: soft.length, spanMs };

  if (hard !== undefined) return { suppress: true, reason: 'hard-bounce', ...counted, decidedBy: hard };
  if (last === undefined) return { suppress: false, reason: 'no-recipient-failures', ...counted };
  if (soft.length < softFailures) return { suppress: false, reason: 'too-few-soft-failures', ...counted };
  if (spanMs < minSpanMs) return { suppress: false, reason: 'span-too-short', ...counted };
  return { suppress: true, reason: 'repeated-soft-failures', ...counted, decidedBy: last };
}
