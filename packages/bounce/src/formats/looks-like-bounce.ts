// Whether an email is a delivery report at all, from its sender and subject: the cheap test that
// lets the plain-text fallback read mail no named format recognized.
import { headerOf, type Mail } from '../mail/mail';

/** Local parts that send reports (RFC 5321 §4.5.5 null sender aside, these are the display addresses). */
const senders: readonly string[] = [
  'mailer-daemon',
  'mailerdaemon',
  'postmaster',
  'post_master',
  'mail-daemon',
  'mdaemon',
];

/** Subject words of failure notices (lowercase). */
const subjectWords: readonly string[] = [
  'undeliver',
  'undelivered',
  'returned mail',
  'delivery fail',
  'delivery status notification',
  'delivery notification',
  'failure notice',
  'mail delivery',
  'could not be delivered',
  'not delivered',
  'delivery problem',
  'mail system error',
  'non remis',
  'unzustellbar',
  'nicht zustellbar',
  'message delivery has failed',
  'error sending',
  'delivery report',
  'delivery failure',
  'returned to sender',
  'warning: could not send',
  'delayed mail',
];

/** Weaker subject words: enough for the plain-text fallback, not to overrule an auto-reply's headers. */
const weakSubjectWords: readonly string[] = ['rejected', 'bounce', 'error', 'failed'];

/** Opening lines of failure notices (lowercase). */
const bodyPhrases: readonly string[] = [
  'could not be delivered to',
  'was not delivered to',
  'delivery has failed',
  'delivery to the following recipient',
  'unable to deliver',
  'undeliverable',
  'permanent error',
  'failed permanently',
];

/**
 * Strong signs of a failure notice: a report sender, X-Failed-Recipients, a multipart/report, a
 * failure subject or opening line. An auto-reply (RFC 3834) never has these.
 */
export function looksLikeReport(mail: Mail): boolean {
  if (headerOf(mail, 'x-failed-recipients') !== undefined) return true;
  if (mail.contentType.startsWith('multipart/report')) return true;
  const at = mail.from.indexOf('@');
  const local = at < 0 ? mail.from : mail.from.slice(0, at);
  for (const sender of senders) if (local === sender) return true;
  const subject = mail.subject.toLowerCase();
  for (const word of subjectWords) if (subject.includes(word)) return true;
  // Carriers and gateways that send from ordinary addresses with a subject in their own language.
  const head = mail.lines.slice(0, 30).join('\n').toLowerCase();
  for (const phrase of bodyPhrases) if (head.includes(phrase)) return true;
  return false;
}

/** Whether the plain-text fallback should try the email: strong signs, no sender at all, or a weak subject word. */
export function looksLikeBounce(mail: Mail): boolean {
  if (mail.from === '' || looksLikeReport(mail)) return true;
  const subject = mail.subject.toLowerCase();
  for (const word of weakSubjectWords) if (subject.includes(word)) return true;
  return false;
}

/** Subject and introduction phrases of delay notices (a warning, the MTA is still trying). */
const delayPhrases: readonly string[] = [
  'delivery status notification (delay)',
  'delayed mail',
  'warning: could not send message',
  'delivery delayed',
  'message delayed',
  'delivery is delayed',
  'has been delayed',
  'message is delayed', // OpenSMTPD (smtpd/bounce.c)
  'only a temporary failure report', // OpenSMTPD
  'still being retried',
  'will continue trying',
  'will keep trying',
  'this is a warning message only',
  'this is only a warning',
  'not yet been delivered',
  'delivery attempts will continue',
  'will continue to try',
  'has been postponed',
  'this is just a warning',
  'advisory-only',
];

export function isDelayNotice(subject: string, context: string | undefined): boolean {
  const text = `${subject}\n${context ?? ''}`.toLowerCase();
  for (const phrase of delayPhrases) if (text.includes(phrase)) return true;
  return false;
}
