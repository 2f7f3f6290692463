import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig } from './worker-process';

const script = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

/** A worker process (tsx runs the TypeScript); resolves once it is ready. */
export function startWorker(config: WorkerConfig, completed: Map<string, number>): Promise<ChildProcess> {
  const child = fork(script, [], {
    env: { ...process.env, MV_WORKER: JSON.stringify(config) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker ${config.workerId} did not start in 20 s`)),
      20_000,
    );
    child.on('message', (message: { ready?: boolean; completed?: number; worker?: string }) => {
      if (message.ready === true) {
        clearTimeout(timer);
        resolve(child);
      }
      if (message.completed !== undefined && message.worker !== undefined) {
        completed.set(message.worker, (completed.get(message.worker) ?? 0) + message.completed);
      }
    });
    child.once('exit', () => clearTimeout(timer));
  });
}

/** SIGKILL, and wait until it is gone. */
export async function killWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
