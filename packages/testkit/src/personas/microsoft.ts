import { definePersona, type Persona, type PersonaOptions } from './persona';

export type MicrosoftReplyName = 'unknown' | 'ratelimit' | 'banned';

/** Microsoft 365 / Outlook.com-like replies: single line, enhanced code, S-codes and resolver names. */
export const microsoftReplies = {
  // replies.jsonl id microsoft-007 (line 50) — verbatim.
  unknown: {
    stage: 'rcpt',
    reply: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    source: 'replies.jsonl microsoft-007 (line 50)',
  },
  // Not in replies.jsonl. Text as quoted by Broadcom KB 438593 ("451 4.7.650 the mail server [IP ADDRESS] has been
  // rate limited due to IP reputation") and suped.com (4.7.651 variant "… has been temporarily rate limited due to
  // IP reputation. For e-mail delivery information, see https://postmaster.live.com (S3114)"); docs/retry.md §6.
  ratelimit: {
    stage: 'rcpt',
    reply:
      '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)',
    source: 'Broadcom KB 438593 / suped.com Microsoft 4.7.650 text',
  },
  // Not in replies.jsonl. Text as quoted by mailflowauthority.com/troubleshooting/outlook-550-5-7-606-fix.
  banned: {
    stage: 'rcpt',
    reply:
      '550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions.',
    source: 'mailflowauthority.com Outlook 550 5.7.606 text',
  },
} as const;

/**
 * A Microsoft-like MX (Outlook.com / Exchange Online). Local parts: `unknown@` → 550 5.1.10,
 * `ratelimit@` → 451 4.7.650, `banned@` → 550 5.7.606.
 */
export function microsoftLike(options: PersonaOptions<MicrosoftReplyName> = {}): Persona<MicrosoftReplyName> {
  return definePersona(
    {
      name: 'microsoft-like',
      replies: microsoftReplies,
      order: ['unknown', 'ratelimit', 'banned'],
      localParts: { unknown: 'unknown', ratelimit: 'ratelimit', banned: 'banned' },
      accept: {
        greeting:
          '220 mx.outlook.test Microsoft ESMTP MAIL Service ready at Sat, 28 Nov 2026 07:00:00 +0000 [08DE2AB40B0C6A11]',
        rcpt: '250 2.1.5 Recipient OK',
        // Exchange Online acceptance; nodemailer derives `serverMessageId` from this shape (packages/nodemailer/PROVIDER.md §2).
        message: '250 2.0.0 OK <0a1b2c3d4e5f@AM0PR01MB0000.eurprd01.prod.outlook.com>',
      },
    },
    options,
  );
}
