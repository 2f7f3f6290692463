// Scores the classifier against labelled real replies. Shared by `pnpm accuracy` and src/classify/accuracy.test.ts.
// Two corpora (src/__fixtures__/README.md): replies.jsonl, the replies the rules were first written
// from, and replies-unseen.jsonl, split once into a development half (rules may be written from it)
// and an evaluation half that only `pnpm accuracy` reads — never a test, never a rule author.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/classify/classify';
import { categoryDefaults } from '../src/verdict/taxonomy';
import type { Verdict } from '../src/verdict/verdict';

/** A label's answers against the taxonomy (docs/taxonomy.md). */
export interface Label {
  readonly category: string;
  /** Categories an expert would also give. */
  readonly accept: readonly string[];
  readonly permanence: string;
  readonly scope: string;
  readonly suppress: boolean;
  readonly changeRequired: boolean;
}

export interface LabelledReply extends Label {
  readonly id: string;
  readonly provider: string;
  readonly reply: string;
}

export interface Scored {
  readonly label: LabelledReply;
  readonly verdict: Verdict;
  readonly category: boolean;
  readonly permanence: boolean;
  /** The label's scope, or — when the category given is one of the label's accepted alternatives — that category's own scope. */
  readonly scope: boolean;
  /** The label's scope only. */
  readonly scopeStrict: boolean;
  /** suppressRecipient true where the label says the address must NOT be suppressed */
  readonly suppressViolation: boolean;
  readonly changeRequired: boolean;
}

export interface Accuracy {
  readonly total: number;
  readonly category: number;
  readonly permanence: number;
  readonly scope: number;
  readonly scopeStrict: number;
  readonly changeRequired: number;
  readonly suppressViolations: readonly Scored[];
  readonly scored: readonly Scored[];
}

export type Split = 'development' | 'evaluation';

/**
 * How a line of replies-unseen.jsonl was obtained (src/__fixtures__/README.md): copied from a real
 * bounce, quoted from the provider's or MTA's own documentation or source, or reconstructed from a
 * documented code and wording where no verbatim sample was at hand (not a real reply).
 */
export const evidenceKinds = ['observed', 'documented', 'reconstructed'] as const;
export type Evidence = (typeof evidenceKinds)[number];

export interface UnseenReply extends LabelledReply {
  readonly split: Split;
  readonly evidence: Evidence;
  /** The collection round a line was added in (`2026-12-06`), absent for the first rounds: lets `pnpm accuracy --batch` score a new batch alone. */
  readonly batch?: string;
}

/** A verbatim reply: observed or documented, not reconstructed. */
export function isVerbatim(reply: UnseenReply): boolean {
  return reply.evidence !== 'reconstructed';
}

