// Comcast (Xfinity). Codes from postmaster.comcast.net/smtp-error-codes.php (BL… block lists,
// RL… rate limits, PTR requirement); Comcast uses "Not our Customer" for an unknown recipient.
import type { Rule } from '../rule';

const codes = 'https://postmaster.comcast.net/smtp-error-codes.php';

export const comcastRules: readonly Rule[] = [
  {
    id: 'comcast:not-our-customer',
    category: 'mailbox-unknown',
    provider: 'comcast',
    enhanced: ['X.1.1'],
    phrases: ['not our customer'],
    example: '550 5.1.1 <user@comcast.net> Not our Customer',
    source: codes,
  },
  {
    id: 'comcast:rate-limit',
    category: 'rate-limited',
    provider: 'comcast',
    phrases: ['rl0000', 'rl0001'],
    // RL000001 is also Comcast's code for a missing reverse DNS entry
    unless: ['reverse dns'],
    example:
      '421 resimta-po-21v.sys.comcast.net comcast 192.0.2.1 Too many sessions opened from this IP RL000001',
    source: codes,
  },
  {
    id: 'comcast:ptr',
    category: 'sender-infrastructure',
    provider: 'comcast',
    phrases: ['comcast requires that all mail servers must have a ptr'],
    example:
      '554 mta1.comcast.net comcast 203.0.113.2 Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry.',
    source: codes,
  },
];
