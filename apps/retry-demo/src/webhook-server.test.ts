import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebhookGuard } from '@mailverdict/postmark';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './store';
import { startWebhookServer, type WebhookServer } from './webhook-server';

const credentials = { username: 'postmark-webhooks', password: 'not-a-real-secret' };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const bounce = {
  RecordType: 'Bounce',
  ID: 42,
  Type: 'HardBounce',
  MessageID: 'abc',
  Email: 'gone@example.test',
};

let server: WebhookServer | undefined;
let store: Store | undefined;

afterEach(async () => {
  await server?.close();
  store?.close();
});

async function start(): Promise<{ server: WebhookServer; store: Store }> {
  store = new Store(join(mkdtempSync(join(tmpdir(), 'retry-demo-webhook-')), 'outbox.sqlite'));
  server = await startWebhookServer({
    store,
    credentials,
    guard: createWebhookGuard(credentials),
    now: () => 1,
  });
  return { server, store };
}

function post(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the webhook endpoint', () => {
  it('refuses wrong or missing Basic credentials with 401 and stores nothing', async () => {
    const { server, store } = await start();
    const wrong = await post(server.url, bounce, { authorization: basic('postmark-webhooks', 'guess') });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe('the credentials do not match');
    const missing = await post(server.url, bounce, {});
    expect(missing.status).toBe(401);
    expect(server.refused()).toBe(2);
    expect(store.pendingWebhooks()).toEqual([]);
  });

  it('stores an event once, however often Postmark retries it (same trace id)', async () => {
    const { server, store } = await start();
    const headers = {
      authorization: basic(credentials.username, credentials.password),
      'x-pm-webhook-trace-id': 't-1',
    };
    expect((await post(server.url, bounce, headers)).status).toBe(200);
    expect((await post(server.url, bounce, headers)).status).toBe(200);
    const pending = store.pendingWebhooks();
    expect(pending).toHaveLength(1);
    expect(JSON.parse(pending[0]?.payload ?? '{}')).toEqual({ provider: 'postmark', body: bounce });
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    const { server, store } = await start();
    const headers = { authorization: basic(credentials.username, credentials.password) };
    const response = await fetch(server.url, { method: 'POST', headers, body: 'not json' });
    expect(response.status).toBe(400);
    expect((await post(server.url, [1, 2], headers)).status).toBe(400);
    expect(store.pendingWebhooks()).toEqual([]);
  });
});
