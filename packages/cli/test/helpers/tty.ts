// Runs the built bin on a real pseudo-terminal (util-linux `script`), to see what a person at a
// terminal sees: colours and the progress bar. stdout and stderr both arrive on the terminal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { binPath } from './run-cli';

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

export function assertScript(): void {
  if (!existsSync('/usr/bin/script'))
    throw new Error('The terminal tests need util-linux’s `script` (Debian package "bsdutils")');
}

export function runInTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  assertScript();
  const command = [process.execPath, binPath, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, COLUMNS: '120', LINES: '40' };
    if (env.NO_COLOR === undefined) delete childEnv.NO_COLOR;
    delete childEnv.FORCE_COLOR;
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(output).toString('utf8') });
    });
  });
}
