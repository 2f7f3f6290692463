// The verdict for one recipient of a report. The one precedence, first answer wins:
//   1. core's classifier on the diagnostic reply, with the DSN `Status` put in when the reply has no
//      enhanced code, and the failed command (a text rule of core beats every code rule);
//   2. when that rested on a bare code or nothing: the reporting MTA's own wording
//      (rules/bounce-wording.ts) in the diagnostic, then in the report's introduction;
//   3. core's classifier on the introduction (`context`), when the recipient has no reason of its own;
//   4. the status code alone;
//   5. `unknown`.
import {
  type ClassifyContext,
  classify,
  createClassifier,
  type SmtpCommand,
  type SmtpReply,
  type Verdict,
} from '@mailverdict/core';
import { bounceWordingRules } from '../rules/bounce-wording';

const wording = createClassifier({ rules: bounceWordingRules });

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

function withStatus(reply: SmtpReply, status: string | undefined): string | SmtpReply {
  if (status === undefined || reply.enhanced !== undefined) return reply;
  return `${reply.code ?? ''} ${status} ${reply.text}`.trim();
}

function fromWording(text: string | undefined, context: ClassifyContext): Verdict | undefined {
  if (text === undefined || text === '') return undefined;
  const verdict = wording.classify(text, context);
  return verdict.rule.startsWith('bounce:') ? verdict : undefined;
}

export function classifyRecipient(evidence: RecipientEvidence): Verdict {
  const context: ClassifyContext = {
    ...(evidence.command ? { command: evidence.command } : {}),
    ...(evidence.destination ? { destination: evidence.destination } : {}),
  };
  let best: Verdict | undefined;
  if (evidence.reply !== undefined) {
    best = classify(withStatus(evidence.reply, evidence.status), context);
    if (best.category !== 'unknown' && best.confidence >= textConfidence) return best;
    // A 2xx found in a failure report is a number in the prose (`Size: 250`), not the answer.
    if (best.category === 'delivered') best = undefined;
  }
  const own = fromWording(evidence.diagnostic, context);
  if (own !== undefined) return evidence.reply === undefined ? own : { ...own, reply: evidence.reply };
  if (best !== undefined && best.category !== 'unknown') return best;
  if (evidence.context !== undefined && evidence.context !== '') {
    const intro = classify(
      evidence.status ? `${evidence.status} ${evidence.context}` : evidence.context,
      context,
    );
    if (intro.category !== 'unknown' && intro.confidence >= textConfidence) return intro;
    const introWording = fromWording(evidence.context, context);
    if (introWording !== undefined) return introWording;
  }
  if (evidence.status !== undefined) return classify(evidence.status, context);
  return best ?? classify(evidence.diagnostic ?? '', context);
}
