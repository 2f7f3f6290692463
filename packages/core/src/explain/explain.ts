// `@mailverdict/core/explain`: explaining a verdict for a human — what the codes mean (RFC 5321,
// RFC 3463, the IANA registry), the category in plain words, likely causes, concrete steps and links —
// from the data table in explain-guidance.ts, most specific entries (provider, status, block list)
// first. A subpath entry of its own so that the guidance prose (~7 KB gzip) stays out of the main
// entry: code that only classifies replies never downloads it.

import { type ClassifyContext, classify } from '../classify/classify';
import { describeReplyCode } from '../reply/describe-reply-code';
import { describeStatus } from '../reply/describe-status';
import { parseReply } from '../reply/parse-reply';
import type { SmtpReply } from '../reply/smtp-reply';
import { formatDuration } from '../retry/format-duration';
import { findBlocklist } from '../verdict/blocklists';
import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { MailverdictError } from '../verdict/errors';
import { mailboxProviders } from '../verdict/mailbox-provider';
import { isCategory } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import { type Guidance, guidance } from './explain-guidance';
import type { Explanation } from './explanation';

const providerNames: ReadonlyMap<string, string> = new Map(
  mailboxProviders.map((provider) => [provider.id, provider.name]),
);

function isReply(value: object): value is SmtpReply {
  const reply = value as SmtpReply;
  return typeof reply.raw === 'string' && typeof reply.text === 'string' && Array.isArray(reply.lines);
}

function isVerdict(value: object): value is Verdict {
  const verdict = value as Verdict;
  return typeof verdict.category === 'string' && typeof verdict.rule === 'string';
}

function isOutcome(value: object): value is DeliveryOutcome {
  const outcome = value as DeliveryOutcome;
  return (
    typeof outcome.provider === 'string' &&
    typeof outcome.event === 'string' &&
    typeof outcome.verdict === 'object' &&
    outcome.verdict !== null
  );
}

function specificity(entry: Guidance): number {
  return (
    (entry.provider === undefined ? 0 : 1) +
    (entry.status === undefined ? 0 : 1) +
    (entry.blocklist === undefined ? 0 : 1)
  );
}

