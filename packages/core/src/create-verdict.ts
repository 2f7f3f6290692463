// Builds a verdict from a category plus what the caller knows for certain (a provider's own
// suppression list, a network error, a rule's overrides). Everything not given comes from the
// category's taxonomy defaults (category-defaults.ts), so every verdict in the library is shaped
// the same way whether the classifier or an adapter made it.
import { blocklistIds } from './blocklists';
import { type Category, isCategory } from './category';
import { type CategoryDefaults, categoryDefaults } from './category-defaults';
import { MailverdictError } from './errors';
import { isMailboxProvider } from './mailbox-provider';
import type { SmtpReply } from './smtp-reply';
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

/** One plain sentence per category, used when the caller or rule gives none. */
export const categorySummaries: Readonly<Record<Category, string>> = {
  delivered: 'The destination accepted the message.',
  'auto-reply': 'An automatic reply (vacation, out-of-office or challenge-response) came back.',
  complaint: 'The recipient reported the message as spam.',
  'mailbox-unknown': 'The recipient address does not exist.',
  'mailbox-disabled': 'The recipient mailbox exists but is disabled or inactive.',
  'mailbox-full': 'The recipient mailbox is over its quota.',
  'recipient-moved': 'The recipient mailbox has moved.',
  'domain-invalid': 'The recipient domain does not exist or accepts no mail.',
  'blocked-by-recipient': 'The recipient (or its provider on its behalf) refuses mail from this sender.',
  greylisted: 'The destination greylisted the message; a retry in a few minutes should pass.',
  deferred: 'The destination asked to try again later without giving a reason.',
  'rate-limited': 'The destination is limiting how fast or how much we send.',
  'transaction-limit':
    'A per-transaction or per-connection limit was hit; send the rest in a new transaction.',
  'server-busy': 'The destination server is busy, overloaded or unavailable.',
  'server-error': 'The destination server had an internal or configuration error.',
  'dns-failure': 'A DNS lookup for the destination failed temporarily.',
  routing: 'The message could not be routed (routing failure or mail loop).',
  network: 'The connection failed: refused, reset or timed out.',
  'tls-failure': 'The TLS requirements of the connection were not met.',
  reputation: 'The sender was blocked or throttled because of its IP or domain reputation.',
  blocklisted: 'The sender is listed on a block list.',
  authentication: 'SPF, DKIM or DMARC authentication failed or is missing.',
  'sender-infrastructure': 'The sending host is not acceptable (reverse DNS, HELO name or dynamic IP).',
  'sender-rejected': 'The envelope sender address was rejected.',
  'relay-denied': 'The server refused to relay the message.',
  'client-auth': 'SMTP authentication at the relay failed or is required.',
  'account-limit': 'Our sending account hit a quota or limit that resets.',
  'account-issue': 'Our sending account or sender identity is not allowed to send.',
  suppressed: 'The provider refused because the recipient is on its suppression list.',
  'spam-content': 'The message content was judged to be spam.',
  virus: 'The message carries a virus, malware or a prohibited attachment.',
  'message-too-large': 'The message exceeds the size limit.',
  'message-format': 'The message breaks RFC 5322 or MIME format rules.',
  protocol: 'The SMTP session had a command syntax or sequence error.',
  policy: 'The destination rejected the message by local policy.',
  expired: 'Delivery was given up after the retry period expired.',
  unknown: 'The reply could not be classified.',
};

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
  const status = options.status ?? reply?.enhanced?.code ?? impliedStatus(defaults.status, reply, permanence);
  // Built by assignment rather than spreads: this runs once per classified reply.
  const verdict: Mutable<Verdict> = {
    category,
    permanence,
    scope,
    suppressRecipient: options.suppressRecipient ?? (defaults.suppressRecipient && settled),
    retry: afterMs === undefined ? { allowed, changeRequired } : { allowed, afterMs, changeRequired },
    rule: options.rule ?? 'external',
    confidence: options.confidence ?? 1,
    summary: options.summary ?? categorySummaries[category],
  };
  if (status !== undefined) verdict.status = status;
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
