import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake server received it, before any handler looked at it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/email/batch`. */
  readonly path: string;
  /** The query string parameters (last value wins for repeated keys; all values in `url`). */
  readonly query: Readonly<Record<string, string>>;
  /** The full request target as sent, e.g. `/v3/domain/messages?x=1`. */
  readonly url: string;
  /** Header names are lowercase (Node's `IncomingHttpHeaders`). */
  readonly headers: IncomingHttpHeaders;
  /** The raw body bytes, exactly as received. */
  readonly rawBody: Buffer;
  /** `rawBody` decoded as UTF-8. */
  readonly body: string;
  /** Epoch milliseconds when the body finished arriving (real time). */
  readonly receivedAt: number;
}

/** What a handler returns: a status, headers and a body (string, Buffer, or a value sent as JSON). */
export interface HttpReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | number | readonly string[]>>;
  /** A string or Buffer is sent as is; anything else is sent with `JSON.stringify` and a JSON content type. */
  readonly body?: unknown;
  /** Wait this long (ms) before answering. */
  readonly delayMs?: number;
  /** Destroy the socket instead of answering (the client sees ECONNRESET / "socket hang up"). */
  readonly destroy?: boolean;
}

/**
 * Handles one request. Return a reply (or a promise of one); returning `undefined` answers 404.
 * If it throws, the server answers 500 with the message, so a bug in a fake is visible in the client's error.
 */
export type HttpHandler = (
  request: RecordedRequest,
) => HttpReply | undefined | Promise<HttpReply | undefined>;

export interface HttpServerOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (the OS picks a free one). */
  readonly port?: number;
}

export interface RunningHttpServer {
  /** `http://127.0.0.1:PORT` with no trailing slash. */
  readonly url: string;
  /** `127.0.0.1:PORT` — the form SDKs such as postmark's `requestHost` want. */
  readonly host: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Stops listening and destroys open keep-alive sockets so test runners do not hang. Safe to call twice. */
  close(): Promise<void>;
}

/** A JSON reply with the given status. */
export function json(status: number, body: unknown, headers: HttpReply['headers'] = {}): HttpReply {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

/** A plain text reply. */
export function text(status: number, body: string, headers: HttpReply['headers'] = {}): HttpReply {
  return { status, body, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
}

/** Parses a recorded request's body as JSON; `undefined` when it is empty or not JSON (never throws). */
export function parseJsonBody(request: Pick<RecordedRequest, 'body'>): unknown {
  if (request.body.trim() === '') return undefined;
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Case-insensitive single header value (first value if repeated). */
export function headerValue(request: Pick<RecordedRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function splitUrl(target: string): { path: string; query: Record<string, string> } {
  let parsed: URL;
  try {
    parsed = new URL(target, 'http://fake.invalid');
  } catch {
    // A request target no URL parser accepts: keep it whole as the path, so the handler still sees it.
    return { path: target, query: {} };
  }
  const query: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) query[key] = value;
  return { path: parsed.pathname, query };
}

async function send(response: ServerResponse, reply: HttpReply): Promise<void> {
  if (reply.delayMs !== undefined && reply.delayMs > 0) await sleep(reply.delayMs);
  if (reply.destroy === true) {
    response.socket?.destroy();
    return;
  }
  const headers: Record<string, string | number | readonly string[]> = { ...reply.headers };
  let payload: string | Buffer | undefined;
  if (reply.body === undefined) payload = undefined;
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    const hasType = Object.keys(headers).some((key) => key.toLowerCase() === 'content-type');
    if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  }
  response.writeHead(reply.status, headers as Record<string, string | number | string[]>);
  response.end(payload);
}

/**
 * Starts a plain HTTP server on a loopback port that records every request and answers with `handler`.
 * Fake provider APIs are built on it: point the real SDK at `url` (or `host`) and assert on `requests`.
 */
export async function startHttpServer(
  handler: HttpHandler,
  options: HttpServerOptions = {},
): Promise<RunningHttpServer> {
  if (typeof handler !== 'function') throw new TypeError('startHttpServer: `handler` must be a function');
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const target = incoming.url ?? '/';
      const { path, query } = splitUrl(target);
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path,
        query,
        url: target,
        headers: incoming.headers,
        rawBody,
        body: rawBody.toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(request);
      Promise.resolve()
        .then(() => handler(request))
        .then(
          (reply) =>
            send(response, reply ?? json(404, { message: `no route for ${request.method} ${path}` })),
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            return send(response, text(500, `fake server handler threw: ${message}`));
          },
        )
        .catch(() => {
          // The client went away while we answered; nothing to report to it.
        });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    host: `${host}:${port}`,
    port,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