/** The entries that apply, most specific first, declaration order among equals (stable sort). */
function applicable(verdict: Verdict, status: string | undefined): Guidance[] {
  return guidance
    .filter(
      (entry) =>
        entry.category === verdict.category &&
        (entry.provider === undefined || entry.provider === verdict.provider) &&
        (entry.status === undefined || entry.status === status) &&
        (entry.blocklist === undefined || entry.blocklist === verdict.blocklist),
    )
    .sort((a, b) => specificity(b) - specificity(a));
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const scopeWords: Readonly<Record<Verdict['scope'], string>> = {
  recipient: 'the recipient’s address or mailbox',
  message: 'this message',
  sender: 'our sending set-up (IP address, domain, DNS, authentication)',
  destination: 'the receiving server',
  provider: 'our email provider account',
  none: 'nobody',
};

function outlook(verdict: Verdict): string[] {
  const lines: string[] = [];
  if (verdict.permanence === 'success') lines.push('Not a failure.');
  else if (verdict.permanence === 'transient') lines.push('Temporary: a later attempt can succeed.');
  else lines.push('Permanent: sending the same message to the same recipient again will fail the same way.');
  if (verdict.scope !== 'none') lines.push(`Whose problem: ${scopeWords[verdict.scope]}.`);
  if (verdict.permanence !== 'success') {
    if (verdict.retry.changeRequired) lines.push('Retry: only after something is changed on our side.');
    else if (!verdict.retry.allowed) lines.push('Retry: no.');
    else if (verdict.retry.afterMs !== undefined)
      lines.push(`Retry: yes, after at least ${formatDuration(verdict.retry.afterMs)}.`);
    else lines.push('Retry: yes, with backoff.');
    lines.push(
      verdict.suppressRecipient
        ? 'Recipient: suppress this address.'
        : 'Recipient: keep the address; it is not the reason for the failure.',
    );
  }
  return lines;
}

function codeNote(reply: SmtpReply | undefined): string | undefined {
  if (reply?.classMismatch !== true || reply.code === undefined || reply.enhanced === undefined)
    return undefined;
  return `The basic code ${reply.code} and the enhanced code ${reply.enhanced.code} disagree on the class (${Math.floor(reply.code / 100)}xx vs ${reply.enhanced.class}.x.x); the reply text decides.`;
}

/** Builds the explanation of a verdict. */
function fromVerdict(verdict: Verdict): Explanation {
  if (!isCategory(verdict.category)) {
    throw new MailverdictError(
      'invalid-verdict',
      `explain: unknown category ${JSON.stringify(verdict.category)}`,
    );
  }
  const reply = verdict.reply;
  const statusCode = reply?.enhanced?.code ?? verdict.status;
  // Inferred from the category: shown as such, never as if a server sent it.
  const statusInferred = reply?.enhanced === undefined && verdict.statusInferred === true;
  const entries = applicable(verdict, statusCode);
  const base = entries.find((entry) => entry.title !== undefined);
  const list = verdict.blocklist === undefined ? undefined : findBlocklist(verdict.blocklist);
  const providerName = verdict.provider === undefined ? undefined : providerNames.get(verdict.provider);

  const causes = entries.flatMap((entry) => entry.causes ?? []);
  const steps = entries.flatMap((entry) => entry.steps ?? []);
  const links = entries.flatMap((entry) => entry.links ?? []);
  if (list !== undefined) {
    // The list's own lookup and delisting pages (blocklists.ts), before the generic advice.
    causes.unshift(`The reply names ${list.name}.`);
    steps.unshift(
      list.delistUrl === undefined
        ? `Look up the listing and request removal at ${list.lookupUrl}.`
        : `Look up the listing at ${list.lookupUrl}, then request removal at ${list.delistUrl}.`,
    );
    links.unshift(
      ...(list.delistUrl === undefined ? [] : [{ title: `${list.name}: removal`, url: list.delistUrl }]),
    );
    links.unshift({ title: `${list.name}: lookup`, url: list.lookupUrl });
  }
  if (verdict.category === 'expired' && verdict.cause !== undefined) {
    causes.unshift(`The last attempts failed with: ${verdict.cause}.`);
  }

  const replyCode = reply?.code === undefined ? undefined : describeReplyCode(reply.code);
  const status = statusCode === undefined ? undefined : describeStatus(statusCode);
  const codes = [reply?.code, statusInferred ? `${statusCode} (inferred)` : statusCode]
    .filter((part) => part !== undefined)
    .join(' ');
  const title = base?.title ?? verdict.category;
  const headline = `${providerName === undefined ? '' : `${providerName}: `}${title}${codes === '' ? '' : ` — ${codes}`}`;

  return {
    headline,
    summary: verdict.summary,
    category: verdict.category,
    categoryTitle: title,
    outlook: outlook(verdict),
    replyCode,
    status,
    statusInferred,
    codeNote: codeNote(reply),
    provider:
      verdict.provider === undefined
        ? undefined
        : { id: verdict.provider, name: providerName ?? verdict.provider },
    blocklist:
      list === undefined
        ? undefined
        : { id: list.id, name: list.name, lookupUrl: list.lookupUrl, delistUrl: list.delistUrl },
    causes: unique(causes, (cause) => cause),
    steps: unique(steps, (step) => step),
    links: unique(links, (link) => link.url),
    guidance: entries.map((entry) => entry.id),
    replyText: reply?.text,
    verdict,
  };
}

/** An outcome: its verdict, with what the provider said around it (who, for whom, its own codes, the raw reply). */
function fromOutcome(outcome: DeliveryOutcome): Explanation {
  const reply = outcome.reply ?? outcome.verdict.reply;
  const explanation = fromVerdict(
    reply === undefined || outcome.verdict.reply !== undefined
      ? outcome.verdict
      : { ...outcome.verdict, reply },
  );
  const providerDetail =
    typeof outcome.providerDetail === 'object' && outcome.providerDetail !== null
      ? outcome.providerDetail
      : {};
  return {
    ...explanation,
    ...(reply === undefined ? {} : { rawReply: reply.raw }),
    outcome: {
      provider: outcome.provider,
      event: outcome.event,
      ...(typeof outcome.recipient === 'string' ? { recipient: outcome.recipient } : {}),
      providerDetail,
    },
  };
}

function fromReply(reply: SmtpReply, context: ClassifyContext | undefined): Explanation {
  const verdict = classify(reply, context);
  return fromVerdict(verdict.reply === undefined ? { ...verdict, reply } : verdict);
}

/**
 * Explains a reply, a verdict or a provider's outcome the way a deliverability engineer would: what
 * the codes mean (a code the library inferred is marked so), the category in plain words, likely
 * causes, steps to fix it and links to the providers' own pages. A string or a parsed reply is
 * classified first (`context` is passed to `classify`); an outcome also shows the sending provider,
 * the recipient, the provider's own codes and the raw reply.
 *
 * @throws TypeError when `input` is not a string, an SmtpReply, a Verdict or a DeliveryOutcome;
 *   MailverdictError (`invalid-verdict`) for a verdict with an unknown category.
 */
export function explain(
  input: string | SmtpReply | Verdict | DeliveryOutcome,
  context?: ClassifyContext,
): Explanation {
  if (typeof input === 'string') return fromReply(parseReply(input), context);
  if (typeof input === 'object' && input !== null) {
    if (isReply(input)) return fromReply(input, context);
    if (isOutcome(input)) return fromOutcome(input);
    if (isVerdict(input)) return fromVerdict(input);
  }
  throw new TypeError(
    'explain: `input` must be a reply string, an SmtpReply, a Verdict or a DeliveryOutcome',
  );
}
