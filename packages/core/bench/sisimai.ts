// Debian's Sisimai (libsisimai-perl), the reference bounce analyzer, as the peer core's speed budgets
// are stated against: installed here when missing and root (as packages/bounce's bench does), and
// timed by bench/sisimai.pl over the same replies, in CPU time, in one perl process.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repliesFile } from './replies';

/** CPU seconds each Sisimai measurement runs for, like each side of the bounce bench. */
const seconds = 2;

/** Whether `perl` runs with these arguments: `-e 1` (perl is there), `-MSisimai -e 1` (Sisimai loads). */
function perlRuns(...args: string[]): boolean {
  try {
    execFileSync('perl', [...args, '-e', '1'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Undefined when Sisimai loads (installing it first if it can), otherwise why it cannot be measured. */
function ensureSisimai(): string | undefined {
  if (perlRuns('-MSisimai')) return undefined;
  if (process.getuid?.() !== 0) {
    return perlRuns()
      ? 'Sisimai is missing: install the Debian package "libsisimai-perl" (as root) to compare.'
      : 'perl is missing: install the Debian package "libsisimai-perl" (as root) to compare.';
  }
  try {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'libsisimai-perl'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    return `installing libsisimai-perl failed: ${String(error)}`;
  }
  return perlRuns('-MSisimai') ? undefined : 'libsisimai-perl installed but Sisimai does not load';
}

// Both benches ask; apt-get runs at most once.
let missing: string | undefined | null = null;

/**
 * Sisimai's replies per CPU-second over the fixture's replies, or why it was not measured: `reply` is
 * its reply parsing (SMTP::Reply->find + SMTP::Status->find), `reason` its reason matching
 * (Reason->match).
 */
export function sisimaiRate(mode: 'reply' | 'reason'): Promise<number | string> {
  if (missing === null) missing = ensureSisimai();
  if (missing !== undefined) return Promise.resolve(missing);
  const script = fileURLToPath(new URL('./sisimai.pl', import.meta.url));
  return new Promise((resolve) => {
    execFile(
      'perl',
      [script, mode, String(seconds), repliesFile],
      { timeout: 120_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error !== null) return resolve(`bench/sisimai.pl failed: ${stderr.trim() || String(error)}`);
        const [count = 0, cpu = 0] = stdout.trim().split(' ').map(Number);
        resolve(count > 0 && cpu > 0 ? count / cpu : `bench/sisimai.pl printed "${stdout.trim()}"`);
      },
    );
  });
}
