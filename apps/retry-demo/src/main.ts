// `pnpm demo -- --json FILE --seed N`: runs the outbox to the end and prints the report.
// Exit codes: 0 done, 1 a run that could not be completed, 2 bad flags.
import { writeFileSync } from 'node:fs';
import { formatReport, RunSetupError, runDemo, writeJsonReport } from './app';
import { FlagError, type Flags, parseFlags, usage } from './flags';

async function main(): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (error instanceof FlagError) {
      process.stderr.write(`retry-demo: ${error.message}\n${usage}\n`);
      return 2;
    }
    throw error;
  }
  if (flags.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (flags.queue === 'bullmq') {
    const { formatBullmqReport, runBullmqDemo } = await import('./bullmq/run-bullmq');
    const report = await runBullmqDemo({
      messages: flags.messages,
      seed: flags.seed,
      workers: flags.workers ?? 4,
      redisUrl: flags.redisUrl ?? 'redis://127.0.0.1:6379',
    });
    process.stdout.write(formatBullmqReport(report));
    if (flags.json !== undefined) writeFileSync(flags.json, `${JSON.stringify(report, null, 2)}\n`);
    const withinLimits = report.rates.every((rate) => rate.mostInWindow <= rate.allowedInWindow);
    return report.duplicates === 0 && report.lost === 0 && report.final.unfinished === 0 && withinLimits
      ? 0
      : 1;
  }
  try {
    const { report, dbPath } = await runDemo(flags, { stdout: process.stdout, stderr: process.stderr });
    process.stdout.write(formatReport(report));
    process.stdout.write(`database: ${dbPath}\n`);
    if (flags.json !== undefined) {
      writeJsonReport(flags.json, report);
      process.stdout.write(`JSON report: ${flags.json}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RunSetupError) {
      process.stderr.write(`retry-demo: ${error.message}\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`retry-demo: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`retry-demo: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
