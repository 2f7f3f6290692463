// GoDaddy (secureserver.net). IB… codes from GoDaddy's help "Bounce-back error codes"
// as transcribed in sisimai Rhost/GoDaddy.pm (docs/retry.md §7): several 5xx blocks last an hour or a day.
import { day, hour, type Rule } from '../rule';

const help = 'GoDaddy help "What do the bounce-back error codes mean?" (sisimai Rhost/GoDaddy.pm)';

export const godaddyRules: readonly Rule[] = [
  {
    id: 'godaddy:blocked-for-the-hour',
    category: 'reputation',
    provider: 'godaddy',
    phrases: ['blocked for an hour', 'blocked for the hour', 'ib110', 'ib112'],
    permanence: 'transient',
    changeRequired: false,
    afterMs: hour,
    reason: 'GoDaddy IB110: "blocked for an hour" — a 5xx that clears by itself (docs/retry.md §7)',
    example:
      '554 This IP has been temporarily blocked for an hour for attempting to send too many messages containing content judged to be spam. IB110',
    source: help,
  },
  {
    id: 'godaddy:blocked-for-the-day',
    category: 'reputation',
    provider: 'godaddy',
    phrases: ['blocked for the day', 'remainder of the day', 'ib111', 'ib113'],
    permanence: 'transient',
    changeRequired: false,
    afterMs: day,
    reason:
      'GoDaddy IB111/IB113: blocked "for the remainder of the day"; the day\'s time zone is not stated, so wait a full day',
    example:
      '554 This IP has been blocked for the day, for attempting to mail too many invalid recipients. IB113',
    source: help,
  },
  {
    // GoDaddy sends 550 5.1.1 (a misleading "bad mailbox" code) for its hourly rate limits
    id: 'godaddy:hourly-limit',
    category: 'rate-limited',
    provider: 'godaddy',
    phrases: ['ib504', 'ib607', 'x.co/rlbounce'],
    permanence: 'transient',
    suppressRecipient: false,
    afterMs: hour,
    reason: 'IB504/IB607 are hourly volume limits, even when sent as 550 5.1.1 (docs/retry.md §7)',
    example:
      '550 5.1.1 <user@example.com> - 203.0.113.222 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>',
    source: help,
  },
  {
    id: 'godaddy:per-session',
    category: 'transaction-limit',
    provider: 'godaddy',
    phrases: ['ib510', 'max number of messages per session'],
    example:
      '550 This message has exceeded the max number of messages per session. Open a new session and try again. IB510',
    source: help,
  },
  {
    id: 'godaddy:busy',
    category: 'server-busy',
    provider: 'godaddy',
    phrases: ['ib101'],
    example: '421 Server temporarily unavailable. Try again later. IB101',
    source: help,
  },
  {
    // not "ibsmtp" alone: GoDaddy's inbound host names (p3plibsmtp01-07…) carry it in every reply
    id: 'godaddy:auth',
    category: 'client-auth',
    provider: 'godaddy',
    phrases: ['ib401', 'ibsmtp servers'],
    example: '535 Authentication not allowed on IBSMTP Servers. IB401',
    source: help,
  },
  {
    id: 'godaddy:from-header',
    category: 'message-format',
    provider: 'godaddy',
    phrases: ['ib501', 'ib502', 'blank from: addresses', 'not allowed as a from: address'],
    example: '550 jane@coolexample.com Blank From: addresses are not allowed. Provide a valid From. IB501',
    source: help,
  },
  {
    id: 'godaddy:from-domain',
    category: 'sender-rejected',
    provider: 'godaddy',
    phrases: ['ib506', 'from: domain is invalid'],
    example: '550 coolexample.com From: Domain is invalid. Provide a valid From: IB506',
    source: help,
  },
  {
    // GoDaddy names Spamhaus's lists without the word "Spamhaus" (IB104 says it, IB105/IB106 do not)
    id: 'godaddy:spamhaus-xbl',
    category: 'blocklisted',
    provider: 'godaddy',
    blocklist: 'spamhaus-xbl',
    phrases: ['ib105'],
    example: '554 Connection refused. This IP address is listed on the Exploits Block List (XBL). IB105',
    source: help,
  },
  {
    id: 'godaddy:spamhaus-pbl',
    category: 'blocklisted',
    provider: 'godaddy',
    blocklist: 'spamhaus-pbl',
    phrases: ['ib106'],
    example: '554 Connection refused. This IP address is listed on the Policy Block List (PBL). IB106',
    source: help,
  },
  {
    id: 'godaddy:virus',
    category: 'virus',
    provider: 'godaddy',
    phrases: ['ib705'],
    example: '552 Virus infected message rejected. IB705',
    source: help,
  },
];
