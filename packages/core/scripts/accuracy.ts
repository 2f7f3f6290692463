// `pnpm accuracy`: in-sample figures (replies.jsonl + the development half of replies-unseen.jsonl,
// the replies rules may be written from) and out-of-sample figures (the evaluation half, which only
// this script reads), each with its confusion table and misses. src/__fixtures__/README.md: the split.
import { type Accuracy, loadReplies, loadUnseen, measureAccuracy } from './measure-accuracy';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const verbose = process.argv.includes('--misses');

function report(title: string, result: Accuracy, showMisses: boolean): void {
  console.log(`\n=== ${title}: ${result.total} labelled replies ===`);
  console.log(`category        ${percent(result.category)}   (target 95 %)`);
  console.log(`permanence      ${percent(result.permanence)}   (target 98 %)`);
  console.log(`scope           ${percent(result.scope)}   (target 95 %)`);
  console.log(`changeRequired  ${percent(result.changeRequired)}`);
  console.log(
    `wrongful suppressions (suppressRecipient where the label says no): ${result.suppressViolations.length} (target 0)\n`,
  );

  // Confusion table: one row per labelled category, the verdict categories it was given.
  const rows = new Map<string, Map<string, number>>();
  for (const item of result.scored) {
    const got = item.category ? item.label.category : item.verdict.category;
    const row = rows.get(item.label.category) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    rows.set(item.label.category, row);
  }
  console.log('confusion (label → verdict: count; an accepted alternative counts as the label)');
  for (const [label, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [...row]
      .sort(([, a], [, b]) => b - a)
      .map(([got, count]) => (got === label ? `✓ ${count}` : `${got} ${count}`));
    console.log(`  ${label.padEnd(22)} ${cells.join(', ')}`);
  }

  const misses = result.scored.filter(
    (item) => !item.category || !item.permanence || !item.scope || item.suppressViolation,
  );
  console.log(`\nmisses (${misses.length})${showMisses ? '' : ' — pass --misses to list them'}`);
  if (!showMisses) return;
  for (const item of misses) {
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

// In-sample misses are listed: rules may be written from them. Out-of-sample misses are not
// listed unless asked, so that reading them stays a deliberate act (and a moved reply is recorded).
report(
  'in-sample (replies.jsonl + replies-unseen.jsonl development half)',
  measureAccuracy([...loadReplies(), ...loadUnseen('development')]),
  true,
);
report(
  'out-of-sample (replies-unseen.jsonl evaluation half)',
  measureAccuracy(loadUnseen('evaluation')),
  verbose,
);
