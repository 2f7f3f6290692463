// Everyday failure wording in bounce texts that quote no SMTP reply, or a reply without a code
// (qmail, Exchange 2003, IMail, mobile carriers). Broad phrases, so they are checked only when
// core's verdict rests on a bare code or nothing (outcome/classify-recipient.ts, tier 3); the
// MTAs' specific own-voice wording is in mta-wording.ts.
// Same typed shape as core's rules (`Rule`), so a misspelled category fails the build.
import type { Rule } from '@mailverdict/core';

export const bounceWordingRules: readonly Rule[] = [
  {
    id: 'bounce:mailbox-full',
    category: 'mailbox-full',
    phrases: [
      'mailbox exceeds allowed size',
      'mailbox is full',
      'mailbox full',
      'over quota',
      'quota exceeded',
      'exceeded the local limit',
      'exceeded storage allocation',
      'mailbox has exceeded',
      'disk quota',
    ],
    example: 'User mailbox exceeds allowed size: kijitora@example.co.jp',
    source: 'IMail Server (SMTP32) bounce text; Biglobe, KDDI notices',
  },
  {
    // docs/taxonomy.md#decision-7, as core's generic:user-unknown-after-data: the address was
    // accepted at RCPT, so "unknown user" at the end of DATA is a filter on the recipient's side
    // (NTT Docomo's sender filter answers so).
    id: 'bounce:user-unknown-after-data',
    category: 'blocked-by-recipient',
    commands: ['DATA', 'END-OF-DATA'],
    notEnhanced: ['X.1.1', 'X.1.10'],
    phrases: ['user unknown', 'unknown user', 'no such user', 'unknown recipient'],
    example: '550 Unknown user kijitora@docomo.example.ne.jp',
    source:
      "Sisimai::Reason::Filtered (github.com/sisimai/p5-sisimai): Docomo's `<<< 550 Unknown user` after `>>> DATA`",
  },
  {
    id: 'bounce:mailbox-unknown',
    category: 'mailbox-unknown',
    phrases: [
      'unknown recipient',
      'no such user',
      'user unknown',
      'unknown user',
      'invalid recipient',
      'invalid user',
      'invalid address',
      'no mailbox here',
      'does not exist',
      "doesn't have a",
      'not a valid mailbox',
      'no such mailbox',
      'no mail box available', // "550 ** No mail box available for this user **"
      'no account by that name', // "550 Recipient Rejected: No account by that name here"
      'user not found',
      'recipient not found',
      'recipient address rejected.',
      'this user doesn',
    ],
    example: '550 - Requested action not taken: no such user here',
    source: 'Apache James and Verizon notices; Postfix "Recipient address rejected." without a reason',
  },
  {
    id: 'bounce:mailbox-disabled',
    category: 'mailbox-disabled',
    phrases: [
      'account is disabled',
      'account has been disabled',
      'mailbox is disabled',
      'account is inactive',
      'mailbox unavailable',
    ],
    example: 'The user(s) account is disabled.',
    source: 'au (EZweb) notices',
  },
  {
    id: 'bounce:domain-invalid',
    category: 'domain-invalid',
    phrases: [
      'dns lookup failure',
      'host unknown',
      'domain not found',
      'no such domain',
      'host not found',
      'name server: host not found',
      'unrouteable address',
      'domain does not exist',
    ],
    example: '550 Host unknown (Authoritative answer from name server)',
    source: 'Sendmail 5 transcript',
  },
  {
    id: 'bounce:expired',
    category: 'expired',
    phrases: [
      'retry time exceeded',
      'giving up',
      'could not be delivered for',
      'delivery time expired',
      'too many retries',
      'message has been in the queue',
    ],
    example: 'Message could not be delivered for 5 days. Giving up.',
    source: 'Sendmail, Exim, qmail expiry notices',
  },
  {
    id: 'bounce:network',
    category: 'network',
    phrases: [
      'host not reachable',
      'connection refused',
      'connection timed out',
      'timed out',
      'no route to host',
      'network is unreachable',
    ],
    example: "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) connection refused",
    source: 'qmail-remote (qmail-remote.c) and Postfix connection failures',
  },
  {
    id: 'bounce:message-too-large',
    category: 'message-too-large',
    phrases: [
      'message too large',
      'message size exceeds',
      'too big',
      'exceeds the maximum size',
      'message is too large',
    ],
    example: 'Message size exceeds fixed maximum message size',
    source: 'Exim, Sendmail and Postfix size-limit wording',
  },
];
