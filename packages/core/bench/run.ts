// Runs every `bench/*.bench.ts` (each exports `cases: BenchCase[]`) and prints ops/s.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, format, keep, measure } from './harness';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts') && (only === undefined || file.includes(only)))
  .sort();

console.log(`node ${process.version}, single thread\n`);
for (const file of files) {
  const module = (await import(pathToFileURL(`${dir}${file}`).href)) as { cases: BenchCase[] };
  for (const benchCase of module.cases) {
    console.log(format(benchCase, measure(benchCase)));
    for (const line of benchCase.report?.() ?? []) console.log(`  ${line}`);
  }
}
if (keep() === Symbol.for('never')) console.log('');
