// `pnpm accuracy`: the confusion table (label category × verdict category) and every miss.
import { measureAccuracy } from './measure-accuracy';

const result = measureAccuracy();
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

console.log(`${result.total} labelled real replies (src/__fixtures__/replies.jsonl)\n`);
console.log(`category        ${percent(result.category)}   (bar 95 %)`);
console.log(`permanence      ${percent(result.permanence)}   (bar 97 %)`);
console.log(`scope           ${percent(result.scope)}   (bar 95 %)`);
console.log(`changeRequired  ${percent(result.changeRequired)}`);
console.log(
  `suppress violations (suppressRecipient where the label says no): ${result.suppressViolations.length}\n`,
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
console.log(`\nmisses (${misses.length})`);
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
