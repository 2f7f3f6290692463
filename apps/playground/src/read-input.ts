// One input, three kinds of text: an SMTP reply, a provider's webhook or error JSON, or a whole bounce email.
import { classify, type DeliveryOutcome, type Verdict } from '@mailverdict/core';
import { recogniseJson } from './recognise-json';

/** One verdict to show: a reply gives one, a webhook or a bounce email one per recipient and event. */
export interface Finding {
  readonly verdict: Verdict;
  /** The provider's or the report's outcome the verdict belongs to, when there is one. */
  readonly outcome?: DeliveryOutcome;
}

export type Reading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'problem'; readonly message: string }
  | {
      readonly kind: 'reply' | 'json' | 'email';
      /** What the input was read as: `SMTP reply`, `Postmark bounce webhook`, `Bounce email (postfix)`. */
      readonly label: string;
      readonly findings: readonly Finding[];
      /** What went wrong reading it, in words (a bounce email's `problems`). */
      readonly notes: readonly string[];
    };

// Header field names (RFC 5322 §2.2: printable ASCII but colon); one plain character class, no backtracking.
const headerLine = /^[!-9;-~]+:/;
const mailHeaders = new Set([
  'from',
  'to',
  'subject',
  'date',
  'received',
  'return-path',
  'message-id',
  'mime-version',
  'content-type',
  'delivered-to',
  'x-failed-recipients',
]);

/**
 * A whole email starts with a header block: every line up to the first blank one is a header field or
 * its folded continuation (RFC 5322 §2.2.3), at least two fields, one of them a field every email has.
 * A single `Diagnostic-Code: smtp; 550 …` line is a reply, not an email. A first line `From sender date`
 * is the separator of an mbox file (RFC 4155), as a saved bounce often starts.
 */
export function looksLikeEmail(text: string): boolean {
  let fields = 0;
  let known = false;
  let start = text.startsWith('From ') ? text.indexOf('\n') + 1 : 0;
  if (start === 0 && text.startsWith('From ')) return false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line === '') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (fields === 0) return false;
    } else if (headerLine.test(line)) {
      fields += 1;
      if (mailHeaders.has(line.slice(0, line.indexOf(':')).toLowerCase())) known = true;
    } else {
      return false;
    }
    start = end + 1;
  }
  return fields >= 2 && known;
}

function outcomeFindings(outcomes: readonly DeliveryOutcome[]): Finding[] {
  return outcomes.map((outcome) => ({ verdict: outcome.verdict, outcome }));
}

async function readEmail(text: string): Promise<Reading> {
  // Loaded on the first email only: the bounce reader (and postal-mime) builds its own classifier when
  // it loads, which would otherwise delay the page's first render for every visitor.
  const { parseBounce } = await import('@mailverdict/bounce');
  const report = await parseBounce(text);
  const notes = [...report.problems];
  if (report.outcomes.length === 0) {
    notes.unshift(
      report.kind === 'not-a-bounce'
        ? 'This email is not a bounce, a delay notice, a complaint or an auto-reply: there is nothing to judge.'
        : 'The report names no recipient.',
    );
  }
  return {
    kind: 'email',
    label: `Bounce email (${report.kind}, read as ${report.format})`,
    findings: outcomeFindings(report.outcomes),
    notes,
  };
}

function readJson(text: string): Reading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'problem',
      message: `This looks like JSON but does not parse: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  const recognised = recogniseJson(value);
  if (recognised === undefined) {
    return {
      kind: 'problem',
      message:
        'This JSON is not a webhook or API error of Postmark, Amazon SES (SNS, EventBridge or raw), SendGrid, Mailgun or Resend. Paste the body exactly as the provider sent it.',
    };
  }
  const notes =
    recognised.outcomes.length === 0
      ? ['This event says nothing about delivery (a subscription message, an open or a click): no verdict.']
      : [];
  return { kind: 'json', label: recognised.label, findings: outcomeFindings(recognised.outcomes), notes };
}

async function read(text: string): Promise<Reading> {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJson(trimmed);
  if (looksLikeEmail(text.trimStart())) return readEmail(text.trimStart());
  return { kind: 'reply', label: 'SMTP reply', findings: [{ verdict: classify(trimmed) }], notes: [] };
}

/**
 * Reads what was pasted. Never throws: the converters and `parseBounce` promise to answer anything they
 * cannot read with an `unknown` outcome, and `classify` never throws on a string; should one of them
 * throw all the same, the page says so instead of showing the previous verdict.
 */
export async function readInput(text: string): Promise<Reading> {
  try {
    return await read(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'problem',
      message: `mailverdict failed on this input (a bug worth reporting): ${reason}`,
    };
  }
}
