import { definePersona, type Persona, type PersonaOptions } from './persona';

export type YahooReplyName = 'ratelimit' | 'unknown' | 'spam';

/** Yahoo-like replies: bracketed Yahoo codes (`[TSS04]`, `[PH01]`) and links to postmaster.yahooinc.com. */
export const yahooReplies = {
  // replies.jsonl id yahoo-002 (line 59) — verbatim. Yahoo's deferral for volume or complaints; a 421 closes the
  // connection. KumoMTA's shaping rules key on this text to suspend a destination (https://docs.kumomta.com/userguide/trafficshaping/shapingfiles/).
  ratelimit: {
    stage: 'rcpt',
    reply:
      '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: 'replies.jsonl yahoo-002 (line 59)',
  },
  // replies.jsonl id yahoo-021 (line 133) — verbatim. Yahoo answers unknown users after the body ("delivery
  // error"), so the whole message fails (nodemailer: EMESSAGE), not one RCPT.
  unknown: {
    stage: 'message',
    reply:
      "554 delivery error: dd This user doesn't have a yahoo.com account (testing123@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",
    source: 'replies.jsonl yahoo-021 (line 133)',
  },
  // replies.jsonl id yahoo-011 (line 127) — verbatim.
  spam: {
    stage: 'message',
    reply:
      '554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes',
    source: 'replies.jsonl yahoo-011 (line 127)',
  },
} as const;

/**
 * A Yahoo-like MX. Local parts: `ratelimit@` → 421 4.7.0 [TSS04] (closes the connection), `unknown@` → 554 "doesn't
 * have a yahoo.com account" after the body, `spam@` → 554 [PH01] after the body.
 * For "Yahoo defers everything for a while", use `{ first: { ratelimit: N } }` or `choose`.
 */
export function yahooLike(options: PersonaOptions<YahooReplyName> = {}): Persona<YahooReplyName> {
  return definePersona(
    {
      name: 'yahoo-like',
      replies: yahooReplies,
      order: ['ratelimit', 'unknown', 'spam'],
      localParts: { ratelimit: 'ratelimit', unknown: 'unknown', spam: 'spam' },
      accept: {
        greeting: '220 mta7.am0.yahoodns.test ESMTP ready',
        rcpt: '250 recipient <ok>',
        message: '250 ok dirdel',
      },
    },
    options,
  );
}
