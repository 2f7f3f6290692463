// The fake's own wire behaviour, spoken to with plain fetch. The real mailgun.js client is driven against it in
// packages/mailgun (where the SDK is installed).
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FakeMailgun,
  mailgunScenarios,
  postMailgunWebhook,
  signMailgunWebhook,
  startFakeMailgun,
} from './fake-mailgun';
import { startHttpServer } from './http-server';

let fake: FakeMailgun | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function send(
  url: string,
  fields: Record<string, string | string[]>,
  key = 'key-test',
  domain = 'mg.example.test',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of [value].flat()) form.append(name, item);
  return fetch(`${url}/v3/${domain}/messages`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`api:${key}`).toString('base64')}` },
    body: form,
  });
}

const message = {
  from: 'App <app@mg.example.test>',
  to: ['a@example.test', 'b@example.test'],
  subject: 'Hi',
  text: 'x',
};

describe('startFakeMailgun', () => {
  it('queues a valid multipart send and records its fields', async () => {
    fake = await startFakeMailgun();
    const response = await send(fake.url, message);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; message: string };
    expect(body.message).toBe('Queued. Thank you.');
    expect(body.id).toMatch(/^<.+@mg\.example\.test>$/);
    expect(fake.sends[0]).toMatchObject({
      domain: 'mg.example.test',
      recipients: ['a@example.test', 'b@example.test'],
    });
    expect(fake.sends[0]?.fields.subject).toEqual(['Hi']);
    expect(fake.clientOptions).toEqual({ username: 'api', key: 'key-test', url: fake.url });
  });

  it('answers 401 Forbidden (text) for a wrong key and 404 for an unknown domain', async () => {
    fake = await startFakeMailgun();
    const wrong = await send(fake.url, message, 'nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe('Forbidden');
    const unknown = await send(fake.url, message, 'key-test', 'other.example.test');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Domain not found: other.example.test' });
  });

  it('validates from/to like Mailgun (400 with a message)', async () => {
    fake = await startFakeMailgun();
    const bad = await send(fake.url, { ...message, to: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: mailgunScenarios.invalidAddress.message });
    const { from: _from, ...noFrom } = message;
    expect((await send(fake.url, noFrom)).status).toBe(400);
  });

  it('refuses unauthorized recipients on a sandbox domain with 403', async () => {
    fake = await startFakeMailgun({
      sandboxDomains: ['sandbox1.mailgun.org'],
      authorizedRecipients: ['a@example.test'],
    });
    const one = await send(
      fake.url,
      { ...message, to: 'a@example.test' },
      'key-test',
      'sandbox1.mailgun.org',
    );
    expect(one.status).toBe(200);
    const two = await send(fake.url, message, 'key-test', 'sandbox1.mailgun.org');
    expect(two.status).toBe(403);
    expect(((await two.json()) as { message: string }).message).toContain('Sandbox subdomains');
  });

  it('plays sequence first, then per-recipient scenarios, then the fallback', async () => {
    fake = await startFakeMailgun({
      sequence: [mailgunScenarios.rateLimited],
      recipients: { 'B@example.test': mailgunScenarios.tooLarge },
      fallback: mailgunScenarios.serverError,
    });
    const limited = await send(fake.url, message);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await send(fake.url, message)).status).toBe(413);
    expect((await send(fake.url, { ...message, to: 'c@example.test' })).status).toBe(500);
    expect(fake.sends.map((record) => record.status)).toEqual([429, 413, 500]);
  });

  it('signs webhooks as Mailgun does and posts them', async () => {
    const body = signMailgunWebhook(
      { event: 'delivered' },
      { signingKey: 'k', timestamp: 1770920772, token: 't' },
    );
    expect(body.signature).toEqual({
      timestamp: '1770920772',
      token: 't',
      signature: createHmac('sha256', 'k').update('1770920772t').digest('hex'),
    });
    const receiver = await startHttpServer(() => ({ status: 200 }));
    expect(await postMailgunWebhook(`${receiver.url}/hooks`, body)).toBe(200);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual(body);
    await receiver.close();
  });
});
