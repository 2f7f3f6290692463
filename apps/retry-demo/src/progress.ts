// The live progress display: counts by state, per provider and per destination. In a terminal it
// redraws in place; otherwise (CI, a pipe, a test) it prints one plain line at most every second.
import type { Store } from './store';

export interface ProgressSnapshot {
  readonly now: number;
  readonly startedAt: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly byProvider: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byDestination: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly attempts: number;
}

export function takeSnapshot(store: Store, now: number, startedAt: number): ProgressSnapshot {
  const rows = store
    .sql(
      'SELECT provider, destination, state, COUNT(*) AS n FROM messages GROUP BY provider, destination, state',
    )
    .all() as Array<{ provider: string; destination: string; state: string; n: number }>;
  const byState: Record<string, number> = {};
  const byProvider: Record<string, Record<string, number>> = {};
  const byDestination: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    byState[row.state] = (byState[row.state] ?? 0) + row.n;
    let provider = byProvider[row.provider];
    if (provider === undefined) {
      provider = {};
      byProvider[row.provider] = provider;
    }
    provider[row.state] = (provider[row.state] ?? 0) + row.n;
    let destination = byDestination[row.destination];
    if (destination === undefined) {
      destination = {};
      byDestination[row.destination] = destination;
    }
    destination[row.state] = (destination[row.state] ?? 0) + row.n;
  }
  const attempts = (store.sql('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
  return { now, startedAt, byState, byProvider, byDestination, attempts };
}

const stateOrder = ['queued', 'sending', 'accepted', 'delivered', 'bounced', 'suppressed', 'held', 'expired'];

function counts(record: Readonly<Record<string, number>>): string {
  return stateOrder
    .filter((state) => (record[state] ?? 0) > 0)
    .map((state) => `${state} ${record[state]}`)
    .join(', ');
}

export function formatElapsed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d ${String(hours).padStart(2, '0')}h${String(rest).padStart(2, '0')}m`;
  if (hours > 0) return `${hours}h${String(rest).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m`;
  return `${Math.round(ms / 1000)}s`;
}

/** One line, for logs and non-terminal output. */
export function formatProgressLine(snapshot: ProgressSnapshot): string {
  const providers = Object.keys(snapshot.byProvider)
    .sort()
    .map((provider) => `${provider}: ${counts(snapshot.byProvider[provider] ?? {})}`)
    .join(' | ');
  return `[sim +${formatElapsed(snapshot.now - snapshot.startedAt)}] ${counts(snapshot.byState)} (attempts ${snapshot.attempts}) — ${providers}`;
}

/** Several lines, for the redrawn terminal display. */
export function formatProgressBlock(snapshot: ProgressSnapshot): string[] {
  const lines = [
    `simulated time +${formatElapsed(snapshot.now - snapshot.startedAt)}   attempts ${snapshot.attempts}`,
    `  all        ${counts(snapshot.byState)}`,
  ];
  for (const provider of Object.keys(snapshot.byProvider).sort()) {
    lines.push(`  ${provider.padEnd(10)} ${counts(snapshot.byProvider[provider] ?? {})}`);
  }
  for (const destination of Object.keys(snapshot.byDestination).sort()) {
    lines.push(`    ${destination.padEnd(22)} ${counts(snapshot.byDestination[destination] ?? {})}`);
  }
  return lines;
}

export interface Progress {
  /** Called often; the snapshot is only taken when it will be shown. */
  update(snapshot: () => ProgressSnapshot): void;
  /** Prints the last state for good (and leaves the cursor below it). */
  finish(snapshot: ProgressSnapshot): void;
}

export function createProgress(mode: 'auto' | 'plain' | 'off', stream: NodeJS.WriteStream): Progress {
  if (mode === 'off') return { update() {}, finish() {} };
  const redraw = mode === 'auto' && stream.isTTY === true;
  let drawn = 0;
  let lastAt = 0;
  const draw = (snapshot: ProgressSnapshot): void => {
    const lines = formatProgressBlock(snapshot);
    // Move up over the previous block and clear each line (ECMA-48 CUU and EL).
    const up = drawn > 0 ? `\x1b[${drawn}A` : '';
    stream.write(`${up}${lines.map((line) => `\x1b[2K${line}`).join('\n')}\n`);
    drawn = lines.length;
  };
  return {
    update(snapshot) {
      const real = Date.now();
      if (redraw) {
        if (real - lastAt < 100) return;
        lastAt = real;
        draw(snapshot());
        return;
      }
      if (real - lastAt < 1000) return;
      lastAt = real;
      stream.write(`${formatProgressLine(snapshot())}\n`);
    },
    finish(snapshot) {
      if (redraw) draw(snapshot);
      else stream.write(`${formatProgressLine(snapshot)}\n`);
    },
  };
}
