// `pnpm accuracy`: in-sample figures (replies.jsonl + the development half of replies-unseen.jsonl,
// the replies rules may be written from) and out-of-sample figures (the evaluation half, which only
// this script reads), each with its confusion table. src/__fixtures__/README.md: the split.
//
// The out-of-sample headline counts verbatim replies only (observed in a real bounce or quoted from
// the provider's or MTA's documentation); the reconstructed ones — a documented code and wording set
// in a reply format by hand — are scored apart, since they are not what a server actually sent.
//
// `--misses` lists the in-sample misses (rules may be written from them). Evaluation misses are
// never listed: reading them would be writing rules from the evaluation half.
//
// The labels' own ceiling: src/__fixtures__/relabelled.jsonl holds a second, blind label for a
// fixed-seed sample of verbatim lines; the second labeller is scored against the corpus labels the
// way the classifier is, beside the classifier on the same lines.
//
// `--batch <name>` also scores the lines of one collection round (their `batch` field) alone: a new
// batch's evaluation figures say how the rules do on replies collected after they were written.
import {
  type Accuracy,
  evidenceKinds,
  isVerbatim,
  loadReplies,
  loadUnseenCorpus,
  measureAccuracy,
  measureAgreement,
} from './measure-accuracy';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const listMisses = process.argv.includes('--misses');
const batchAt = process.argv.indexOf('--batch');
const batch = batchAt >= 0 ? process.argv[batchAt + 1] : undefined;

function figures(title: string, result: Accuracy): void {
  console.log(`\n=== ${title}: ${result.total} labelled replies ===`);
  console.log(`category        ${percent(result.category)}   (target 95 %)`);
  console.log(`permanence      ${percent(result.permanence)}   (target 98 %)`);
  console.log(
    `scope           ${percent(result.scope)}   (target 95 %; strictly the label's scope only: ${percent(result.scopeStrict)})`,
  );
  console.log(`changeRequired  ${percent(result.changeRequired)}`);
  console.log(
    `wrongful suppressions (suppressRecipient where the label says no): ${result.suppressViolations.length} (target 0)`,
  );
}

/** One row per label value, the verdict values it was given (aggregate counts only). */
function table(result: Accuracy, field: 'category' | 'scope', title: string): void {
  const rows = new Map<string, Map<string, number>>();
  for (const item of result.scored) {
    const label = item.label[field];
    const got = item[field] ? label : item.verdict[field];
    const row = rows.get(label) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    rows.set(label, row);
  }
  console.log(`\n${title} (label → verdict: count; an accepted alternative counts as the label)`);
  for (const [label, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [...row]
      .sort(([, a], [, b]) => b - a)
      .map(([got, count]) => (got === label ? `✓ ${count}` : `${got} ${count}`));
    console.log(`  ${label.padEnd(22)} ${cells.join(', ')}`);
  }
}

function confusion(result: Accuracy): void {
  table(result, 'category', 'category confusion');
  table(result, 'scope', 'scope confusion');
}

/** `list` is undefined for the evaluation half, whose misses are counted and never listed. */
function misses(result: Accuracy, list: boolean | undefined): void {
  const missed = result.scored.filter(
    (item) => !item.category || !item.permanence || !item.scope || item.suppressViolation,
  );
  const hint =
    list === undefined
      ? ' (evaluation misses are never listed)'
      : list
        ? ''
        : ' — pass --misses to list them';
  console.log(`\nmisses (${missed.length})${hint}`);
  if (!list) return;
  for (const item of missed) {
    const { label, verdict } = item;
    const parts = [
      item.category ? '' : `category ${verdict.category} ≠ ${label.category}`,
      item.permanence ? '' : `permanence ${verdict.permanence} ≠ ${label.permanence}`,
      item.scope ? '' : `scope ${verdict.scope} ≠ ${label.scope}`,
      item.suppressViolation ? 'SUPPRESSES' : '',
    ].filter((part) => part.length > 0);
    console.log(`  ${label.id.padEnd(18)} [${verdict.rule}] ${parts.join('; ')}`);
    console.log(`      ${label.reply.replace(/\n/g, ' ⏎ ').slice(0, 150)}`);
  }
}

const unseen = loadUnseenCorpus();
console.log('replies-unseen.jsonl by evidence (development / evaluation):');
for (const kind of evidenceKinds) {
  const of = unseen.filter((reply) => reply.evidence === kind);
  const inEvaluation = of.filter((reply) => reply.split === 'evaluation').length;
  console.log(`  ${kind.padEnd(14)} ${of.length} (${of.length - inEvaluation} / ${inEvaluation})`);
}
console.log(`  verbatim       ${unseen.filter(isVerbatim).length} (observed + documented)`);

const inSample = measureAccuracy([
  ...loadReplies(),
  ...unseen.filter((reply) => reply.split === 'development'),
]);
figures('in-sample (replies.jsonl + replies-unseen.jsonl development half)', inSample);
confusion(inSample);
misses(inSample, listMisses);

const evaluation = unseen.filter((reply) => reply.split === 'evaluation');
const verbatim = measureAccuracy(evaluation.filter(isVerbatim));
figures('OUT-OF-SAMPLE, the headline (evaluation half, verbatim replies)', verbatim);
confusion(verbatim);
misses(verbatim, undefined);
figures(
  'out-of-sample, reconstructed replies of the evaluation half (not verbatim; apart)',
  measureAccuracy(evaluation.filter((reply) => !isVerbatim(reply))),
);
figures('out-of-sample, whole evaluation half', measureAccuracy(evaluation));

if (batch !== undefined) {
  const ofBatch = evaluation.filter((reply) => reply.batch === batch);
  const development = unseen.filter((reply) => reply.batch === batch && reply.split === 'development');
  console.log(`\nbatch ${batch}: ${development.length} development / ${ofBatch.length} evaluation lines`);
  if (ofBatch.length + development.length === 0) {
    console.log(`no line of replies-unseen.jsonl has "batch": ${JSON.stringify(batch)}`);
    process.exit(1);
  }
  figures(
    `out-of-sample, batch ${batch} alone (evaluation half, verbatim)`,
    measureAccuracy(ofBatch.filter(isVerbatim)),
  );
  figures(`in-sample, batch ${batch} alone (development half)`, measureAccuracy(development));
}

const agreement = (title: string, lines: typeof unseen) => {
  const { labeller, classifier, total } = measureAgreement(lines);
  const row = (who: string, figures: typeof labeller) =>
    `  ${who.padEnd(30)} ${percent(figures.category).padStart(7)} ${percent(figures.permanence).padStart(11)} ${percent(figures.scope).padStart(7)} ${percent(figures.scopeStrict).padStart(13)}   ${figures.suppressViolations}`;
  console.log(`\n=== ${title}: ${total} replies with a second, blind label ===`);
  console.log(`  ${''.padEnd(30)} category  permanence   scope  scope strictly   wrongful suppressions`);
  console.log(row('a second labeller', labeller));
  console.log(row('the classifier', classifier));
};
agreement("the labels' own ceiling (verbatim lines of both halves)", unseen.filter(isVerbatim));
agreement('the same, evaluation half only', evaluation.filter(isVerbatim));
