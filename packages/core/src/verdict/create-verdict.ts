// Builds a verdict from a category plus what the caller knows for certain (a provider's own
// suppression list, a network error, a rule's overrides). Everything not given comes from the
// category's taxonomy defaults (category-defaults.ts), so every verdict in the library is shaped
// the same way whether the classifier or an adapter made it.

import type { SmtpReply } from '../reply/smtp-reply';
import { blocklistIds } from './blocklists';
import { MailverdictError } from './errors';
import { isMailboxProvider } from './mailbox-provider';
import { type Category, type CategoryDefaults, categoryDefaults, isCategory } from './taxonomy';
import type { Permanence, RetryAdvice, Scope, Verdict } from './verdict';

export interface VerdictOptions {
  /** Id of the rule (or adapter) that decided; defaults to `external`. */
  readonly rule?: string;
  /** One plain sentence; defaults to the category's summary. */
  readonly summary?: string;
  /** Enhanced status code; defaults to the reply's, else the one the category implies. */
  readonly status?: string;
  readonly reply?: SmtpReply;
  /** A mailbox provider id of `mailboxProviders` (`google`, `microsoft`, …). */
  readonly provider?: string;
  /** A block list id of `blocklists` (`spamhaus-zen`, …). */
  readonly blocklist?: string;
  readonly permanence?: Permanence;
  readonly scope?: Scope;
  readonly suppressRecipient?: boolean;
  readonly retry?: Partial<RetryAdvice>;
  /** 0–1; defaults to 1 (the caller knows for certain). */
  readonly confidence?: number;
  /** For `expired`: the last underlying category. */
  readonly cause?: Category;
}

const permanences: ReadonlySet<string> = new Set<Permanence>(['success', 'transient', 'permanent']);
const scopes: ReadonlySet<string> = new Set<Scope>([
  'recipient',
  'message',
  'sender',
  'destination',
  'provider',
  'none',
]);
const statusPattern = /^[245]\.\d{1,3}\.\d{1,3}$/;

function invalid(message: string): never {
  throw new MailverdictError('invalid-verdict', `createVerdict: ${message}`);
}

/**
 * A verdict for `category`, taxonomy defaults filled in. Throws `MailverdictError` (`invalid-verdict`)
 * on an unknown category, provider, block list, permanence or scope, and `TypeError` on a non-object
 * `options`.
 */
export function createVerdict(category: Category, options: VerdictOptions = {}): Verdict {
  if (!isCategory(category)) invalid(`unknown category ${JSON.stringify(category)}`);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createVerdict: `options` must be an object');
  }
  const defaults: CategoryDefaults = categoryDefaults[category];
  const reply = options.reply;
  const { scope = defaults.scope } = options;
  const permanence = options.permanence ?? defaultPermanence(defaults, reply);
  if (!permanences.has(permanence)) invalid(`unknown permanence ${JSON.stringify(permanence)}`);
  if (!scopes.has(scope)) invalid(`unknown scope ${JSON.stringify(scope)}`);
  if (options.provider !== undefined && !isMailboxProvider(options.provider)) {
    invalid(`unknown provider ${JSON.stringify(options.provider)} (see mailboxProviders)`);
  }
  if (options.blocklist !== undefined && !blocklistIds.has(options.blocklist)) {
    invalid(`unknown block list ${JSON.stringify(options.blocklist)} (see blocklists)`);
  }
  if (options.cause !== undefined && !isCategory(options.cause)) {
    invalid(`unknown cause ${JSON.stringify(options.cause)}`);
  }
  if (options.status !== undefined && !statusPattern.test(options.status)) {
    invalid(`status ${JSON.stringify(options.status)} is not an enhanced status code`);
  }
  const confidence = options.confidence ?? 1;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
    invalid('confidence must be a number from 0 to 1');
  }
  const afterMs = options.retry?.afterMs;
  if (afterMs !== undefined && !(typeof afterMs === 'number' && afterMs >= 0 && Number.isFinite(afterMs))) {
    invalid('retry.afterMs must be a finite number of milliseconds ≥ 0');
  }
  return buildVerdict(category, permanence, scope, options);
}

/**
 * The verdict without argument checks: for callers whose inputs are already validated (the
 * classifier's compiled rules). Taxonomy defaults fill whatever `options` leaves out; `defaults`
 * are the category's, passed in by callers that looked them up once (the compiled rules).
 */
export function buildVerdict(
  category: Category,
  permanence: Permanence,
  scope: Scope,
  options: VerdictOptions,
  defaults: CategoryDefaults = categoryDefaults[category],
): Verdict {
  const settled = permanence !== 'transient';
  // A transient failure never suppresses and needs no change: retrying can pass (docs/taxonomy.md#decision-3).
  const changeRequired = options.retry?.changeRequired ?? (defaults.changeRequired && settled);
  // Retrying the same message can only help when the failure is transient and nothing on our side must change.
  const allowed = options.retry?.allowed ?? (permanence === 'transient' && !changeRequired);
  const afterMs = options.retry?.afterMs;
  const reply = options.reply;
  const given = options.status ?? reply?.enhanced?.code;
  const status = given ?? impliedStatus(defaults.status, reply, permanence);
  // Built by assignment rather than spreads: this runs once per classified reply.
  const verdict: Mutable<Verdict> = {
    category,
    permanence,
    scope,
    suppressRecipient: options.suppressRecipient ?? (defaults.suppressRecipient && settled),
    retry: afterMs === undefined ? { allowed, changeRequired } : { allowed, afterMs, changeRequired },
    rule: options.rule ?? 'external',
    confidence: options.confidence ?? 1,
    summary: options.summary ?? defaults.summary,
  };
  if (status !== undefined) verdict.status = status;
  if (given === undefined && status !== undefined) verdict.statusInferred = true;
  if (reply !== undefined) verdict.reply = reply;
  if (options.provider !== undefined) verdict.provider = options.provider;
  if (options.blocklist !== undefined) verdict.blocklist = options.blocklist;
  if (options.cause !== undefined) verdict.cause = options.cause;
  return verdict;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The category's fixed permanence, or the reply class's for categories that follow it (4xx/5xx). */
export function defaultPermanence(defaults: CategoryDefaults, reply: SmtpReply | undefined): Permanence {
  if (defaults.followsReplyClass === true) {
    const digit = replyClass(reply);
    if (digit === 4) return 'transient';
    if (digit === 5) return 'permanent';
  }
  return defaults.permanence;
}

/** First digit of the basic code, else the enhanced code's class; `undefined` when there is neither. */
export function replyClass(reply: SmtpReply | undefined): number | undefined {
  if (reply === undefined) return undefined;
  const code = reply.code;
  if (code !== undefined && code >= 100 && code < 1000) return Math.floor(code / 100);
  return reply.enhanced?.class;
}

/** The category's implied code, its class taken from the reply code (`552` → `5.2.2`) or the permanence. */
function impliedStatus(
  implied: string | undefined,
  reply: SmtpReply | undefined,
  permanence: Permanence,
): string | undefined {
  if (implied === undefined) return undefined;
  const code = reply?.code;
  const fromReply = code !== undefined && code >= 200 && code < 600 ? Math.floor(code / 100) : undefined;
  const digit =
    fromReply === 2 || fromReply === 4 || fromReply === 5
      ? String(fromReply)
      : permanence === 'success'
        ? '2'
        : permanence === 'transient'
          ? '4'
          : '5';
  return digit + implied.slice(1);
}
