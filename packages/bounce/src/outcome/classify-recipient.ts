// The verdict for one recipient of a report. The one precedence, first answer wins:
//   1. the reporting MTA's own specific wording (rules/mta-wording.ts) in the diagnostic;
//   2. core's classifier on the diagnostic reply, with the report's `Status` put in when the reply
//      has no enhanced code and the status says more than its class (not X.0.0), and the failed
//      command — when a text rule decided (core's text rules beat its code rules);
//   3. when core's verdict rested on a bare code or nothing: everyday failure wording
//      (rules/bounce-wording.ts) in the diagnostic;
//   4. core's code-based verdict;
//   5. the report's introduction (`context`), through core's text rules then the wording;
//   6. the status code alone; else `unknown`.
import {
  type Classifier,
  type ClassifyContext,
  classify,
  createClassifier,
  type SmtpCommand,
  type SmtpReply,
  type Verdict,
} from '@mailverdict/core';
import { bounceWordingRules } from '../rules/bounce-wording';
import { mtaWordingRules } from '../rules/mta-wording';
import { mayApply, phraseWords } from '../rules/phrase-words';

const mtaWording = createClassifier({ rules: mtaWordingRules });
const everydayWording = createClassifier({ rules: bounceWordingRules });
const wordsOf = new Map<Classifier, readonly string[] | undefined>([
  [mtaWording, phraseWords(mtaWordingRules)],
  [everydayWording, phraseWords(bounceWordingRules)],
]);

/** Below this, core's verdict came from a code or class rule, not from the text (core: layerConfidence). */
const textConfidence = 0.85;

export interface RecipientEvidence {
  readonly reply: SmtpReply | undefined;
  /** The diagnostic as written. */
  readonly diagnostic: string | undefined;
  readonly status: string | undefined;
  readonly command: SmtpCommand | undefined;
  readonly destination: string | undefined;
  /** The report's introduction or subject. */
  readonly context: string | undefined;
}

/** X.0.0 says nothing its class does not: the reply's own basic code says more. */
function informative(status: string | undefined): string | undefined {
  return status === undefined || status.endsWith('.0.0') ? undefined : status;
}

function withStatus(reply: SmtpReply, status: string | undefined): string | SmtpReply {
  const useful = informative(status);
  if (useful === undefined || reply.enhanced !== undefined) return reply;
  return `${reply.code ?? ''} ${useful} ${reply.text}`.trim();
}

/** The verdict of one of our own rule sets, or undefined when none of its rules applied. */
function fromRules(
  classifier: Classifier,
  text: string | undefined,
  context: ClassifyContext,
): Verdict | undefined {
  if (text === undefined || text === '' || !mayApply(wordsOf.get(classifier), text)) return undefined;
  const verdict = classifier.classify(text, context);
  return verdict.rule.startsWith('bounce:') ? verdict : undefined;
}

function withReply(verdict: Verdict, reply: SmtpReply | undefined): Verdict {
  return reply === undefined ? verdict : { ...verdict, reply };
}

/** Categories that say only that the sender stopped trying, or nothing: a give-up's reason says more. */
const vague: ReadonlySet<string> = new Set(['expired', 'network', 'deferred', 'unknown', 'delivered']);

/** How many pieces of a give-up notice are read for its reason (bounded work on hostile input). */
const maxPieces = 32;

/**
 * The reason a give-up notice names beside its give-up wording (Exim's `mailbox is full: retry
 * timeout exceeded`, qmail's `… Mailbox Full Giving up on …`): core's text verdict of each line,
 * sentence or `:`-separated piece, the first about the recipient's mailbox wins. A full mailbox that never emptied is
 * still a full mailbox (see build-outcome.ts, `expired`).
 */
function reasonBeside(diagnostic: string, context: ClassifyContext): Verdict | undefined {
  let pieces = 0;
  let start = 0;
  for (let index = 0; index <= diagnostic.length && pieces < maxPieces; index++) {
    const code = diagnostic.charCodeAt(index);
    // end, line break, ':' or '.' followed by a blank
    const next = diagnostic.charCodeAt(index + 1);
    const cut =
      index === diagnostic.length ||
      code === 10 ||
      ((code === 58 || code === 46) && (next === 32 || next === 10 || Number.isNaN(next)));
    if (!cut) continue;
    const piece = diagnostic.slice(start, index).trim();
    start = index + 1;
    if (piece.length < 8) continue;
    pieces++;
    const verdict = classify(piece, context);
    // Only the recipient's own mailbox is the reason a queue gave up on it; a message or sender
    // wording elsewhere in a long notice is not.
    if (!vague.has(verdict.category) && verdict.scope === 'recipient' && verdict.confidence >= textConfidence)
      return verdict;
  }
  return undefined;
}

export function classifyRecipient(evidence: RecipientEvidence): Verdict {
  const verdict = classifyWhole(evidence);
  if (verdict.category !== 'expired' || evidence.diagnostic === undefined) return verdict;
  const reason = reasonBeside(evidence.diagnostic, {
    ...(evidence.command ? { command: evidence.command } : {}),
    ...(evidence.destination ? { destination: evidence.destination } : {}),
  });
  return reason === undefined ? verdict : withReply(reason, evidence.reply);
}

function classifyWhole(evidence: RecipientEvidence): Verdict {
  const context: ClassifyContext = {
    ...(evidence.command ? { command: evidence.command } : {}),
    ...(evidence.destination ? { destination: evidence.destination } : {}),
  };
  const own = fromRules(mtaWording, evidence.diagnostic, context);
  if (own !== undefined) return withReply(own, evidence.reply);
  let best: Verdict | undefined;
  if (evidence.reply !== undefined) {
    best = classify(withStatus(evidence.reply, evidence.status), context);
    if (best.category !== 'unknown' && best.confidence >= textConfidence) return best;
    // A 2xx found in a failure report is a number in the prose (`Size: 250`), not the answer.
    if (best.category === 'delivered') best = undefined;
  }
  const everyday = fromRules(everydayWording, evidence.diagnostic, context);
  if (everyday !== undefined) return withReply(everyday, evidence.reply);
  if (best !== undefined && best.category !== 'unknown') return best;
  // A remote reply with a code of its own is this recipient's answer, even when it names no reason:
  // the introduction may speak of other recipients (a Sendmail transcript lists every attempt).
  if (evidence.context !== undefined && evidence.context !== '' && evidence.reply?.code === undefined) {
    const useful = informative(evidence.status);
    const intro = classify(useful ? `${useful} ${evidence.context}` : evidence.context, context);
    if (intro.category !== 'unknown' && intro.confidence >= textConfidence) return intro;
    const introWording =
      fromRules(mtaWording, evidence.context, context) ??
      fromRules(everydayWording, evidence.context, context);
    if (introWording !== undefined) return introWording;
  }
  if (evidence.status !== undefined) return classify(evidence.status, context);
  return best ?? classify(evidence.diagnostic ?? '', context);
}
