import { generateKeyPairSync, sign } from 'node:crypto';
import { MailverdictError } from '@mailverdict/core';
import { createSendGridTestKeys, sendGridEvents, signSendGridBatch } from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSendGridVerifier, verifySendGridWebhook } from './verify-webhook';

const keys = createSendGridTestKeys();
const otherKeys = createSendGridTestKeys();
const batch = [
  sendGridEvents.bounce({ email: 'a@example.test', reason: '550 5.1.1 unknown', status: '5.1.1' }),
  sendGridEvents.delivered({ email: 'b@example.test' }),
];

describe('createSendGridVerifier', () => {
  // Replays have their own tests (security.test.ts); here the same request is checked several ways.
  const verify = createSendGridVerifier(keys.publicKey, { replayStore: false });

  it('accepts a batch signed over timestamp + raw body (string, bytes, Node or fetch headers)', async () => {
    const signed = signSendGridBatch(batch, keys);
    expect(await verify({ body: signed.body, headers: signed.headers })).toEqual({ ok: true });
    expect(await verify({ body: Buffer.from(signed.body), headers: signed.headers })).toEqual({ ok: true });
    // Node lowercases header names; fetch gives a Headers object.
    const lower = Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(await verify({ body: signed.body, headers: lower })).toEqual({ ok: true });
    expect(await verify({ body: signed.body, headers: new Headers(signed.headers) })).toEqual({ ok: true });
  });

  it('accepts the key as PEM or KeyObject too', async () => {
    const signed = signSendGridBatch(batch, keys);
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKey}\n-----END PUBLIC KEY-----`;
    expect(await createSendGridVerifier(pem)(signed)).toEqual({ ok: true });
  });

  it('refuses an altered body, even by one space', async () => {
    const signed = signSendGridBatch(batch, keys);
    const altered = signed.body.replace('a@example.test', 'z@example.test');
    expect(await verify({ body: altered, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verify({ body: `${signed.body} `, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a batch signed with another key (forged)', async () => {
    const forged = signSendGridBatch(batch, otherKeys);
    expect(await verify(forged)).toEqual({
      ok: false,
      reason: 'bad-signature',
      message: expect.stringContaining('forged'),
    });
  });

  it('refuses a changed timestamp (the timestamp is signed)', async () => {
    const signed = signSendGridBatch(batch, keys);
    const headers = {
      ...signed.headers,
      // One second before the signed one (read back, not from the clock: a second boundary between signing
      // and this line would otherwise give the signed timestamp again).
      'X-Twilio-Email-Event-Webhook-Timestamp': String(
        Number(signed.headers['X-Twilio-Email-Event-Webhook-Timestamp']) - 1,
      ),
    };
    expect(await verify({ body: signed.body, headers })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a replayed (old) batch and one from the future; tolerance and clock are configurable', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const old = signSendGridBatch(batch, keys, hourAgo);
    expect(await verify(old)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await createSendGridVerifier(keys.publicKey, { toleranceMs: 2 * 3_600_000 })(old)).toEqual({
      ok: true,
    });
    expect(await createSendGridVerifier(keys.publicKey, { now: () => hourAgo * 1000 })(old)).toEqual({
      ok: true,
    });
    const future = signSendGridBatch(batch, keys, Math.floor(Date.now() / 1000) + 3600);
    expect(await verify(future)).toMatchObject({ ok: false, reason: 'timestamp-in-future' });
  });

  it('gives clear reasons for missing headers, a bad timestamp and a parsed body', async () => {
    const signed = signSendGridBatch(batch, keys);
    expect(await verify({ body: signed.body, headers: {} })).toMatchObject({
      ok: false,
      reason: 'missing-header',
      message: expect.stringContaining('Signature'),
    });
    expect(
      await verify({ body: signed.body, headers: { 'x-twilio-email-event-webhook-signature': 'abc' } }),
    ).toMatchObject({ ok: false, reason: 'missing-header', message: expect.stringContaining('Timestamp') });
    expect(
      await verify({
        body: signed.body,
        headers: { ...signed.headers, 'X-Twilio-Email-Event-Webhook-Timestamp': '12:00' },
      }),
    ).toMatchObject({ ok: false, reason: 'malformed-timestamp' });
    expect(await verify({ body: JSON.parse(signed.body) as never, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'body-not-raw',
    });
  });

  it('never throws, whatever the request', async () => {
    const signed = signSendGridBatch(batch, keys);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ body: fc.oneof(fc.string(), fc.anything()), headers: fc.anything() }),
          fc
            .record({
              signature: fc.string(),
              timestamp: fc.oneof(fc.string(), fc.nat().map(String)),
              body: fc.string(),
            })
            .map(({ signature, timestamp, body }) => ({
              body,
              headers: {
                'x-twilio-email-event-webhook-signature': signature,
                'x-twilio-email-event-webhook-timestamp': timestamp,
              },
            })),
          fc.string().map((body) => ({ body, headers: signed.headers })),
        ),
        async (request) => {
          const result = await verify(request as never);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('verifies the exact bytes received, even when they are not valid UTF-8', async () => {
    const body = Buffer.concat([
      Buffer.from('[{"event":"processed","email":"a@example.test","x":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}]'),
    ]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), {
      key: keys.privateKey,
      dsaEncoding: 'der',
    });
    const headers = {
      'x-twilio-email-event-webhook-signature': signature.toString('base64'),
      'x-twilio-email-event-webhook-timestamp': timestamp,
    };
    expect(await verify({ body, headers })).toEqual({ ok: true });
  });

  it('a hostile request object is refused, not thrown on', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(await verify(hostile as never)).toMatchObject({ ok: false, reason: 'malformed-request' });
    expect(await verify(null as never)).toMatchObject({ ok: false, reason: 'malformed-request' });
  });

  it('an unusable key is a configuration error, thrown once at creation', async () => {
    expect(() => createSendGridVerifier('not a key')).toThrow(MailverdictError);
    expect(() => createSendGridVerifier('')).toThrow(/verification key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(() => createSendGridVerifier(rsa.toString('base64'))).toThrow(/P-256/);
    expect(() => createSendGridVerifier(keys.publicKey, { toleranceMs: -5 })).toThrow(TypeError);
  });

  it('one-shot verifySendGridWebhook works the same', async () => {
    const signed = signSendGridBatch(batch, keys);
    expect(await verifySendGridWebhook(signed, keys.publicKey)).toEqual({ ok: true });
  });
});
