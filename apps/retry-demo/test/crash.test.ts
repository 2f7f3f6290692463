// The crash test: the demo runs as a child process against fake servers in a separate harness
// process (which outlives it), is SIGKILLed several times — at random moments, and at the worst
// moment (a provider has just accepted a message and the database does not know it yet) — and is
// restarted with the same command each time. Then the fake servers' own logs must show every
// message delivered at most once, and every message in a final state.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../src/prng';
import type { LogCopy, Report } from '../src/report';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const count = 100;
const seed = 11;

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function start(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  // `node --import tsx` (not the tsx CLI, which runs the script in a second process): the pid we
  // SIGKILL is the demo itself. Like vitest's aliases, the children import the sibling packages from
  // their sources (tsconfig paths), so the test does not depend on a fresh build of every package.
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: appDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(appDir, 'test', 'tsconfig.sources.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<Exit> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout?.resume();
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

let harness: ChildProcess;
let control: string;
const exits: Exit[] = [];
let report: Report;
let copies: LogCopy[];
let states: Array<{ id: string; state: string }>;
let reconciled: Array<{ state: string; n: number }>;
/** Messages parked as held after a recovery: "lost 0" cannot see these. */
let abandoned: Array<{ id: string }>;

beforeAll(async () => {
  harness = start('src/fakes-harness.ts', []);
  control = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    harness.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline >= 0) resolve((JSON.parse(buffer.slice(0, newline)) as { control: string }).control);
    });
    harness.on('exit', (code) => reject(new Error(`the fakes harness exited (${code})`)));
  });
  const dir = mkdtempSync(join(tmpdir(), 'retry-demo-crash-'));
  const db = join(dir, 'outbox.sqlite');
  const json = join(dir, 'report.json');
  // The same command every time, as a supervisor would restart it.
  const args = ['--fakes', 'external', '--fakes-url', control, '--db', db, '--resume'];
  args.push('--messages', String(count), '--seed', String(seed), '--progress', 'plain', '--json', json);
  const random = createRandom(2026);
  // Random moments: a random time after the run loop started (its first progress line), so the
  // kill lands among sends, commits and webhooks rather than in the start-up.
  for (let index = 0; index < 3; index++) {
    const child = start('src/main.ts', args);
    const exit = exited(child);
    let timer: NodeJS.Timeout | undefined;
    child.stderr?.once('data', () => {
      timer = setTimeout(() => child.kill('SIGKILL'), random.int(50, 2500));
    });
    exits.push(await exit);
    clearTimeout(timer);
  }
  // The worst moment, twice: right after the Nth provider call returned, before its outcome is stored.
  for (let index = 0; index < 2; index++) {
    const child = start('src/main.ts', args, { RETRY_DEMO_KILL_AFTER_SEND: String(random.int(3, 40)) });
    exits.push(await exited(child));
  }
  const last = await exited(start('src/main.ts', args));
  exits.push(last);
  if (last.code !== 0) throw new Error(`the final run failed (${last.code}): ${last.stderr}`);
  report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  copies = (await (await fetch(`${control}/copies`)).json()) as LogCopy[];
  const database = new Database(db, { readonly: true });
  states = database.prepare('SELECT id, state FROM messages ORDER BY id').all() as typeof states;
  reconciled = database
    .prepare('SELECT state, COUNT(*) AS n FROM attempts WHERE recovered = 1 GROUP BY state')
    .all() as typeof reconciled;
  abandoned = database
    .prepare(
      `SELECT m.id FROM messages m WHERE m.state = 'held'
         AND EXISTS (SELECT 1 FROM attempts a WHERE a.message_id = m.id AND a.recovered = 1) ORDER BY m.id`,
    )
    .all() as typeof abandoned;
  database.close();
}, 150_000);

afterAll(async () => {
  if (control !== undefined) await fetch(`${control}/shutdown`, { method: 'POST' }).catch(() => undefined);
  harness?.kill('SIGKILL');
});

describe('SIGKILL at any moment, then restart', () => {
  it('was really killed several times, including at the worst moment', () => {
    const killed = exits.filter((exit) => exit.signal === 'SIGKILL');
    const summary = exits
      .map((exit) => `${exit.signal ?? exit.code} ${exit.stderr.slice(0, 300)}`)
      .join('\n');
    expect(killed.length, summary).toBeGreaterThanOrEqual(3);
    // Each worst-moment kill leaves attempts in flight that the restart resolved at the provider.
    const total = reconciled.reduce((sum, row) => sum + row.n, 0);
    expect(total, summary).toBeGreaterThanOrEqual(2);
  });

  it('delivered no message twice, counted from the fake servers’ own logs', () => {
    const delivered = new Map<string, number>();
    for (const copy of copies)
      if (copy.delivered) delivered.set(copy.outboxId, (delivered.get(copy.outboxId) ?? 0) + 1);
    const twice = [...delivered].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(report.duplicates).toBe(0);
  });

  it('brought every message to a final state, and the logs agree with it', () => {
    expect(states).toHaveLength(count);
    const finals = new Set(['delivered', 'bounced', 'suppressed', 'held', 'expired']);
    expect(states.filter((row) => !finals.has(row.state))).toEqual([]);
    expect(report.unfinished).toBe(0);
    expect(report.lost).toBe(0);
    // A recovery that parks every attempt it cannot place as held would pass "lost 0": count those apart.
    expect(abandoned, 'abandoned: held after a recovery').toEqual([]);
    // Delivered per the app ⇔ exactly one delivered copy in the providers' logs.
    const delivered = new Set(copies.filter((copy) => copy.delivered).map((copy) => copy.outboxId));
    for (const row of states)
      expect(delivered.has(row.id), `${row.id} ${row.state}`).toBe(row.state === 'delivered');
  });
});
