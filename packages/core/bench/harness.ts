// A small, dependency-free benchmark harness: each case runs in batches for a fixed time after a
// warm-up, as seven samples, and reports the median operations per second (an operation is what
// the case says: one reply, one decision...) with the slowest and fastest sample. A case whose budget
// is a ratio against a peer (Sisimai) is also timed in CPU time, as the peer is, and printed beside
// it. Run with `pnpm bench`.
export interface BenchCase {
  readonly name: string;
  /** What one operation is, for the printed line: "replies", "classifications"… */
  readonly unit: string;
  /** How many operations one call of `run` performs. */
  readonly operationsPerRun: number;
  readonly run: () => unknown;
  /** The budget (a minimum rate), printed beside the result with MET / NOT MET. */
  readonly target?: number;
  /** The budget as a ratio against a peer doing the same work, measured beside this case. */
  readonly peer?: Peer;
  /** Extra lines to print after the result (memory per item…). */
  readonly report?: () => string[];
}

/** Another implementation timed on the same input, for a budget stated as "at least `ratio` × its rate". */
export interface Peer {
  /** Who, as printed: "Sisimai::Reason->match". */
  readonly name: string;
  readonly ratio: number;
  /** The peer's operations per CPU-second, or why it was not measured (printed instead of the ratio). */
  readonly measure: () => Promise<number | string>;
}

let sink: unknown;

export interface Measurement {
  /** The median of the samples: what the line reports (one slow moment on a shared machine does not move it). */
  readonly median: number;
  readonly slowest: number;
  readonly fastest: number;
  /** Operations per CPU-second of this process over all the samples: what a peer's rate is compared with. */
  readonly cpu: number;
}

/** Runs `samples` timed samples of `seconds / samples` each, after a warm-up; operations per second. */
export function measure(benchCase: BenchCase, seconds = 2.1, samples = 7): Measurement {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) sink = benchCase.run();
  const rates: number[] = [];
  let operations = 0;
  const cpuStart = process.cpuUsage();
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
    operations += runs * benchCase.operationsPerRun;
  }
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const { median, lowest, highest } = summarize(rates);
  return { median, slowest: lowest, fastest: highest, cpu: operations / cpuSeconds };
}

/** The median, lowest and highest of some samples. */
function summarize(samples: readonly number[]): { median: number; lowest: number; highest: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[sorted.length >> 1] as number,
    lowest: sorted[0] as number,
    highest: sorted[sorted.length - 1] as number,
  };
}

/** One printed line: name, median, unit, a note, and the spread of the samples. */
function row(
  name: string,
  shown: { median: string; lowest: string; highest: string },
  unit: string,
  note: string,
): string {
  return `${name.padEnd(44)} ${shown.median.padStart(14)} ${unit}${note}  [samples ${shown.lowest}–${shown.highest}]`;
}

function figure(opsPerSecond: number): string {
  return Math.round(opsPerSecond).toLocaleString('en-US');
}

export function format(benchCase: BenchCase, measured: Measurement): string {
  const { median } = measured;
  const target =
    benchCase.target === undefined
      ? ''
      : `  (budget ≥ ${figure(benchCase.target)}: ${median >= benchCase.target ? 'MET' : 'NOT MET'})`;
  const shown = {
    median: figure(median),
    lowest: figure(measured.slowest),
    highest: figure(measured.fastest),
  };
  return row(benchCase.name, shown, `${benchCase.unit}/s`, target);
}

/**
 * The line under a case with a peer: both rates in CPU time (on a shared machine, wall time counts
 * the other processes too) and the ratio beside its budget, or why the peer was not measured.
 */
export function formatPeer(peer: Peer, measured: Measurement, peerRate: number | string): string {
  if (typeof peerRate === 'string') return `${peer.name}: not measured — ${peerRate}`;
  const ratio = measured.cpu / peerRate;
  const verdict = ratio >= peer.ratio ? 'MET' : 'NOT MET';
  return (
    `${ratio.toFixed(1)}× ${peer.name} (${figure(measured.cpu)} vs ${figure(peerRate)} per CPU-second; ` +
    `budget ≥ ${peer.ratio}×: ${verdict})`
  );
}

/** A figure taken as a few whole runs rather than operations per second: the cold start, in ms. */
export interface TimedCase {
  readonly name: string;
  readonly unit: string;
  readonly samples: () => number[];
  /** The budget (a maximum), printed beside the median with MET / NOT MET. */
  readonly budget?: number;
}

export function formatTimed(timedCase: TimedCase, samples: readonly number[]): string {
  const { median, lowest, highest } = summarize(samples);
  const shown = { median: median.toFixed(1), lowest: lowest.toFixed(1), highest: highest.toFixed(1) };
  const budget =
    timedCase.budget === undefined
      ? ''
      : `  (budget ≤ ${timedCase.budget} ${timedCase.unit}: ${median <= timedCase.budget ? 'MET' : 'NOT MET'})`;
  return row(timedCase.name, shown, timedCase.unit, budget);
}

export function keep(): unknown {
  return sink;
}
