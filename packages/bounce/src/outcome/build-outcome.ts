// One DeliveryOutcome per recipient a decoder found: the diagnostic parsed once with core's
// parser, classified (classify-recipient.ts), and the event taken from the report's Action.
import {
  createVerdict,
  type DeliveryEvent,
  type DeliveryOutcome,
  parseReply,
  type SmtpReply,
  type Verdict,
} from '@mailverdict/core';
import type { FoundRecipient } from '../formats/decoder';
import { isDelayNotice } from '../formats/looks-like-bounce';
import { parseDate } from '../mail/date';
import { classifyRecipient } from './classify-recipient';
import { findCommand } from './find-command';
import { replyStart } from './find-reply';

/** The longest diagnostic kept: a multi-line reply fits; hostile input does not grow the outcome. */
const maxDiagnosticLength = 4096;

export interface OutcomeContext {
  readonly format: string;
  /** The report's introduction, for recipients without a reason of their own. */
  readonly context: string | undefined;
  /** The report as a whole is a delay notice (subject or introduction says so). */
  readonly delay: boolean;
  readonly messageId: string | undefined;
  readonly occurredAt: number | undefined;
}

/** The reply in a diagnostic: core's parser reads wrappers; else from the first reply code on. */
export function readReply(diagnostic: string | undefined): SmtpReply | undefined {
  if (diagnostic === undefined || diagnostic.trim() === '') return undefined;
  const text =
    diagnostic.length > maxDiagnosticLength ? diagnostic.slice(0, maxDiagnosticLength) : diagnostic;
  const reply = parseReply(text);
  if (reply.code !== undefined) return reply;
  const start = replyStart(text);
  return start > 0 ? parseReply(text.slice(start)) : reply;
}

/** RFC 3464 §2.3.3 Action values → our events. */
function eventOf(action: string | undefined, delay: boolean): DeliveryEvent {
  switch (action) {
    case 'delayed':
      return 'deferred';
    case 'delivered':
    case 'relayed':
    case 'expanded':
      return 'delivered';
    case 'failed':
      return 'bounced';
    default:
      return delay ? 'deferred' : 'bounced';
  }
}

/** The failure's class: the remote reply's own code first, else the report's Status. */
function classOf(reply: SmtpReply | undefined, status: string | undefined): number | undefined {
  const code = reply?.code;
  if (code !== undefined) return Math.floor(code / 100);
  if (status !== undefined) return status.charCodeAt(0) - 48;
  return reply?.enhanced?.class;
}

/** The host name in a Remote-MTA value (`mx.example.com`, `mx.example.com (192.0.2.1)`); not an IP literal. */
function hostOf(remoteMta: string | undefined): string | undefined {
  if (remoteMta === undefined) return undefined;
  const host = remoteMta.trim().split(/[\s([]/)[0] ?? '';
  return host.includes('.') && /[a-z]/i.test(host) ? host.toLowerCase() : undefined;
}

function domainOf(address: string | undefined): string | undefined {
  const at = address === undefined ? -1 : address.lastIndexOf('@');
  return at < 0 ? undefined : address?.slice(at + 1);
}

/**
 * Categories that, in a final failure after transient errors, mean the destination was never
 * reached: the reporting MTA retried until its queue lifetime ran out (Action: failed with a 4.X.X
 * status, RFC 3464 §2.3.4). Any other transient reason (full mailbox, greylisting, reputation) stays
 * the verdict: it says more about what to do than "expired".
 */
const unreached: ReadonlySet<string> = new Set(['network', 'deferred', 'unknown']);

function expired(verdict: Verdict, reply: SmtpReply | undefined): Verdict {
  if (!unreached.has(verdict.category)) return verdict;
  const cause = verdict.category === 'unknown' ? undefined : verdict.category;
  return createVerdict('expired', {
    rule: 'bounce:gave-up-after-transient',
    confidence: 0.8,
    ...(verdict.status ? { status: verdict.status } : {}),
    ...(reply ? { reply } : {}),
    ...(cause ? { cause } : {}),
    ...(verdict.provider ? { provider: verdict.provider } : {}),
  });
}

export function buildOutcome(found: FoundRecipient, context: OutcomeContext): DeliveryOutcome {
  const parsed = readReply(found.diagnostic);
  const command = found.command ?? parsed?.command ?? findCommand(found.diagnostic?.toLowerCase() ?? '');
  // The command the report names elsewhere (its text part, a transcript) belongs on the reply.
  const reply =
    parsed !== undefined && parsed.command === undefined && command !== undefined
      ? { ...parsed, command }
      : parsed;
  // Without an Action, the recipient's own lines may say the MTA is still trying ("Delivery attempts
  // will continue", "has been postponed") where the introduction does not.
  const event = eventOf(
    found.action,
    context.delay || (found.action === undefined && isDelayNotice('', found.diagnostic)),
  );
  let verdict: Verdict;
  if (event === 'delivered') {
    verdict = createVerdict('delivered', { rule: 'bounce:dsn-delivered', ...(reply ? { reply } : {}) });
  } else if (found.category !== undefined) {
    verdict = createVerdict(found.category, {
      rule: found.rule ?? 'bounce:format',
      ...(reply ? { reply } : {}),
    });
  } else {
    verdict = classifyRecipient({
      reply,
      diagnostic: found.diagnostic,
      status: found.status,
      command,
      // The MX that answered names the mailbox provider better than the recipient's domain (hosted domains).
      destination: hostOf(found.remoteMta) ?? domainOf(found.address),
      context: context.context,
    });
    // A final failure whose only reason is that no server could be reached, with no reply code to
    // say otherwise, is a give-up too: a connection failure is transient, so the MTA stopped retrying.
    const failureClass = classOf(reply, found.status);
    if (
      event === 'bounced' &&
      (failureClass === 4 || (failureClass === undefined && verdict.category === 'network'))
    )
      verdict = expired(verdict, reply);
  }
  // When this recipient was last tried (`Last-Attempt-Date`, RFC 3464 §2.3.7), else when the report was written.
  const occurredAt = parseDate(found.date) ?? context.occurredAt;
  const detail: Record<string, unknown> = { format: context.format };
  if (found.finalRecipient !== undefined) detail.finalRecipient = found.finalRecipient;
  if (found.action !== undefined) detail.action = found.action;
  if (found.status !== undefined) detail.status = found.status;
  if (found.remoteMta !== undefined) detail.remoteMta = found.remoteMta;
  if (found.diagnostic !== undefined) detail.diagnostic = found.diagnostic;
  if (command !== undefined) detail.command = command;
  if (found.feedbackType !== undefined) detail.feedbackType = found.feedbackType;
  return {
    provider: 'smtp',
    event,
    ...(found.address ? { recipient: found.address } : {}),
    ...(context.messageId ? { messageId: context.messageId } : {}),
    ...(occurredAt !== undefined ? { occurredAt } : {}),
    origin: reply?.code !== undefined || found.remoteMta !== undefined ? 'remote-server' : 'provider',
    ...(reply ? { reply } : {}),
    providerDetail: detail,
    verdict,
    raw: found,
  };
}
