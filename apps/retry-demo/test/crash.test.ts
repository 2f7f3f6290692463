// The crash test: the demo runs as a child process against fake servers in a separate harness
// process (which outlives it), is SIGKILLed several times — at random moments, and at the worst
// moment (a provider has just accepted a message and the database does not know it yet) — and is
// restarted with the same command each time. Then the fake servers' own logs must show every
// message delivered at most once, and every message in a final state. The fakes also lose replies
// (an MX keeps `lost-*` mail and drops the connection; the fake Postmark drops some replies): those
// attempts are never resent — found by Postmark's search, or held for a person over direct SMTP,
// which is by design and counted apart from "abandoned" (held because a restart gave up).
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
/** Messages held because a restart could not place an attempt in flight: "lost 0" cannot see these. */
let abandoned: Array<{ id: string }>;
/** Attempts whose reply was lost, as the app resolved them (or reconciled them after a crash). */
let inDoubt: Array<{
  id: string;
  messageId: string;
  inDoubt: string | null;
  state: string;
  recovered: number;
}>;

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
  // Held by the restart's give-up branch ("delivery unknown"), not by a lost reply's designed hold.
  abandoned = database
    .prepare(
      `SELECT m.id FROM messages m WHERE m.state = 'held' AND EXISTS (SELECT 1 FROM attempts a
         WHERE a.message_id = m.id AND a.recovered = 1 AND a.decision = 'delivery unknown') ORDER BY m.id`,
    )
    .all() as typeof abandoned;
  inDoubt = database
    .prepare(
      `SELECT id, message_id AS messageId, in_doubt AS inDoubt, state, recovered FROM attempts
         WHERE in_doubt IS NOT NULL OR recovered = 1 ORDER BY id`,
    )
    .all() as typeof inDoubt;
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
    expect(report.abandoned).toBe(0);
    // Delivered per the app ⇔ exactly one delivered copy in the providers' logs — except a message
    // held because its reply was lost: the MX has that copy, and a person decides.
    const heldInDoubt = new Set(inDoubt.filter((a) => a.inDoubt === 'held').map((a) => a.messageId));
    const delivered = new Set(copies.filter((copy) => copy.delivered).map((copy) => copy.outboxId));
    for (const row of states) {
      const expected = row.state === 'delivered' || heldInDoubt.has(row.id);
      expect(delivered.has(row.id), `${row.id} ${row.state}`).toBe(expected);
    }
  });

  it('resolved every lost reply from what the fake servers kept: never resent, held only over direct SMTP', () => {
    const swallowed = copies.filter((copy) => copy.replyDropped);
    // The run met both kinds of lost reply.
    expect(swallowed.filter((copy) => copy.provider === 'smtp').length).toBeGreaterThan(0);
    expect(swallowed.filter((copy) => copy.provider === 'postmark').length).toBeGreaterThan(0);
    const byId = new Map(inDoubt.map((attempt) => [attempt.id, attempt]));
    for (const copy of swallowed) {
      const attempt = byId.get(copy.attemptId);
      const where = `${copy.provider} ${copy.attemptId}`;
      // Either the app saw the lost reply (held over SMTP, found by Postmark's search), or the process
      // was killed before it stored that outcome and the restart found the copy at the provider (the
      // attempt is then `reconciled-accepted`, or `done` once Postmark's webhook reported on it).
      const resolved =
        attempt?.inDoubt === (copy.provider === 'smtp' ? 'held' : 'found') ||
        (attempt?.recovered === 1 && attempt.state !== 'reconciled-absent');
      expect(resolved, `${where}: ${JSON.stringify(attempt)}`).toBe(true);
    }
    // The in-doubt holds are exactly the SMTP copies swallowed and not reconciled by a restart.
    const expectedHolds = swallowed
      .filter((copy) => copy.provider === 'smtp' && byId.get(copy.attemptId)?.recovered !== 1)
      .map((copy) => copy.attemptId)
      .sort();
    expect(inDoubt.filter((a) => a.inDoubt === 'held').map((a) => a.id)).toEqual(expectedHolds);
    // Nothing in doubt was sent again or left waiting.
    expect(inDoubt.filter((a) => a.inDoubt === 'absent' || a.inDoubt === 'pending')).toEqual([]);
    expect(report.inDoubt.held).toBe(expectedHolds.length);
  });
});
