// The app's own webhook endpoint (node:http on loopback). An event is stored durably (one
// transaction, deduplicated) before we answer 200, and applied by the runner's loop; so an event
// received just before a crash is not lost, and Postmark's retries of the same event count once.
// Postmark does not sign webhooks (packages/postmark/PROVIDER.md §6): the endpoint checks HTTP Basic credentials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from './store';

export interface WebhookCredentials {
  readonly username: string;
  readonly password: string;
}

/** Checks a request's credentials; the provider package's guard does the constant-time comparison. */
export type WebhookGuard = (
  headers: IncomingMessage['headers'],
) => { ok: true } | { ok: false; reason: string };

export interface WebhookServer {
  /** `http://127.0.0.1:PORT/webhooks/postmark` */
  readonly url: string;
  readonly credentials: WebhookCredentials;
  /** Requests refused for bad credentials (for the report and the tests). */
  readonly refused: () => number;
  close(): Promise<void>;
}

const maxBody = 1_000_000;

function eventId(headers: IncomingMessage['headers'], body: Record<string, unknown>): string {
  // Postmark retries carry the same trace id (packages/postmark/PROVIDER.md §6); fall back to the event's own ids.
  const trace = headers['x-pm-webhook-trace-id'];
  if (typeof trace === 'string' && trace.length > 0) return `trace:${trace}`;
  const parts = [
    body.RecordType,
    body.ID,
    body.MessageID,
    body.Recipient ?? body.Email,
    body.BouncedAt ?? body.DeliveredAt,
  ];
  return parts.map((part) => (part === undefined || part === null ? '' : String(part))).join('|');
}

export async function startWebhookServer(options: {
  store: Store;
  credentials: WebhookCredentials;
  guard: WebhookGuard;
  now: () => number;
}): Promise<WebhookServer> {
  const { store, guard } = options;
  let refused = 0;
  const answer = (response: ServerResponse, status: number, text: string): void => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(text);
  };
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/webhooks/postmark') {
      answer(response, 404, 'not found');
      request.resume();
      return;
    }
    const check = guard(request.headers);
    if (!check.ok) {
      // A 401 is not retried by Postmark (packages/postmark/PROVIDER.md §6): the sender learns its credentials are wrong.
      refused++;
      answer(response, 401, check.reason);
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > maxBody) return answer(response, 413, 'payload too large');
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(response, 400, 'the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return answer(response, 400, 'the body is not a JSON object');
      }
      try {
        store.recordWebhook({
          id: eventId(request.headers, body as Record<string, unknown>),
          messageId: null,
          receivedAt: options.now(),
          recordType: String((body as Record<string, unknown>).RecordType ?? 'unknown'),
          payload: JSON.stringify({ provider: 'postmark', body }),
        });
      } catch (error) {
        // 503 makes Postmark retry later (packages/postmark/PROVIDER.md §6): the event is not lost.
        return answer(response, 503, `could not store the event: ${(error as Error).message}`);
      }
      answer(response, 200, 'stored');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/postmark`,
    credentials: options.credentials,
    refused: () => refused,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
