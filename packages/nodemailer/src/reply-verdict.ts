import {
  type Category,
  classify,
  createVerdict,
  parseReply,
  type SmtpCommand,
  type SmtpReply,
  type Verdict,
} from '@mailverdict/core';

export interface ReplyVerdict {
  readonly reply: SmtpReply;
  readonly verdict: Verdict;
}

// What `EAUTH` can honestly mean with a reply: our credentials, our account, or a transient
// problem of the relay. Anything else (a recipient category) cannot be the cause of an AUTH failure.
const authCategories: ReadonlySet<Category> = new Set<Category>([
  'client-auth',
  'account-issue',
  'account-limit',
  'rate-limited',
  'server-busy',
  'tls-failure',
]);

/**
 * Classifies a reply nodemailer carried in `response`, whatever its `code` says (packages/nodemailer/PROVIDER.md §4:
 * the code names the step, the reply says what happened). The reply is re-parsed with core because
 * nodemailer keeps every line's `550-` prefix (packages/nodemailer/PROVIDER.md §3).
 */
export function replyVerdict(
  response: string,
  command: SmtpCommand | undefined,
  code: unknown,
): ReplyVerdict {
  const reply = parseReply(response);
  const verdict = classify(reply, command === undefined ? {} : { command });
  return { reply, verdict: correct(verdict, reply, code) };
}

/** What nodemailer knows for certain beyond the reply text. */
function correct(verdict: Verdict, reply: SmtpReply, code: unknown): Verdict {
  const transient = reply.code !== undefined && reply.code >= 400 && reply.code < 500;
  if (code === 'EAUTH' && !authCategories.has(verdict.category)) {
    // The relay refused our login (packages/nodemailer/PROVIDER.md §4: `535 5.7.8` → EAUTH): our credentials.
    return createVerdict('client-auth', {
      reply,
      rule: 'smtp:eauth',
      permanence: transient ? 'transient' : 'permanent',
      retry: { changeRequired: !transient },
      confidence: 0.9,
    });
  }
  if (code === 'ETLS' && verdict.category === 'unknown' && !(reply.code !== undefined && reply.code < 400)) {
    return createVerdict('tls-failure', { reply, rule: 'smtp:etls', confidence: 0.8 });
  }
  if (verdict.permanence === 'success' || (reply.code !== undefined && reply.code < 400)) {
    // nodemailer only fails a send on a reply it did not expect; a 2xx/3xx there is a protocol
    // fault of the session, never a delivery (EPROTOCOL "unexpected reply", `DATA` answered 250).
    return createVerdict('protocol', {
      reply,
      rule: 'smtp:unexpected-reply',
      summary: 'The server sent a reply the SMTP client did not expect at this step.',
      status: '5.5.0',
      confidence: 0.7,
    });
  }
  return verdict;
}
