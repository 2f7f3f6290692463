// Code layers 2 and 3: the basic reply code (RFC 5321 §4.2.3, RFC 7504, RFC 4954, RFC 3207), then
// the reply class alone (RFC 5321 §4.2.1: the first digit). Used only when neither the text nor an
// enhanced code decided.
import type { Rule } from './rule';

const rfc5321 = 'RFC 5321 §4.2.3';

export const basicCodeRules: readonly Rule[] = [
  {
    id: 'basic:421',
    category: 'server-busy',
    codes: [421],
    example: '421',
    source: `${rfc5321}: service not available, closing transmission channel`,
  },
  {
    id: 'basic:432',
    category: 'client-auth',
    codes: [432],
    example: '432',
    source: 'RFC 4954 §6: a password transition is needed',
  },
  {
    id: 'basic:450',
    category: 'deferred',
    codes: [450],
    example: '450',
    source: `${rfc5321}: mailbox unavailable (e.g. busy), try again`,
  },
  {
    id: 'basic:451',
    category: 'server-error',
    codes: [451],
    example: '451',
    source: `${rfc5321}: local error in processing`,
  },
  {
    id: 'basic:452',
    category: 'server-busy',
    codes: [452],
    example: '452',
    source: `${rfc5321}: insufficient system storage`,
  },
  {
    id: 'basic:454',
    category: 'deferred',
    codes: [454],
    example: '454',
    source: 'RFC 3207 §4 / RFC 4954 §6: TLS or authentication temporarily unavailable',
  },
  {
    id: 'basic:455',
    category: 'protocol',
    codes: [455],
    example: '455',
    source: `${rfc5321}: server unable to accommodate parameters`,
  },
  {
    // 500–504 are decided in the cue layer, before any word (rules/cues.ts, cue:command-reply)
    id: 'basic:555',
    category: 'protocol',
    codes: [555],
    example: '555',
    source: `${rfc5321}: MAIL FROM/RCPT TO parameters not recognized or not implemented`,
  },
  // RFC 7504: 521 "host does not accept mail", 556 "domain does not accept mail"
  {
    // servers also send 521 for "service unavailable; client blocked" — the code alone is not enough
    id: 'basic:521',
    category: 'domain-invalid',
    codes: [521, 556],
    suppressRecipient: false,
    reason:
      'a bare code is no evidence about the mailbox (issue 14): suppression needs recipient wording or a recipient enhanced code',
    example: '521',
    source: 'RFC 7504 §3',
  },
  {
    id: 'basic:530',
    category: 'client-auth',
    // 535 (credentials invalid) is decided in the generic layer, before words that misread it (generic:auth-reply)
    codes: [530, 534],
    example: '530',
    source: 'RFC 4954 §6: authentication required / too weak',
  },
  {
    id: 'basic:538',
    category: 'tls-failure',
    codes: [538],
    scope: 'sender',
    permanence: 'permanent',
    changeRequired: true,
    reason: 'RFC 4954 §6: encryption required for the authentication mechanism — ours to fix',
    example: '538',
    source: 'RFC 4954 §6',
  },
  {
    id: 'basic:550',
    category: 'unknown',
    codes: [550, 554],
    example: '550',
    source: `${rfc5321}: 550/554 say "not taken / failed" without a reason`,
  },
  {
    id: 'basic:551',
    category: 'recipient-moved',
    codes: [551],
    suppressRecipient: false,
    reason:
      'a bare code is no evidence about the mailbox (issue 14): suppression needs recipient wording or a recipient enhanced code',
    example: '551',
    source: `${rfc5321}: user not local; please try <forward-path>`,
  },
  // RFC 5321: 552 "exceeded storage allocation" — the mailbox's storage (a too-large message has its own text or X.3.4)
  {
    id: 'basic:552',
    category: 'mailbox-full',
    codes: [552],
    confidence: 0.3,
    example: '552',
    source: `${rfc5321}: exceeded storage allocation`,
  },
  {
    id: 'basic:553-mail',
    category: 'sender-rejected',
    codes: [553],
    commands: ['MAIL'],
    example: '553',
    source: `${rfc5321}: mailbox name not allowed, in answer to MAIL FROM`,
  },
  // docs/taxonomy.md#decision-9: an address that is not allowed by syntax cannot be delivered to
  {
    id: 'basic:553-rcpt',
    category: 'mailbox-unknown',
    codes: [553],
    commands: ['RCPT'],
    suppressRecipient: false,
    reason:
      'a bare code is no evidence about the mailbox (issue 14): suppression needs recipient wording or a recipient enhanced code',
    example: '553',
    source: `${rfc5321}: mailbox name not allowed (syntax), in answer to RCPT TO`,
  },
];

export const classRules: readonly Rule[] = [
  {
    id: 'class:2',
    category: 'delivered',
    classes: [2],
    example: '250 ok',
    source: 'RFC 5321 §4.2.1: 2yz positive completion',
  },
  {
    id: 'class:3',
    category: 'unknown',
    classes: [3],
    example: '354 go ahead',
    source: 'RFC 5321 §4.2.1: 3yz intermediate reply, not a final outcome',
  },
  {
    id: 'class:4',
    category: 'unknown',
    classes: [4],
    example: '499 something odd',
    source: 'RFC 5321 §4.2.1: 4yz transient negative completion',
  },
  {
    id: 'class:5',
    category: 'unknown',
    classes: [5],
    example: '599 something odd',
    source: 'RFC 5321 §4.2.1: 5yz permanent negative completion',
  },
];
