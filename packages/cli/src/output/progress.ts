// A progress bar on stderr for large inputs, with throughput and ETA — only on a terminal, so a
// pipe or a log file never receives control characters. cli-progress draws and throttles it.
import cliProgress from 'cli-progress';

/** Inputs smaller than this finish before a bar would be worth drawing. */
export const progressThresholdBytes = 16 * 1024 * 1024;

export interface Progress {
  /** Raw bytes read so far (compressed bytes for a gzipped file) and lines seen. */
  update(bytes: number, lines: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

export function startProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  force?: boolean,
): Progress {
  const show = force ?? (stream.isTTY === true && totalBytes >= progressThresholdBytes);
  if (!show || totalBytes <= 0) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{bar} {percentage}% | {read} of {total_mb} MB | {mbps} MB/s | {lps} lines/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(0);
  bar.start(totalBytes, 0, { read: '0', total_mb: megabytes(totalBytes), mbps: '0', lps: '0' });
  return {
    update(bytes, lines) {
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      bar.update(Math.min(bytes, totalBytes), {
        read: megabytes(bytes),
        mbps: (bytes / 1e6 / seconds).toFixed(1),
        lps: Math.round(lines / seconds).toLocaleString('en-US'),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
