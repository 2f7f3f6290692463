// `pnpm bench`: the cold start — the first `classify` in a fresh process, which compiles the rules
// into one automaton before it answers. A serverless function or an edge isolate that classifies one
// webhook per start pays it on every start, so it is measured in new processes, not in a warm loop.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TimedCase } from './harness';

const child = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));

function firstClassifyMs(): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8' });
  const elapsed = Number(result.stdout);
  if (result.status !== 0 || !Number.isFinite(elapsed)) {
    throw new Error(`cold-start child failed (status ${result.status}): ${result.stderr.trim()}`);
  }
  return elapsed;
}

export const timed: TimedCase[] = [
  {
    name: 'first classify (fresh process)',
    unit: 'ms',
    samples: () => Array.from({ length: 7 }, firstClassifyMs),
    budget: 50,
  },
];
