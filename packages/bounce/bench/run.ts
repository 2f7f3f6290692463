// pnpm bench: emails per second over the copied public corpus (src/__fixtures__/sisimai), for
// parseBounce, for postal-mime's parse alone (the floor under any decoder built on it), and for
// Debian's Sisimai (libsisimai-perl, installed here when missing and root) over the same files,
// side by side. The budget is a ratio against Sisimai: at least 1.5× its rate. Bounded: each
// measurement runs about `seconds` (at most 50 rounds of the corpus), three turns each.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { parseBounce } from '../src/index';

const seconds = 2;
const maxRounds = 50;
const budget = 1.5;
const corpus = fileURLToPath(new URL('../src/__fixtures__/sisimai/emails/', import.meta.url));
const files = readdirSync(corpus)
  .sort()
  .map((name) => join(corpus, name));
const emails = files.map((file) => readFileSync(file));

/** CPU seconds of this process: other processes on a shared machine do not count (Sisimai is timed the same way). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Emails per CPU-second, and per wall-clock second over the same rounds (comparable only on a quiet machine). */
interface Rate {
  readonly cpu: number;
  readonly wall: number;
}

async function rate(run: (email: Uint8Array) => Promise<unknown>): Promise<Rate> {
  for (const email of emails) await run(email); // warm-up
  let count = 0;
  const start = cpuSeconds();
  const wallStart = performance.now();
  for (let round = 0; round < maxRounds && cpuSeconds() - start < seconds; round++) {
    for (const email of emails) {
      await run(email);
      count++;
    }
  }
  return { cpu: count / (cpuSeconds() - start), wall: count / ((performance.now() - wallStart) / 1000) };
}

function ensureSisimai(): string | undefined {
  const probe = () => {
    try {
      execFileSync('perl', ['-MSisimai', '-e', '1'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (probe()) return undefined;
  if (process.getuid?.() !== 0)
    return 'Sisimai is missing: install the Debian package "libsisimai-perl" (as root) to compare.';
  try {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'libsisimai-perl'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    return `installing libsisimai-perl failed: ${String(error)}`;
  }
  return probe() ? undefined : 'libsisimai-perl installed but Sisimai does not load';
}

function sisimaiRate(): Promise<Rate> {
  const script = fileURLToPath(new URL('./sisimai.pl', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      'perl',
      [script, String(seconds), ...files],
      { timeout: 120_000, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error !== null) return reject(error);
        const [count = 0, elapsed = 1, wall = 1] = stdout.trim().split(' ').map(Number);
        resolve({ cpu: count / elapsed, wall: count / wall });
      },
    );
  });
}

const rounded = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US').padStart(7);

function line(name: string, perSecond: Rate, note = ''): string {
  return `${name.padEnd(34)} ${rounded(perSecond.cpu)} emails/CPU-s ${rounded(perSecond.wall)} emails/wall-s${note}`;
}

const missing = existsSync('/usr/bin/perl')
  ? ensureSisimai()
  : 'perl is missing: install the Debian package "libsisimai-perl"';
/** The faster of two rates in each measure: a slow round is other processes, not the reader. */
function best(a: Rate | undefined, b: Rate): Rate {
  return a === undefined ? b : { cpu: Math.max(a.cpu, b.cpu), wall: Math.max(a.wall, b.wall) };
}

// Sisimai and parseBounce take turns, best of `turns` each, so a busy minute on a shared machine
// slows one round of both rather than one reader only.
const turns = 3;
let sisimai: Rate | undefined;
let ours: Rate | undefined;
for (let turn = 0; turn < turns; turn++) {
  if (missing === undefined) sisimai = best(sisimai, await sisimaiRate());
  ours = best(ours, await rate((email) => parseBounce(email)));
}
if (ours === undefined) throw new Error('unreachable: at least one turn');
const mime = await rate((email) => PostalMime.parse(email));
console.log(
  `corpus: ${files.length} emails, ${(emails.reduce((sum, email) => sum + email.length, 0) / 1024).toFixed(0)} KB`,
);
console.log(
  line(
    '@mailverdict/bounce parseBounce',
    ours,
    sisimai
      ? `  (${(ours.cpu / sisimai.cpu).toFixed(2)}× Sisimai in CPU time, ${(ours.wall / sisimai.wall).toFixed(2)}× in wall time; budget ≥ ${budget}×)`
      : '',
  ),
);
console.log(line('postal-mime parse alone', mime));
if (sisimai !== undefined) console.log(line('Sisimai (libsisimai-perl) make', sisimai));
else console.log(`Sisimai: not measured — ${missing}`);
// The budget is judged in CPU time: on a shared machine, wall time counts the other processes too.
if (sisimai !== undefined && ours.cpu < budget * sisimai.cpu) {
  console.log(`over budget: ${(ours.cpu / sisimai.cpu).toFixed(2)}× Sisimai < ${budget}×`);
  process.exitCode = 1;
}
