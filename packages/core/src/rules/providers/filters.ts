// Filtering services in front of many domains: Proofpoint, Mimecast, Barracuda, Cisco IronPort, Trend Micro.
import type { Rule } from '../rule';

const mimecast = 'https://community.mimecast.com/docs/DOC-1369';

export const filterRules: readonly Rule[] = [
  // Mimecast (community.mimecast.com/docs/DOC-1369 "SMTP error codes")
  {
    id: 'mimecast:blocked-senders',
    category: 'blocked-by-recipient',
    provider: 'mimecast',
    phrases: ['user entry', 'user domain entry', 'blocked senders', 'personal block', 'block policy for'],
    example: '550 Envelope blocked - User Entry',
    source: mimecast,
  },
  {
    id: 'mimecast:policy',
    category: 'policy',
    provider: 'mimecast',
    phrases: [
      'host network not allowed',
      'administrative prohibition',
      'anti-spoofing',
      'policy entry',
      'security policies',
    ],
    example: '554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554',
    source: mimecast,
  },
  {
    // Mimecast: "You've reached your mail server's limit" / "too many concurrent inbound
    // connections"; the IP is taken off the list after five minutes — a limit, not a block list
    id: 'mimecast:limits',
    category: 'rate-limited',
    provider: 'mimecast',
    phrases: ['ip temporarily blacklisted', 'account service is temporarily unavailable'],
    example: '451 IP temporarily blacklisted - https://community.mimecast.com/docs/DOC-1369#451',
    source: mimecast,
  },
  {
    id: 'mimecast:temporarily-unavailable',
    category: 'deferred',
    provider: 'mimecast',
    phrases: ['internal resource is temporarily unavailable'],
    reason:
      'Mimecast uses this text for its greylisting-style holds and for load; the text does not say which',
    example:
      '451 Internal resource is temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451',
    source: `${mimecast}; docs/retry.md §8 (Mimecast greylisting)`,
  },
  {
    id: 'mimecast:spam',
    category: 'spam-content',
    provider: 'mimecast',
    phrases: ['spam signature detection', 'spam signature detected'],
    example: '550 Spam Signature Detection - https://community.mimecast.com/docs/DOC-1369#550',
    source: mimecast,
  },
  // Cisco IronPort / Secure Email (SenderBase reputation)
  {
    id: 'ironport:reputation',
    category: 'reputation',
    provider: 'ironport',
    phrases: [
      "sending mta's poor reputation",
      'your access to this mail system has been rejected',
      'senderbase',
    ],
    example:
      "554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means.",
    source: 'Cisco Secure Email (IronPort) default SBRS rejection text',
  },
  // Barracuda Email Security Gateway
  {
    id: 'barracuda:blocked-recipient',
    category: 'policy',
    provider: 'barracuda',
    phrases: ['permanent failure for one or more recipients'],
    also: ['blocked'],
    // the inner reason, when Barracuda quotes one, is more specific than "blocked"
    unless: ['spam score'],
    example: '550 permanent failure for one or more recipients (user@example.com:blocked)',
    source: 'Barracuda Email Security Gateway reply format',
  },
  // Proofpoint: its reputation list is a `blocklists` entry; other Proofpoint wording is generic.
  // Symantec Email Security.cloud (MessageLabs): 553 "Message Filtered" is its content filter's
  // rejection; the same words under 550 5.2.0 are Amazon SES receipt rules (policy), hence the code
  {
    id: 'messagelabs:filtered',
    category: 'spam-content',
    phrases: ['message filtered'],
    codes: [553],
    example: '553 - Message Filtered',
    source:
      'Broadcom Email Security.cloud error 553 (knowledge.broadcom.com/external/article/169652), as quoted in github.com/sisimai/go-sisimai rhost/for-messagelabs.go',
  },
  // Trend Micro Email Security (hosted): a token after "Recipient address rejected:" names the reason
  {
    id: 'trend:invalid-recipient',
    category: 'mailbox-unknown',
    phrases: ['rejected: invalid-recipient'],
    example: '554 5.7.1 <user@example.org>: Recipient address rejected: Invalid-Recipient.',
    source:
      'Trend Micro Email Security reply tokens, as collected in github.com/ActiveCampaign/smtp-field-manual data/codes/554.json',
  },
  {
    // BLOCK-SEND-ER: the recipient domain's administrator blocks this sender; BLOCK-RCPT: blocks
    // mail to this recipient. Either is the recipient side's choice, not a missing mailbox
    id: 'trend:blocked',
    category: 'blocked-by-recipient',
    phrases: ['rejected: block-send-er', 'rejected: block-rcpt'],
    example: '554 5.7.1 <user@example.org>: Recipient address rejected: BLOCK-SEND-ER.',
    source:
      'Trend Micro Email Security "Blocking an email address or domain" (success.trendmicro.com/solution/1055758), as linked in github.com/ActiveCampaign/smtp-field-manual data/codes/554.json',
  },
  // Trend Micro Email Reputation Services: "Mail from <our IP> refused, see <ERS or its MAPS lookup>"
  {
    id: 'trend:ers',
    category: 'reputation',
    phrases: ['ers.trendmicro.com', 'mail-abuse.com', 'trend micro email reputation'],
    example: '550 5.7.1 Mail from 192.0.2.1 refused, see http://ers.trendmicro.com/',
    source: 'https://ers.trendmicro.com (Trend Micro Email Reputation Services rejection texts)',
  },
];
