// A small, dependency-free benchmark harness: each case runs in batches for a fixed time after a
// warm-up, and reports operations per second (an operation is what the case says: one reply, one
// decision...). Run with `pnpm bench`.
export interface BenchCase {
  readonly name: string;
  /** What one operation is, for the printed line: "replies", "classifications"… */
  readonly unit: string;
  /** How many operations one call of `run` performs. */
  readonly operationsPerRun: number;
  readonly run: () => unknown;
  /** The figure the issue asks for, printed beside the result. */
  readonly target?: number;
  /** Extra lines to print after the result (memory per item…). */
  readonly report?: () => string[];
}

let sink: unknown;

export function measure(benchCase: BenchCase, seconds = 1.5): number {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) sink = benchCase.run();
  let runs = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 10; i++) sink = benchCase.run();
    runs += 10;
    now = performance.now();
  }
  return (runs * benchCase.operationsPerRun) / ((now - start) / 1000);
}

export function format(benchCase: BenchCase, opsPerSecond: number): string {
  const figure = Math.round(opsPerSecond).toLocaleString('en-US');
  const target =
    benchCase.target === undefined
      ? ''
      : `  (target ${benchCase.target.toLocaleString('en-US')}: ${opsPerSecond >= benchCase.target ? 'met' : 'NOT MET'})`;
  return `${benchCase.name.padEnd(44)} ${figure.padStart(14)} ${benchCase.unit}/s${target}`;
}

export function keep(): unknown {
  return sink;
}
