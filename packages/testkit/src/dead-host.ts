import { type AddressInfo, createServer, type Socket } from 'node:net';

/**
 * - `refuse`: nothing listens on the port (the client gets ECONNREFUSED → nodemailer `ESOCKET`);
 * - `close`: accepts the TCP connection and closes it at once (nodemailer `ECONNECTION`
 *   "Connection closed unexpectedly");
 * - `silent`: accepts and never says anything (nodemailer `ETIMEDOUT` / `GREETING_TIMEOUT`).
 */
export type DeadHostMode = 'refuse' | 'close' | 'silent';

export interface RunningDeadHost {
  readonly host: string;
  readonly port: number;
  readonly mode: DeadHostMode;
  /** How many connections were accepted (always 0 for `refuse`). */
  readonly connections: () => number;
  close(): Promise<void>;
}

const modes: readonly DeadHostMode[] = ['refuse', 'close', 'silent'];

/**
 * A host that never delivers. `refuse` binds a free loopback port and releases it, so connections are refused
 * (another process could in theory take the port afterwards; on a test machine that is very unlikely).
 */
export async function startDeadHost(
  mode: DeadHostMode = 'refuse',
  options: { host?: string } = {},
): Promise<RunningDeadHost> {
  if (!modes.includes(mode))
    throw new TypeError(`startDeadHost: \`mode\` must be one of ${modes.join(', ')}`);
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    if (mode === 'close') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  if (mode === 'refuse') await stop();
  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    mode,
    connections: () => accepted,
    close() {
      closing ??= mode === 'refuse' ? Promise.resolve() : stop();
      return closing;
    },
  };
}
