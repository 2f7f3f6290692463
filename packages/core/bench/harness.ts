// A small, dependency-free benchmark harness: each case runs in batches for a fixed time after a
// warm-up, as seven samples, and reports the median operations per second (an operation is what
// the case says: one reply, one decision...) with the slowest and fastest sample. Run with
// `pnpm bench`.
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

export interface Measurement {
  /** The median of the samples: what the line reports (one slow moment on a shared machine does not move it). */
  readonly median: number;
  readonly slowest: number;
  readonly fastest: number;
}

/** Runs `samples` timed samples of `seconds / samples` each, after a warm-up; operations per second. */
export function measure(benchCase: BenchCase, seconds = 2.1, samples = 7): Measurement {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) sink = benchCase.run();
  const rates: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    let runs = 0;
    const start = performance.now();
    const end = start + (seconds * 1000) / samples;
    let now = start;
    while (now < end) {
      for (let i = 0; i < 10; i++) sink = benchCase.run();
      runs += 10;
      now = performance.now();
    }
    rates.push((runs * benchCase.operationsPerRun) / ((now - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return {
    median: rates[samples >> 1] as number,
    slowest: rates[0] as number,
    fastest: rates[samples - 1] as number,
  };
}

function figure(opsPerSecond: number): string {
  return Math.round(opsPerSecond).toLocaleString('en-US');
}

export function format(benchCase: BenchCase, measured: Measurement): string {
  const { median } = measured;
  const target =
    benchCase.target === undefined
      ? ''
      : `  (target ${figure(benchCase.target)}: ${median >= benchCase.target ? 'met' : 'NOT MET'})`;
  const spread = `  [samples ${figure(measured.slowest)}–${figure(measured.fastest)}]`;
  return `${benchCase.name.padEnd(44)} ${figure(median).padStart(14)} ${benchCase.unit}/s${target}${spread}`;
}

/** A figure taken as a few whole runs rather than operations per second: the cold start, in ms. */
export interface TimedCase {
  readonly name: string;
  readonly unit: string;
  readonly samples: () => number[];
}

export function formatTimed(timedCase: TimedCase, samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] as number;
  const figure = (value: number) => value.toFixed(1);
  const spread = `  [samples ${figure(sorted[0] as number)}–${figure(sorted[sorted.length - 1] as number)}]`;
  return `${timedCase.name.padEnd(44)} ${figure(median).padStart(14)} ${timedCase.unit}${spread}`;
}

export function keep(): unknown {
  return sink;
}
