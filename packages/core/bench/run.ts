// Runs every `bench/*.bench.ts` (each exports `cases: BenchCase[]`, printed as ops/s, `timed:
// TimedCase[]`, printed in their unit, and/or `lines`, printed as they are) and prints the figures,
// each beside its budget where it has one.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, format, formatTimed, keep, measure, type TimedCase } from './harness';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts') && (only === undefined || file.includes(only)))
  .sort();

console.log(`node ${process.version}, single thread\n`);
for (const file of files) {
  const module = (await import(pathToFileURL(`${dir}${file}`).href)) as {
    cases?: BenchCase[];
    timed?: TimedCase[];
    lines?: () => Promise<string[]>;
  };
  for (const line of (await module.lines?.()) ?? []) console.log(line);
  for (const timedCase of module.timed ?? []) console.log(formatTimed(timedCase, timedCase.samples()));
  for (const benchCase of module.cases ?? []) {
    console.log(format(benchCase, measure(benchCase)));
    for (const line of benchCase.report?.() ?? []) console.log(`  ${line}`);
  }
}
if (keep() === Symbol.for('never')) console.log('');
