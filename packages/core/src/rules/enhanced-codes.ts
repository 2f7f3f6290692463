// Code layer 1: every enhanced status code of the IANA registry (RFC 3463, RFC 5248 and the RFCs
// that added codes; 81 codes X.0.0–X.7.30, list copied from the IANA "SMTP Enhanced Status Codes"
// registry) mapped to the category it means when the text says nothing more. Text rules come first
// (docs/taxonomy.md: "the classifier reads the text first and falls back to the enhanced code").
// A code the registry does not define falls back to its subject's X.<subject>.0 entry (engine).
import type { Category } from '../verdict/taxonomy';
import type { Rule } from './rule';

interface CodeEntry {
  readonly code: string;
  readonly category: Category;
  /** Only for this class (`2.0.0` and `5.0.0` mean different things). */
  readonly classes?: readonly (2 | 4 | 5)[];
  /** Only with these basic codes. */
  readonly codes?: readonly number[];
  readonly note?: string;
  readonly confidence?: number;
  readonly overrides?: Pick<Rule, 'scope' | 'permanence' | 'changeRequired' | 'suppressRecipient' | 'reason'>;
}

const entries: readonly CodeEntry[] = [
  { code: 'X.0.0', category: 'delivered', classes: [2] },
  { code: 'X.0.0', category: 'deferred', classes: [4], note: 'a 4xx with no reason is "try again later"' },
  { code: 'X.0.0', category: 'unknown', classes: [5], note: 'other undefined status: the code says nothing' },
  {
    code: 'X.1.0',
    category: 'unknown',
    note: 'other address status: names neither the sender nor the recipient',
  },
  { code: 'X.1.1', category: 'mailbox-unknown' },
  // a 4.1.2 is a destination that could not be found NOW (qmail #4.1.2: temporary DNS failure)
  { code: 'X.1.2', category: 'dns-failure', classes: [4] },
  { code: 'X.1.2', category: 'domain-invalid', classes: [5, 2] },
  // docs/taxonomy.md#decision-9: an invalid recipient address syntax is an address that cannot exist
  { code: 'X.1.3', category: 'mailbox-unknown' },
  { code: 'X.1.4', category: 'mailbox-unknown', note: 'ambiguous address: undeliverable as given' },
  { code: 'X.1.5', category: 'delivered', classes: [2] },
  { code: 'X.1.6', category: 'recipient-moved' },
  { code: 'X.1.7', category: 'sender-rejected' },
  { code: 'X.1.8', category: 'sender-rejected' },
  { code: 'X.1.9', category: 'delivered', classes: [2] },
  { code: 'X.1.9', category: 'routing', classes: [4, 5] },
  // RFC 7505 defines X.1.10 as null MX, but Microsoft uses 5.1.10 for RecipientNotFound (docs/taxonomy.md);
  // the null-MX meaning is taken only from its text (generic rule `generic:null-mx`).
  { code: 'X.1.10', category: 'mailbox-unknown' },
  { code: 'X.2.0', category: 'unknown', note: 'other mailbox status: no reason given' },
  { code: 'X.2.1', category: 'mailbox-disabled' },
  { code: 'X.2.2', category: 'mailbox-full' },
  { code: 'X.2.3', category: 'message-too-large' },
  { code: 'X.2.4', category: 'server-error', note: 'mailing list expansion problem at the destination' },
  { code: 'X.3.0', category: 'delivered', classes: [2] },
  { code: 'X.3.0', category: 'server-error', classes: [4, 5] },
  { code: 'X.3.1', category: 'server-busy' },
  { code: 'X.3.2', category: 'server-busy' },
  {
    code: 'X.3.3',
    category: 'message-format',
    note: 'a feature the message needs (8BITMIME, SMTPUTF8…) is missing',
  },
  { code: 'X.3.4', category: 'message-too-large' },
  { code: 'X.3.5', category: 'server-error' },
  { code: 'X.3.6', category: 'delivered', classes: [2] },
  { code: 'X.4.0', category: 'routing' },
  { code: 'X.4.1', category: 'network' },
  { code: 'X.4.2', category: 'network' },
  { code: 'X.4.3', category: 'dns-failure' },
  { code: 'X.4.4', category: 'routing' },
  { code: 'X.4.5', category: 'server-busy' },
  { code: 'X.4.6', category: 'routing' },
  { code: 'X.4.7', category: 'expired' },
  { code: 'X.5.0', category: 'delivered', classes: [2] },
  { code: 'X.5.0', category: 'protocol', classes: [4, 5] },
  { code: 'X.5.1', category: 'protocol' },
  { code: 'X.5.2', category: 'protocol' },
  // RFC 5321 §4.5.3.1.10: too many recipients is answered by a new transaction, not by backing off
  { code: 'X.5.3', category: 'transaction-limit' },
  { code: 'X.5.4', category: 'protocol' },
  { code: 'X.5.5', category: 'protocol' },
  { code: 'X.5.6', category: 'client-auth' },
  { code: 'X.6.0', category: 'message-format' },
  { code: 'X.6.1', category: 'message-format' },
  { code: 'X.6.2', category: 'message-format' },
  { code: 'X.6.3', category: 'message-format' },
  { code: 'X.6.4', category: 'delivered', classes: [2] },
  { code: 'X.6.4', category: 'message-format', classes: [4, 5] },
  { code: 'X.6.5', category: 'message-format' },
  { code: 'X.6.6', category: 'message-format' },
  { code: 'X.6.7', category: 'message-format' },
  { code: 'X.6.8', category: 'message-format' },
  { code: 'X.6.9', category: 'message-format' },
  { code: 'X.6.10', category: 'message-format' },
  { code: 'X.7.0', category: 'delivered', classes: [2] },
  // docs/taxonomy.md#decision-1: X.7.x with "try later" wording (or none) is a deferral
  { code: 'X.7.0', category: 'deferred', classes: [4] },
  { code: 'X.7.0', category: 'policy', classes: [5], confidence: 0.3 },
  // docs/taxonomy.md: `policy` is the last resort AFTER text matching, never a mapping from 5.7.1 before the text
  // is read: this code layer runs after every text rule, and says it is unsure.
  {
    code: 'X.7.1',
    category: 'policy',
    classes: [5],
    confidence: 0.3,
    note: 'not authorized: reason unknown',
  },
  // 4.7.1 is the usual greylisting/deferral code (Postfix, postgrey; docs/taxonomy.md#decision-1: X.7.x → deferred).
  {
    code: 'X.7.1',
    category: 'deferred',
    classes: [4],
    confidence: 0.3,
    note: 'not authorized yet: try later',
  },
  { code: 'X.7.2', category: 'policy' },
  { code: 'X.7.3', category: 'tls-failure' },
  { code: 'X.7.4', category: 'tls-failure' },
  { code: 'X.7.5', category: 'tls-failure' },
  { code: 'X.7.6', category: 'tls-failure' },
  { code: 'X.7.7', category: 'authentication', note: 'message integrity (signature) failure' },
  { code: 'X.7.8', category: 'client-auth' },
  // RFC 4954 defines X.7.9 for AUTH (with 534); receiving servers (Yahoo, Sendmail) send 5.7.9 for
  // policy rejections, so only the AUTH reply codes read it as an authentication mechanism problem
  { code: 'X.7.9', category: 'client-auth', codes: [534, 535, 538] },
  { code: 'X.7.9', category: 'policy', confidence: 0.3 },
  {
    code: 'X.7.10',
    category: 'tls-failure',
    overrides: {
      scope: 'sender',
      permanence: 'permanent',
      changeRequired: true,
      reason: 'RFC 5248: encryption needed; they require TLS we did not use (docs/taxonomy.md#decision-2)',
    },
  },
  {
    code: 'X.7.11',
    category: 'tls-failure',
    overrides: {
      scope: 'sender',
      permanence: 'permanent',
      changeRequired: true,
      reason: 'RFC 4954: the AUTH mechanism needs TLS, which we did not use',
    },
  },
  { code: 'X.7.12', category: 'client-auth' },
  // RFC 5248: "occurs after a successful authentication to a disabled account" — our account
  { code: 'X.7.13', category: 'account-issue' },
  { code: 'X.7.14', category: 'client-auth' },
  { code: 'X.7.15', category: 'policy' },
  { code: 'X.7.16', category: 'message-too-large' },
  // RFC 7293 (RRVS): the mailbox or domain now belongs to someone else; the intended person is gone
  { code: 'X.7.17', category: 'recipient-moved' },
  { code: 'X.7.18', category: 'domain-invalid' },
  { code: 'X.7.19', category: 'policy' },
  { code: 'X.7.20', category: 'authentication' },
  { code: 'X.7.21', category: 'authentication' },
  { code: 'X.7.22', category: 'authentication' },
  { code: 'X.7.23', category: 'authentication' },
  { code: 'X.7.24', category: 'authentication' },
  { code: 'X.7.25', category: 'sender-infrastructure' },
  { code: 'X.7.26', category: 'authentication' },
  // RFC 7505 defines it as "sender address has null MX"; Gmail uses 4.7.27/5.7.27 for SPF failures.
  // Either way the fix is in our sending domain's DNS (docs/taxonomy.md: X.7.20–X.7.29 → authentication).
  { code: 'X.7.27', category: 'authentication' },
  { code: 'X.7.28', category: 'reputation', note: 'mail flood detected (Gmail 4.7.28: unsolicited rate)' },
  { code: 'X.7.29', category: 'authentication' },
  { code: 'X.7.30', category: 'tls-failure' },
];

