// Cox. Cox names each rejection with an `AUP#…` code (cox.com "Email error codes", sisimai Rhost/Cox.pm).
import type { Rule } from '../rule';

const codes = 'https://www.cox.com/residential/support/email-error-codes.html';

export const coxRules: readonly Rule[] = [
  {
    id: 'cox:dynamic-rbl',
    category: 'reputation',
    provider: 'cox',
    phrases: ['aup#cdrbl'],
    permanence: 'transient',
    reason: 'Cox: a CDRBL block "will not exceed 24 hours" — it clears by itself (docs/retry.md §7)',
    example: '554 cox.net cox connection refused from [192.0.2.1] using Cox DRBL. AUP#CDRBL',
    source: `${codes}; sisimai Rhost/Cox.pm`,
  },
  {
    id: 'cox:ptr',
    category: 'sender-infrastructure',
    provider: 'cox',
    phrases: ['aup#cxdns', 'aup#cxhelo'],
    example: '554 cox.net cox 192.0.2.1 rejected - no rDNS AUP#CXDNS',
    source: codes,
  },
  {
    id: 'cox:limits',
    category: 'rate-limited',
    provider: 'cox',
    phrases: ['aup#cxcnct', 'aup#cxthrt'],
    example: '421 cox.net cox too many connections from 192.0.2.1 AUP#CXCNCT',
    source: codes,
  },
  {
    id: 'cox:sender',
    category: 'sender-rejected',
    provider: 'cox',
    phrases: ['aup#cxsndr', 'aup#cxdmn'],
    // CXSNDR is also sent for failed SPF/DKIM checks of the sender domain (cox.com postmaster page)
    unless: ['authentication'],
    example: '550 cox.net cox sender domain rejected AUP#CXSNDR',
    source: codes,
  },
  {
    id: 'cox:recipient',
    category: 'mailbox-unknown',
    provider: 'cox',
    phrases: ['aup#cxrcpt', 'aup#cxusr'],
    example: '550 cox.net cox recipient rejected AUP#CXRCPT',
    source: codes,
  },
];
