// Scores the classifier against the labelled real replies (src/__fixtures__/replies.jsonl, copied
// from the project's reference data). Shared by `pnpm accuracy` and src/classify/accuracy.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/classify/classify';
import type { Verdict } from '../src/verdict/verdict';

export interface LabelledReply {
  readonly id: string;
  readonly provider: string;
  readonly reply: string;
  readonly category: string;
  readonly accept: readonly string[];
  readonly permanence: string;
  readonly scope: string;
  readonly suppress: boolean;
  readonly changeRequired: boolean;
}

export interface Scored {
  readonly label: LabelledReply;
  readonly verdict: Verdict;
  readonly category: boolean;
  readonly permanence: boolean;
  readonly scope: boolean;
  /** suppressRecipient true where the label says the address must NOT be suppressed */
  readonly suppressViolation: boolean;
  readonly changeRequired: boolean;
}

export interface Accuracy {
  readonly total: number;
  readonly category: number;
  readonly permanence: number;
  readonly scope: number;
  readonly changeRequired: number;
  readonly suppressViolations: readonly Scored[];
  readonly scored: readonly Scored[];
}

export function loadReplies(): LabelledReply[] {
  const file = fileURLToPath(new URL('../src/__fixtures__/replies.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledReply);
}

export function measureAccuracy(labels: readonly LabelledReply[] = loadReplies()): Accuracy {
  const scored = labels.map((label): Scored => {
    const verdict = classify(label.reply);
    return {
      label,
      verdict,
      category: verdict.category === label.category || label.accept.includes(verdict.category),
      permanence: verdict.permanence === label.permanence,
      scope: verdict.scope === label.scope,
      suppressViolation: verdict.suppressRecipient && !label.suppress,
      changeRequired: verdict.retry.changeRequired === label.changeRequired,
    };
  });
  const share = (pick: (item: Scored) => boolean) => scored.filter(pick).length / scored.length;
  return {
    total: scored.length,
    category: share((item) => item.category),
    permanence: share((item) => item.permanence),
    scope: share((item) => item.scope),
    changeRequired: share((item) => item.changeRequired),
    suppressViolations: scored.filter((item) => item.suppressViolation),
    scored,
  };
}