function exampleFor(
  code: string,
  classes: readonly number[] | undefined,
  codes: readonly number[] | undefined,
): string {
  const first = classes?.[0] ?? 5;
  const basic = codes?.[0] ?? (first === 2 ? 250 : first === 4 ? 450 : 550);
  return `${basic} ${first}${code.slice(1)}`;
}

/** The code layer as rules: one rule per entry, found through the enhanced-code index. */
export const enhancedCodeRules: readonly Rule[] = entries.map((entry) => ({
  id: `code:${entry.code}${entry.classes === undefined ? '' : `/${entry.classes.join('')}`}${entry.codes === undefined ? '' : `/${entry.codes.join(',')}`}`,
  category: entry.category,
  enhanced: (entry.classes ?? [2, 4, 5]).map((digit) => `${digit}${entry.code.slice(1)}`),
  ...(entry.codes === undefined ? {} : { codes: entry.codes }),
  ...(entry.confidence === undefined ? {} : { confidence: entry.confidence }),
  ...entry.overrides,
  example: exampleFor(entry.code, entry.classes, entry.codes),
  source: 'IANA SMTP Enhanced Status Codes registry (RFC 3463, RFC 5248)',
}));

/** The IANA codes this layer covers (`X.1.1` …), for the coverage test. */
export const coveredEnhancedCodes: ReadonlySet<string> = new Set(entries.map((entry) => entry.code));
