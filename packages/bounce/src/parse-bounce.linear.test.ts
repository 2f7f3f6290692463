// Hostile emails give a report, in linear time and bounded output. Each case is built from a
// repeated unit, so the large input is ten times the small one; a linear reader takes about ten
// times as long (the project's linear-test style: core's *.linear.test.ts), a rescanning one ~100×.
// CPU time, not wall time, so other processes on a shared machine do not count. Memory: the peak
// resident size of a child process reading the 10 MB email, against the same process reading a line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BounceReport, parseBounce } from './index';

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function timeOf(input: string, repeat: number): Promise<number> {
  const start = cpuMs();
  for (let index = 0; index < repeat; index++) await parseBounce(input);
  return (cpuMs() - start) / repeat;
}

/** Median time ratio large/small over five alternating samples, retried up to three times under noise. */
async function ratioOf(small: string, large: string, bound: number): Promise<number> {
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio >= bound; attempt++) {
    const smalls: number[] = [];
    const larges: number[] = [];
    for (let sample = 0; sample < 5; sample++) {
      smalls.push(await timeOf(small, 3));
      larges.push(await timeOf(large, 1));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[2] ?? 0;
    ratio = median(larges) / Math.max(median(smalls), 0.01);
  }
  return ratio;
}

const head =
  'From: MAILER-DAEMON@relay.example.org\nTo: app@example.org\nSubject: Undelivered Mail Returned to Sender\n';

/** An email of about `size` characters, built by repeating `unit`. */
type Build = (size: number) => string;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

const cases: [string, Build][] = [
  [
    'a long plain body',
    (size) => `${head}\n${repeatTo('This is the mail system at host relay.example.org.\n', size)}`,
  ],
  ['one line of addresses', (size) => `${head}\n<${repeatTo('a@b.c@', size)}>: 550 5.1.1 unknown\n`],
  ['a line of at-signs', (size) => `${head}\n${repeatTo('@', size)}\n`],
  [
    'recipient lines',
    (size) => `${head}\n${repeatTo('<jane@example.com>: host x said: 550 5.1.1 unknown\n', size)}`,
  ],
  [
    'DSN recipient groups',
    (size) =>
      `${head}Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: message/delivery-status\n\n${repeatTo('Final-Recipient: rfc822; jane@example.com\nAction: failed\nStatus: 5.1.1\n\n', size)}--b--\n`,
  ],
  [
    'many MIME parts',
    (size) =>
      `${head}Content-Type: multipart/mixed; boundary="p"\n\n${repeatTo('--p\nContent-Type: text/plain\n\nUndeliverable to <jane@example.com>\n', size)}--p--\n`,
  ],
  [
    'broken boundaries',
    (size) =>
      `${head}Content-Type: multipart/report; boundary="never"\n\n${repeatTo('--nearly\n--never-\n', size)}`,
  ],
  [
    'base64 garbage in an unknown charset',
    (size) =>
      `${head}Content-Type: text/plain; charset=x-klingon\nContent-Transfer-Encoding: base64\n\n${repeatTo('!!!!====@@@@\n', size)}`,
  ],
  [
    'quoted-printable garbage',
    (size) =>
      `${head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${repeatTo('=ZZ=\n=0', size)}`,
  ],
];

function expectBounded(report: BounceReport): void {
  // The report does not grow with the input: a capped text, at most 1,000 recipients with capped reasons.
  expect(report.outcomes.length).toBeLessThanOrEqual(1000);
  expect(JSON.stringify(report).length).toBeLessThan(8_000_000);
}

describe('parseBounce on hostile input', () => {
  it.each(cases)(
    '%s: 10 MB gives a report in about 10× the time of 1 MB',
    async (name, build) => {
      const small = build(1_000_000);
      const large = build(10_000_000);
      const report = await parseBounce(large);
      expectBounded(report);
      const bound = 15;
      const ratio = await ratioOf(small, large, bound);
      expect(ratio, `${name}: ratio ${ratio.toFixed(1)}`).toBeLessThan(bound);
    },
    180_000,
  );

  it('1,000 MIME parts give a report', async () => {
    const parts = Array.from(
      { length: 1000 },
      (_, index) => `--p\nContent-Type: text/plain\n\npart ${index}\n`,
    ).join('');
    const report = await parseBounce(`${head}Content-Type: multipart/mixed; boundary="p"\n\n${parts}--p--\n`);
    expect(report.format).not.toBe('');
    expectBounded(report);
  });

  it('100-deep nesting gives a report that says the MIME limit was hit', async () => {
    let body = 'Content-Type: text/plain\n\n<jane@example.com>: 550 5.1.1 unknown\n';
    for (let depth = 0; depth < 100; depth++) {
      body = `Content-Type: multipart/mixed; boundary="n${depth}"\n\n--n${depth}\n${body}\n--n${depth}--\n`;
    }
    const report = await parseBounce(`${head}${body}`);
    expect(report.problems.join(' ')).toMatch(/MIME parsing failed/);
    expectBounded(report);
  });
});

/** Memory a reader may take per byte of input, at its peak: the input, its text and the parsed parts. */
const bytesPerInputByte = 12;

/** Parses `email` in a child Node process and gives its peak resident memory, in bytes. */
function peakMemoryOf(email: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'bounce-memory-'));
  try {
    const file = join(dir, 'email.eml');
    writeFileSync(file, email);
    const entry = pathToFileURL(new URL('./index.ts', import.meta.url).pathname).href;
    const script = `import { readFileSync } from 'node:fs';
import { parseBounce } from ${JSON.stringify(entry)};
await parseBounce(readFileSync(${JSON.stringify(file)}));
console.log(process.resourceUsage().maxRSS);`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    return Number(output.trim()) * 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('parseBounce on hostile input, in bounded memory', () => {
  // The same child process reading a one-line email: Node and the loaded modules.
  let baseline = 0;

  it.each(cases)(
    `%s: 10 MB peaks below ${bytesPerInputByte} bytes of memory per byte of input`,
    (name, build) => {
      if (baseline === 0) baseline = peakMemoryOf(`${head}\nHello\n`);
      const size = 10_000_000;
      const grown = peakMemoryOf(build(size)) - baseline;
      expect(grown, `${name}: ${(grown / 1e6).toFixed(0)} MB over the baseline`).toBeLessThan(
        bytesPerInputByte * size,
      );
    },
    180_000,
  );
});
