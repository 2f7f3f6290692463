// `scan <log>…`: Postfix, Exim and Sendmail logs (plain or gzipped, files or stdin) → the triage
// report of format-scan.ts. Streams: memory depends on the report's capped tables, not the log.
import { stat } from 'node:fs/promises';
import { type ExitCode, exitCodes } from '../exit-codes';
import { readChunks } from '../input/read-chunks';
import { splitLines } from '../input/split-lines';
import { parseLogLine } from '../logs/parse-log-line';
import { colorsFor } from '../output/colors';
import { startProgress } from '../output/progress';
import { complain, errorMessage, write } from '../output/write';
import { followLog } from '../scan/follow-log';
import { formatScanText, scanReportJson } from '../scan/format-scan';
import { ScanTally } from '../scan/scan-tally';

export interface ScanOptions {
  readonly json?: boolean;
  readonly follow?: boolean;
  readonly top: number;
  readonly recipients: number;
  readonly progress?: boolean;
}

async function printReport(tally: ScanTally, options: ScanOptions): Promise<void> {
  const report = { top: options.top, listRecipients: options.recipients };
  if (options.json === true)
    await write(process.stdout, `${JSON.stringify(scanReportJson(tally, report), null, 2)}\n`);
  else await write(process.stdout, formatScanText(tally, colorsFor(process.stdout), report));
}

export async function runScan(paths: readonly string[], options: ScanOptions): Promise<ExitCode> {
  const inputs = paths.length === 0 ? ['-'] : [...paths];
  if (inputs.filter((path) => path === '-').length > 1) {
    complain('scan', 'stdin (-) can be read only once');
    return exitCodes.usage;
  }
  const tally = new ScanTally();
  if (options.follow === true) {
    if (inputs.length !== 1 || inputs[0] === '-') {
      complain('scan', '-f follows exactly one log file');
      return exitCodes.usage;
    }
    return followLog(inputs[0] as string, tally, async () => printReport(tally, options));
  }

  let total = 0;
  for (const path of inputs)
    if (path !== '-')
      total += await stat(path).then(
        (s) => s.size,
        () => 0,
      );
  let bytes = 0;
  let overlong = 0;
  const progress = startProgress(total, process.stderr, options.progress);
  let failed = 0;
  for (const path of inputs) {
    const source = readChunks(path, (raw) => {
      bytes += raw;
    });
    try {
      for await (const lines of splitLines(source.chunks, { onOverlong: () => overlong++ })) {
        for (const line of lines) tally.add(line, parseLogLine);
        progress.update(bytes, tally.lines);
      }
    } catch (error) {
      failed++;
      progress.stop();
      complain('scan', `cannot read ${source.name}: ${errorMessage(error)}; going on with the rest`);
    }
  }
  progress.stop();
  if (overlong > 0) complain('scan', `skipped ${overlong} lines longer than 1 MiB`);
  await printReport(tally, options);
  if (failed > 0) return exitCodes.usage;
  return tally.needsAction() ? exitCodes.actionNeeded : exitCodes.ok;
}
