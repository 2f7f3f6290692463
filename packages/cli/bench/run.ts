// `pnpm bench`: the BUILT `mailverdict scan` over a generated Postfix log — log lines/s, MB/s and
// peak memory (the child's VmHWM from /proc, sampled while it runs), beside `wc -l` over the same
// file as the peer that only reads it. Size: `pnpm bench -- --size 200MB` (default 1GB).
// Budget: peak memory under 200 MB, whatever the size (the flat-memory promise).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePostfixLog } from './generate-postfix-log';

const memoryBudgetMb = 200;
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function parseSize(text: string): number {
  const match = /^([0-9.]+)\s*(KB|MB|GB)?$/i.exec(text.trim());
  if (match === null) throw new Error(`--size: expected e.g. 1GB, 200MB, got ${text}`);
  const unit = (match[2] ?? '').toUpperCase();
  return Math.round(Number(match[1]) * (unit === 'GB' ? 1e9 : unit === 'MB' ? 1e6 : unit === 'KB' ? 1e3 : 1));
}

function peakKb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const line = status.split('\n').find((text) => text.startsWith('VmHWM:'));
    return line === undefined ? undefined : Number.parseInt(line.slice(6), 10);
  } catch {
    return undefined;
  }
}

async function timed(
  command: string,
  args: string[],
): Promise<{ seconds: number; peakMb: number; code: number | null; stdout: string }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakKb(child.pid ?? -1) ?? 0);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, code, stdout };
}

const sizeIndex = process.argv.indexOf('--size');
const target = parseSize(
  sizeIndex >= 0 ? (process.argv[sizeIndex + 1] ?? '') : (process.env.MAILVERDICT_BENCH_SIZE ?? '1GB'),
);
const dir = mkdtempSync(join(tmpdir(), 'mailverdict-bench-'));
try {
  const path = join(dir, 'mail.log');
  const generateStart = performance.now();
  const log = await generatePostfixLog(path, target);
  console.log(
    `node ${process.version}; generated ${(log.bytes / 1e6).toFixed(0)} MB Postfix log: ${log.lines.toLocaleString('en-US')} lines, ${log.deliveries.toLocaleString('en-US')} deliveries (${((performance.now() - generateStart) / 1000).toFixed(1)} s)\n`,
  );
  const peer = await timed('wc', ['-l', path]);
  const scan = await timed(process.execPath, [bin, 'scan', '--json', '--no-progress', path]);
  if (scan.code !== 0 && scan.code !== 1) throw new Error(`scan exited ${scan.code}`);
  const report = JSON.parse(scan.stdout) as { lines: number; deliveries: number };
  if (report.lines !== log.lines || report.deliveries !== log.deliveries)
    throw new Error(
      `scan counted ${report.lines} lines / ${report.deliveries} deliveries, expected ${log.lines} / ${log.deliveries}`,
    );
  const row = (name: string, run: { seconds: number; peakMb: number }) =>
    `${name.padEnd(18)} ${Math.round(log.lines / run.seconds)
      .toLocaleString('en-US')
      .padStart(
        12,
      )} lines/s  ${(log.bytes / 1e6 / run.seconds).toFixed(1).padStart(7)} MB/s  ${run.seconds.toFixed(1).padStart(6)} s  peak ${run.peakMb.toFixed(0).padStart(4)} MB`;
  console.log(row('mailverdict scan', scan));
  console.log(row('wc -l (peer: read)', peer));
  console.log(`\nscan runs at ${((peer.seconds / scan.seconds) * 100).toFixed(1)} % of wc -l's speed`);
  console.log(
    `memory: peak ${scan.peakMb.toFixed(0)} MB, budget ${memoryBudgetMb} MB: ${scan.peakMb < memoryBudgetMb ? 'within' : 'OVER'}`,
  );
  if (scan.peakMb >= memoryBudgetMb) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
