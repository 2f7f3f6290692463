// An explanation as text a support engineer can paste into a ticket: plain text (no markup at all)
// or Markdown (headings, lists, the reply in a fenced block).
import type { Explanation } from './explanation';

export type ExplanationFormat = 'text' | 'markdown';

function codeLines(explanation: Explanation): string[] {
  const lines: string[] = [];
  const { replyCode, status } = explanation;
  if (replyCode !== undefined) {
    const meaning = replyCode.meaning === undefined ? 'not defined by any RFC' : replyCode.meaning;
    lines.push(`${replyCode.code}: ${replyCode.classMeaning}; ${meaning}`);
  }
  if (status !== undefined) {
    const parts: string[] = [status.classMeaning];
    if (status.subjectMeaning !== undefined) parts.push(status.subjectMeaning);
    parts.push(
      status.registered
        ? `${status.summary ?? ''} (${(status.references ?? []).join(', ')})`
        : 'detail not in the IANA registry',
    );
    const code = explanation.statusInferred
      ? `${status.code} (inferred from the category; no server sent it)`
      : status.code;
    lines.push(`${code}: ${parts.join('; ')}`);
  }
  if (explanation.codeNote !== undefined) lines.push(explanation.codeNote);
  return lines;
}

/** Longest run of backticks in `text`, so the fence around it can be longer. */
function fenceFor(text: string): string {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Markdown-significant characters in running text, escaped (CommonMark §2.4). */
function escapeMarkdown(text: string): string {
  let out = '';
  for (const char of text) out += '\\`*_[]<>#|'.includes(char) ? `\\${char}` : char;
  return out;
}

/** What the provider reported, when an outcome was explained. */
function outcomeLines(explanation: Explanation): string[] {
  const outcome = explanation.outcome;
  if (outcome === undefined) return [];
  const lines = [`Provider: ${outcome.provider} (${outcome.event})`];
  if (outcome.recipient !== undefined) lines.push(`Recipient: ${outcome.recipient}`);
  const codes = Object.entries(outcome.providerDetail)
    .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`);
  if (codes.length > 0) lines.push(`Provider codes: ${codes.join(', ')}`);
  return lines;
}

function toText(explanation: Explanation): string {
  const out: string[] = [explanation.headline, '', explanation.summary, ...explanation.outlook];
  const section = (title: string, items: readonly string[], numbered = false) => {
    if (items.length === 0) return;
    out.push('', `${title}:`);
    items.forEach((item, index) => {
      out.push(`  ${numbered ? `${index + 1}.` : '-'} ${item}`);
    });
  };
  section('Outcome', outcomeLines(explanation));
  if (explanation.replyText !== undefined) out.push('', 'Reply:', `  ${explanation.replyText}`);
  if (explanation.rawReply !== undefined && explanation.rawReply !== explanation.replyText) {
    out.push('', 'Raw reply:', ...explanation.rawReply.split(/\r\n|\r|\n/).map((line) => `  ${line}`));
  }
  section('Codes', codeLines(explanation));
  section('Likely causes', explanation.causes);
  section('What to do', explanation.steps, true);
  section(
    'Links',
    explanation.links.map((link) => `${link.title}: ${link.url}`),
  );
  return `${out.join('\n')}\n`;
}

function toMarkdown(explanation: Explanation): string {
  const out: string[] = [
    `## ${escapeMarkdown(explanation.headline)}`,
    '',
    escapeMarkdown(explanation.summary),
    '',
  ];
  for (const line of explanation.outlook) out.push(`- ${escapeMarkdown(line)}`);
  const section = (title: string, items: readonly string[], numbered = false) => {
    if (items.length === 0) return;
    out.push('', `### ${title}`, '');
    items.forEach((item, index) => {
      out.push(`${numbered ? `${index + 1}.` : '-'} ${item}`);
    });
  };
  section('Outcome', outcomeLines(explanation).map(escapeMarkdown));
  if (explanation.replyText !== undefined) {
    const fence = fenceFor(explanation.replyText);
    out.push('', '### Reply', '', `${fence}text`, explanation.replyText, fence);
  }
  if (explanation.rawReply !== undefined && explanation.rawReply !== explanation.replyText) {
    const fence = fenceFor(explanation.rawReply);
    out.push('', '### Raw reply', '', `${fence}text`, explanation.rawReply, fence);
  }
  section('Codes', codeLines(explanation).map(escapeMarkdown));
  section('Likely causes', explanation.causes.map(escapeMarkdown));
  section('What to do', explanation.steps.map(escapeMarkdown), true);
  section(
    'Links',
    explanation.links.map((link) => `[${escapeMarkdown(link.title)}](<${link.url}>)`),
  );
  return `${out.join('\n')}\n`;
}

/**
 * Formats an explanation for a ticket or a log: `text` (plain, no markup) or `markdown`.
 *
 * @throws TypeError when `explanation` is not an object or `format` is neither `text` nor `markdown`.
 */
export function formatExplanation(explanation: Explanation, format: ExplanationFormat = 'text'): string {
  if (typeof explanation !== 'object' || explanation === null || typeof explanation.headline !== 'string') {
    throw new TypeError('formatExplanation: `explanation` must be the result of explain()');
  }
  if (format === 'text') return toText(explanation);
  if (format === 'markdown') return toMarkdown(explanation);
  throw new TypeError("formatExplanation: `format` must be 'text' or 'markdown'");
}
