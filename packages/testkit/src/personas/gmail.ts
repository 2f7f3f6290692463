import { definePersona, type Persona, type PersonaOptions } from './persona';

export type GmailReplyName = 'unknown' | 'disabled' | 'full' | 'ratelimit' | 'unauthenticated';

/**
 * Gmail-like MX. Texts are real Gmail replies; Gmail wraps long replies into continuation lines, each
 * repeating the code and the enhanced code (`550-5.1.1 …`), and ends with a request id and `- gsmtp`.
 */
export const gmailReplies = {
  // replies.jsonl id gmail-001 (line 1), seen in sisimai set-of-emails lhost-postfix-31.eml — verbatim.
  unknown: {
    stage: 'rcpt',
    reply:
      "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550-5.1.1 unnecessary spaces. Learn more at\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 00000000000000.000 - gsmtp",
    source: 'replies.jsonl gmail-001 (line 1)',
  },
  // replies.jsonl id gmail-002 (line 2) — verbatim.
  disabled: {
    stage: 'rcpt',
    reply:
      '550-5.2.1 The email account that you tried to reach is disabled. Learn more at\n550 5.2.1 https://support.google.com/mail/?p=DisabledUser 000000000000eee.000 - gsmtp',
    source: 'replies.jsonl gmail-002 (line 2)',
  },
  // Not in replies.jsonl. Text "The email account that you tried to reach is over quota" is Gmail's 452 4.2.2
  // (https://www.suped.com/knowledge/email-deliverability/troubleshooting/what-does-the-gmail-error-452-422-the-email-account-that-you-tried-to-reach-is-over-quota-mean-a);
  // wrapped into Gmail's multi-line wire form the way gmail-001 is, with Gmail's OverQuotaTemp help link.
  full: {
    stage: 'rcpt',
    reply:
      '452-4.2.2 The email account that you tried to reach is over quota. Please direct\n452-4.2.2 the recipient to\n452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp 00000000000000.000 - gsmtp',
    source: 'Gmail 452 4.2.2 over quota (suped.com article), wrapped like replies.jsonl gmail-001',
  },
  // Text of replies.jsonl id gmail-045 (line 24, Gmail's documented single-line form), wrapped into the
  // multi-line form Gmail sends on the wire (each line `421-4.7.28`, request id and `- gsmtp` at the end).
  // A 421 closes the connection (RFC 5321 §3.8).
  ratelimit: {
    stage: 'rcpt',
    reply:
      '421-4.7.28 Gmail has detected an unusual rate of unsolicited email originating\n421-4.7.28 from your DKIM domain domain-name. To protect our users from spam, email\n421-4.7.28 sent from your domain has been temporarily rate limited. To review our\n421-4.7.28 bulk email senders guidelines, go to Email sender guidelines.\n421 4.7.28  00000000000000.000 - gsmtp',
    source: 'replies.jsonl gmail-045 (line 24), wrapped like gmail-001',
  },
  // replies.jsonl id gmail-012 (line 10) — verbatim. DMARC is judged on the From: header, so Gmail answers it
  // after the body, for the whole message.
  unauthenticated: {
    stage: 'message',
    reply:
      "550-5.7.26 Unauthenticated email from libsisimai.org is not accepted due to\n550-5.7.26 domain's DMARC policy. Please contact the administrator of\n550-5.7.26 libsisimai.org domain if this was a legitimate mail. Please visit\n550-5.7.26 https://support.google.com/mail/answer/2451690 to learn about the\n550 5.7.26 DMARC initiative. z2si1584129pfn.61 - gsmtp",
    source: 'replies.jsonl gmail-012 (line 10)',
  },
} as const;

/**
 * A Gmail-like MX. Local parts: `unknown@` → 550-5.1.1, `disabled@` → 550-5.2.1, `full@` → 452-4.2.2,
 * `ratelimit@` → 421-4.7.28 (closes the connection), `unauth@` → 550-5.7.26 after the body.
 */
export function gmailLike(options: PersonaOptions<GmailReplyName> = {}): Persona<GmailReplyName> {
  return definePersona(
    {
      name: 'gmail-like',
      replies: gmailReplies,
      order: ['unknown', 'disabled', 'full', 'ratelimit', 'unauthenticated'],
      localParts: {
        unknown: 'unknown',
        disabled: 'disabled',
        full: 'full',
        ratelimit: 'ratelimit',
        unauth: 'unauthenticated',
      },
      accept: {
        greeting: '220 mx.google.test ESMTP 00000000000000.000 - gsmtp',
        rcpt: '250 2.1.5 OK 00000000000000.000 - gsmtp',
        // Shape of a Gmail acceptance as carried in Postmark's Delivery webhook `Details` (packages/postmark/PROVIDER.md §4).
        message: '250 2.0.0 OK  1763633700 a1b2c3d4e5f6.77 - gsmtp',
      },
    },
    options,
  );
}