function readJsonl<T>(name: string): T[] {
  const file = fileURLToPath(new URL(`../src/__fixtures__/${name}`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** The first corpus: the replies the rules were written from. */
export function loadReplies(): LabelledReply[] {
  return readJsonl<LabelledReply>('replies.jsonl');
}

/**
 * The half a line was given when the corpus was made: the fixed-seed hash of its id
 * (src/__fixtures__/README.md). A line may differ only by a recorded move to development.
 */
export function initialSplit(id: string): Split {
  const digest = createHash('sha256').update(`mailverdict-unseen-2026:${id}`).digest('hex');
  return Number.parseInt(digest.slice(0, 8), 16) % 2 === 1 ? 'evaluation' : 'development';
}

/** One half of the second corpus; the half is the line's stored `split` field, checked against its hash. */
export function loadUnseen(split: Split): UnseenReply[] {
  return loadUnseenCorpus().filter((reply) => reply.split === split);
}

/** The whole second corpus, every line's half checked against its hash (or a recorded move). */
export function loadUnseenCorpus(): UnseenReply[] {
  const lines = readJsonl<UnseenReply & { readonly note?: string }>('replies-unseen.jsonl');
  for (const line of lines) {
    const moved = line.split === 'development' && /\bMoved from the evaluation\b/.test(line.note ?? '');
    if (line.batch !== undefined && typeof line.batch !== 'string') {
      throw new Error(`replies-unseen.jsonl: ${line.id} has batch ${String(line.batch)}`);
    }
    if (!evidenceKinds.includes(line.evidence)) {
      throw new Error(`replies-unseen.jsonl: ${line.id} has evidence ${String(line.evidence)}`);
    }
    if (line.split !== initialSplit(line.id) && !moved) {
      throw new Error(
        `replies-unseen.jsonl: ${line.id} is in the ${line.split} half without a recorded move`,
      );
    }
  }
  return lines;
}

/**
 * Whether `scope` answers "whose problem is it" for the label. A label's `accept` lists the categories
 * an expert would also give; a verdict (or a second labeller) that gives one of them answers the
 * scope question for THAT reading — `policy` is the destination's, `spam-content` the message's — so
 * that category's own scope counts too. Scored strictly (the label's scope only), two careful
 * labellers agree on 92.5 % of 400 replies; read this way, on 96.8 % (src/__fixtures__/README.md).
 */
export function scopeAgrees(label: LabelledReply, category: string, scope: string): boolean {
  if (scope === label.scope) return true;
  if (category === label.category || !label.accept.includes(category)) return false;
  return (
    (categoryDefaults as Record<string, { readonly scope: string } | undefined>)[category]?.scope === scope
  );
}

/** What a verdict — or a second labeller — answers for one reply. */
interface Answer {
  readonly category: string;
  readonly permanence: string;
  readonly scope: string;
  readonly suppress: boolean;
  readonly changeRequired: boolean;
}

type Judgement = Omit<Scored, 'label' | 'verdict'>;

/** One answer against one label, the way every figure of `pnpm accuracy` counts it. */
function judge(label: LabelledReply, answer: Answer): Judgement {
  return {
    category: answer.category === label.category || label.accept.includes(answer.category),
    permanence: answer.permanence === label.permanence,
    scope: scopeAgrees(label, answer.category, answer.scope),
    scopeStrict: answer.scope === label.scope,
    suppressViolation: answer.suppress && !label.suppress,
    changeRequired: answer.changeRequired === label.changeRequired,
  };
}

/** The share of judgements right on each question. */
function shares(rows: readonly Judgement[]) {
  const share = (pick: (row: Judgement) => boolean) => rows.filter(pick).length / rows.length;
  return {
    total: rows.length,
    category: share((row) => row.category),
    permanence: share((row) => row.permanence),
    scope: share((row) => row.scope),
    scopeStrict: share((row) => row.scopeStrict),
    changeRequired: share((row) => row.changeRequired),
  };
}

function verdictAnswer(verdict: Verdict): Answer {
  return { ...verdict, suppress: verdict.suppressRecipient, changeRequired: verdict.retry.changeRequired };
}

export function measureAccuracy(labels: readonly LabelledReply[] = loadReplies()): Accuracy {
  const scored = labels.map((label): Scored => {
    const verdict = classify(label.reply);
    return { label, verdict, ...judge(label, verdictAnswer(verdict)) };
  });
  return { ...shares(scored), suppressViolations: scored.filter((item) => item.suppressViolation), scored };
}

/**
 * A second, independent label for a line of replies-unseen.jsonl (src/__fixtures__/relabelled.jsonl): given
 * blind — the labeller saw the reply, its provider and docs/taxonomy.md, never the first label nor a verdict.
 */
export interface Relabel extends Label {
  readonly id: string;
  readonly labeller: string;
}

export function loadRelabels(): Relabel[] {
  return readJsonl<Relabel>('relabelled.jsonl');
}

export interface Agreement {
  readonly total: number;
  /** The second labeller scored against the corpus label exactly as the classifier is (pnpm accuracy). */
  readonly labeller: Omit<Accuracy, 'scored' | 'suppressViolations'> & {
    readonly suppressViolations: number;
  };
  /** The classifier on the same lines. */
  readonly classifier: Omit<Accuracy, 'scored' | 'suppressViolations'> & {
    readonly suppressViolations: number;
  };
}

/**
 * How far two careful people agree on the corpus' labels: the ceiling a classifier can be measured
 * against. Scored on the lines of `corpus` that have a second label.
 */
export function measureAgreement(
  corpus: readonly UnseenReply[],
  relabels: readonly Relabel[] = loadRelabels(),
): Agreement {
  const byId = new Map(corpus.map((line) => [line.id, line]));
  const pairs = relabels.flatMap((second) => {
    const first = byId.get(second.id);
    return first === undefined ? [] : [{ first, second }];
  });
  const figures = (answer: (first: UnseenReply, second: Relabel) => Answer) => {
    const rows = pairs.map(({ first, second }) => judge(first, answer(first, second)));
    return { ...shares(rows), suppressViolations: rows.filter((row) => row.suppressViolation).length };
  };
  return {
    total: pairs.length,
    labeller: figures((_, second) => second),
    classifier: figures((first) => verdictAnswer(classify(first.reply))),
  };
}
