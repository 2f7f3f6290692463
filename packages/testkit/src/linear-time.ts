// For linear-time tests: how much longer one call on a 1 MB input takes than one call on a 100 KB
// input. A linear algorithm gives about 10; a backtracking or rescanning one gives ~100 or more.
// Measured in CPU time, so it needs Node (`process.cpuUsage`). Used by mailverdict's own
// `*.linear.test.ts` (core's reach it from source through the test aliases: core cannot depend on
// testkit, which depends on core).

/** CPU time in ms (not wall time: other processes on a shared machine must not count). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timePerCall(run: (input: string) => unknown, inputs: readonly string[], repeat: number): number {
  const start = cpuMs();
  for (let index = 0; index < repeat; index++) for (const input of inputs) run(input);
  return (cpuMs() - start) / repeat / inputs.length;
}

/**
 * Median ratio of the time per call on `large` to the time per call on `smalls`. Pass ten distinct
 * 100 KB strings as `smalls`, so both sides touch 1 MB of memory: a single 100 KB string stays in the
 * CPU cache and would look 3–4× faster per character than anything that does not. Samples alternate
 * so both see the same JIT and GC state, and last about 5 ms each.
 */
export function linearTimeRatio(
  run: (input: string) => unknown,
  smalls: readonly string[],
  large: string,
): number {
  const once = Math.max(timePerCall(run, [large], 1), 0.001);
  const repeat = Math.min(100, Math.max(1, Math.round(5 / once)));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let sample = 0; sample < 9; sample++) {
    smallTimes.push(timePerCall(run, smalls, repeat));
    largeTimes.push(timePerCall(run, [large], repeat));
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[4] ?? 0;
  return median(largeTimes) / Math.max(median(smallTimes), 0.00001);
}

/**
 * The most a linear function may show on these inputs. Near 10 in principle, but a function that must
 * build a fresh string or array as large as its input (the joined `text` of 20,000 lines) pays the
 * runtime's own cost for that size: V8 places objects that large outside the young generation and
 * that costs several times more per character at 1 MB than at 100 KB. So the bound is 40, or three
 * times what the runtime's own linear `split` + `join` of the same inputs shows, whichever is larger:
 * a quadratic function (~100× and growing) fails either way. (40, not 30: on Node 24, core's
 * parseReply of inline continuations measured 10–34 here while its time per character stays flat,
 * 11–15 ns, from 100 KB to 8 MB — the noise of that jump in size, not a growing cost.)
 */
export function linearTimeBound(smalls: readonly string[], large: string): number {
  const baseline = linearTimeRatio((input) => input.split('\n').join(' '), smalls, large);
  return Math.max(40, 3 * baseline);
}

/** `unit` repeated to `size` characters after `prefix`; `variant` trailing spaces keep copies distinct. */
export function hostileInput(prefix: string, unit: string, size: number, variant = 0): string {
  return prefix + unit.repeat(Math.ceil((size - prefix.length) / unit.length)) + ' '.repeat(variant);
}

/**
 * Measures `run`'s ratio against the bound up to three times and returns the first measurement under
 * it (or the last one). A shared machine can slow one measurement down; a quadratic function is
 * over the bound every time, so retrying hides noise, not a real problem.
 */
export function measureLinearTime(
  run: (input: string) => unknown,
  smalls: readonly string[],
  large: string,
): { ratio: number; bound: number } {
  let measurement = { ratio: Number.POSITIVE_INFINITY, bound: 0 };
  for (let attempt = 0; attempt < 3; attempt++) {
    measurement = { ratio: linearTimeRatio(run, smalls, large), bound: linearTimeBound(smalls, large) };
    if (measurement.ratio < measurement.bound) break;
  }
  return measurement;
}
