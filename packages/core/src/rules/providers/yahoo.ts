// Yahoo and AOL (one platform). Codes from senders.yahooinc.com/smtp-error-codes and Yahoo help
// SLN3434 / SLN3436 (docs/retry.md §7). Yahoo puts its own code in brackets: [TS01], [TSS04], [BL21], [PH01].
import { hour, type Rule } from '../rule';

const codes = 'https://senders.yahooinc.com/smtp-error-codes';

export const yahooRules: readonly Rule[] = [
  {
    id: 'yahoo:ts01',
    category: 'reputation',
    provider: 'yahoo',
    phrases: ['[ts01]', '[ts02]'],
    afterMs: 4 * hour,
    reason:
      'Yahoo: "We encourage you to retry sending emails 4 hours after encountering the error" (SLN3434)',
    example:
      '421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55.1',
    source: `${codes}; help.yahoo.com SLN3434`,
  },
  {
    id: 'yahoo:permanently-deferred',
    category: 'reputation',
    provider: 'yahoo',
    phrases: ['[ts03]', '[tss09]', 'permanently deferred'],
    permanence: 'permanent',
    changeRequired: true,
    reason:
      'Yahoo TS03/TSS09: "permanently deferred … Retrying will NOT succeed" — fix the sending practices first (SLN3436)',
    example: '421 4.7.1 [TS03] All messages from 192.0.2.1 permanently deferred',
    source: `${codes}; help.yahoo.com SLN3436`,
  },
  {
    id: 'yahoo:tss-deferral',
    category: 'reputation',
    provider: 'yahoo',
    phrases: ['[tss', '[ts0', '[gl01]', '[xy01]', '4.16.55', '4.16.50', '4.16.51', '4.16.56'],
    example:
      '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: codes,
  },
  {
    id: 'yahoo:content',
    category: 'spam-content',
    provider: 'yahoo',
    phrases: ['[ph01]', '[ph02]'],
    example:
      '554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes',
    source: codes,
  },
  {
    id: 'yahoo:no-account',
    category: 'mailbox-unknown',
    provider: 'yahoo',
    phrases: ["this user doesn't have a", "user doesn't have an", 'dd this user'],
    example:
      "554 delivery error: dd This user doesn't have a yahoo.com account (user@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",
    source: codes,
  },
  {
    id: 'yahoo:disabled',
    category: 'mailbox-disabled',
    provider: 'yahoo',
    phrases: ['disabled or discontinued', '[#102]'],
    example:
      '554 delivery error: dd Sorry your message to user@yahoo.com cannot be delivered. This account has been disabled or discontinued [#102].',
    source: codes,
  },
  {
    id: 'yahoo:unresolvable-from',
    category: 'sender-rejected',
    provider: 'yahoo',
    phrases: ['unresolvable rfc.5321 from domain', 'unresolvable-from-domain'],
    reason:
      'Yahoo: "can be returned as either a timeout/servfail (451) or a permfail (554)" — follows the reply class',
    example:
      '451 Message temporarily deferred due to unresolvable RFC.5321 from domain. See https://senders.yahooinc.com/error-codes#unresolvable-from-domain',
    source: `${codes}#unresolvable-from-domain`,
  },
];
