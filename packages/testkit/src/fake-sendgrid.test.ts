import { createPublicKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSendGridTestKeys,
  type FakeSendGrid,
  postSendGridEvents,
  sendGridEvents,
  sendGridScenarios,
  signSendGridBatch,
  startFakeSendGrid,
} from './fake-sendgrid';
import { startHttpServer } from './http-server';

// The real @sendgrid/mail is exercised against this fake in packages/sendgrid; here: the wire format.
let fake: FakeSendGrid | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function send(url: string, to: string[], apiKey = 'SG.x') {
  return fetch(`${url}/v3/mail/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      personalizations: [{ to: to.map((email) => ({ email })) }],
      from: { email: 'a@example.org' },
    }),
  });
}

describe('startFakeSendGrid', () => {
  it('answers 202 with X-Message-Id and an empty body', async () => {
    fake = await startFakeSendGrid();
    const response = await send(fake.url, ['x@example.test']);
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    expect(response.headers.get('x-message-id')).toBe(fake.sends[0]?.messageId);
    expect(fake.sends[0]?.recipients).toEqual(['x@example.test']);
  });

  it('errors are {errors:[{message, field, help}]} with the status', async () => {
    fake = await startFakeSendGrid({ fallback: sendGridScenarios.invalidRecipient });
    const response = await send(fake.url, ['x@example.test']);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        expect.objectContaining({
          message: 'Does not contain a valid address.',
          field: 'personalizations.0.to.0.email',
        }),
      ],
    });
  });

  it('rate limit: 429 with X-RateLimit-Limit/Remaining/Reset (epoch seconds)', async () => {
    fake = await startFakeSendGrid({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await send(fake.url, ['a@example.test'])).headers.get('x-ratelimit-remaining')).toBe('1');
    await send(fake.url, ['a@example.test']);
    const limited = await send(fake.url, ['a@example.test']);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it('sequence answers the first calls in order, then the fallback', async () => {
    fake = await startFakeSendGrid({
      sequence: [sendGridScenarios.unavailable, sendGridScenarios.tooManyRequests],
      fallback: sendGridScenarios.accept,
    });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await send(fake.url, ['a@example.test'])).status);
    expect(statuses).toEqual([503, 429, 202]);
  });

  it('checks the API key when given one', async () => {
    fake = await startFakeSendGrid({ apiKey: 'SG.right' });
    expect((await send(fake.url, ['a@example.test'], 'SG.wrong')).status).toBe(401);
    expect((await send(fake.url, ['a@example.test'], 'SG.right')).status).toBe(202);
  });
});

describe('signed event batches', () => {
  it('signs timestamp + body with ECDSA P-256 (DER, base64) and posts it unchanged', async () => {
    const keys = createSendGridTestKeys();
    const batch = signSendGridBatch(
      [sendGridEvents.delivered({ email: 'r@example.test' })],
      keys,
      1763633700,
    );
    const signature = Buffer.from(batch.headers['X-Twilio-Email-Event-Webhook-Signature'] ?? '', 'base64');
    const publicKey = createPublicKey({
      key: Buffer.from(keys.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(
      verify(
        'sha256',
        Buffer.from(`1763633700${batch.body}`),
        { key: publicKey, dsaEncoding: 'der' },
        signature,
      ),
    ).toBe(true);

    const receiver = await startHttpServer(() => ({ status: 204 }));
    try {
      expect(await postSendGridEvents(receiver.url, batch)).toBe(204);
      expect(receiver.requests[0]?.body).toBe(batch.body);
      expect(receiver.requests[0]?.headers['x-twilio-email-event-webhook-timestamp']).toBe('1763633700');
    } finally {
      await receiver.close();
    }
  });
});
