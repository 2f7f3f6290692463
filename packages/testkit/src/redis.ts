// `@mailverdict/testkit/redis`: a real Redis for tests. `ensureRedis` uses the one at REDIS_URL
// (default 127.0.0.1:6379) and starts `redis-server` from PATH when none answers; `startRedis` starts
// a private one (its own port and directory, append-only persistence on) that a test may restart.
// It speaks just enough RESP to send PING, so the testkit needs no Redis client.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at `url` within `timeoutMs`. */
export function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function redisServerBinary(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    // Debian: install it when we can (root + apt-get), else say what is missing.
    if (process.getuid?.() === 0) {
      execFileSync('sh', ['-c', 'apt-get update && apt-get install -y redis-server'], { stdio: 'inherit' });
      return 'redis-server';
    }
    throw new Error('These tests need `redis-server` on PATH: install the Debian package `redis-server`.');
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await redisAnswers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer on ${url} within ${timeoutMs} ms`);
}

/** The Redis URL to use; starts one (left running for the machine) when none answers. */
export async function ensureRedis(url = redisUrl): Promise<string> {
  if (await redisAnswers(url)) return url;
  const { hostname, port } = new URL(url);
  const child = spawn(redisServerBinary(), ['--bind', hostname, '--port', port || '6379', '--save', ''], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  await waitFor(url, 10_000);
  return url;
}

export interface OwnRedis {
  readonly url: string;
  /** SIGKILL and start again on the same port and directory (the append-only file brings the data back). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A private redis-server on a free loopback port, append-only persistence on, in a temporary directory. */
export async function startRedis(): Promise<OwnRedis> {
  const binary = redisServerBinary();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mailverdict-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir];
  args.push('--appendonly', 'yes', '--appendfsync', 'always', '--save', '');
  const start = async () => {
    child = spawn(binary, args, { stdio: 'ignore' });
    await waitFor(url, 10_000);
  };
  const kill = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return {
    url,
    async restart() {
      await kill();
      await start();
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
