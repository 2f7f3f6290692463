// Runs every `bench/*.bench.ts` (each exports `cases: BenchCase[]`, printed as ops/s, `timed:
// TimedCase[]`, printed in their unit, and/or `lines`, printed as they are) and prints the figures,
// each beside its budget where it has one.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type BenchCase,
  format,
  formatPeer,
  formatTimed,
  keep,
  type Measurement,
  measure,
  type Peer,
  type TimedCase,
} from './harness';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts') && (only === undefined || file.includes(only)))
  .sort();

const turns = 3;

/**
 * A case and its peer take turns, the best of three each in CPU time (as packages/bounce's bench
 * does): a busy moment on a shared machine then slows one turn of both rather than one side only.
 */
async function sideBySide(
  benchCase: BenchCase,
  peer: Peer,
): Promise<{ measured: Measurement; peerRate: number | string }> {
  let measured = measure(benchCase);
  let peerRate = await peer.measure();
  // Not measurable (Sisimai missing): the reason is kept and this side is timed once.
  for (let turn = 1; turn < turns && typeof peerRate === 'number'; turn++) {
    const ours = measure(benchCase);
    if (ours.cpu > measured.cpu) measured = ours;
    const rate = await peer.measure();
    peerRate = typeof rate === 'number' ? Math.max(peerRate, rate) : rate;
  }
  return { measured, peerRate };
}

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
    if (benchCase.peer === undefined) {
      console.log(format(benchCase, measure(benchCase)));
    } else {
      const { measured, peerRate } = await sideBySide(benchCase, benchCase.peer);
      console.log(format(benchCase, measured));
      console.log(`  ${formatPeer(benchCase.peer, measured, peerRate)}`);
    }
    for (const line of benchCase.report?.() ?? []) console.log(`  ${line}`);
  }
}
if (keep() === Symbol.for('never')) console.log('');
