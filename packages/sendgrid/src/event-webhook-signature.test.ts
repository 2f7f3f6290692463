import { generateKeyPairSync, sign } from 'node:crypto';
import { MailverdictError } from '@mailverdict/core';
import { createSendGridTestKeys, sendGridEvents, signSendGridBatch } from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSendGridVerifier, verifySendGridWebhook } from './event-webhook-signature';

const keys = createSendGridTestKeys();
const otherKeys = createSendGridTestKeys();
const batch = [
  sendGridEvents.bounce({ email: 'a@example.test', reason: '550 5.1.1 unknown', status: '5.1.1' }),
  sendGridEvents.delivered({ email: 'b@example.test' }),
];

describe('createSendGridVerifier', () => {
  const verify = createSendGridVerifier(keys.publicKey);

  it('accepts a batch signed over timestamp + raw body (string, bytes, Node or fetch headers)', () => {
    const signed = signSendGridBatch(batch, keys);
    expect(verify({ body: signed.body, headers: signed.headers })).toEqual({ ok: true });
    expect(verify({ body: Buffer.from(signed.body), headers: signed.headers })).toEqual({ ok: true });
    // Node lowercases header names; fetch gives a Headers object.
    const lower = Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(verify({ body: signed.body, headers: lower })).toEqual({ ok: true });
    expect(verify({ body: signed.body, headers: new Headers(signed.headers) })).toEqual({ ok: true });
  });

  it('accepts the key as PEM or KeyObject too', () => {
    const signed = signSendGridBatch(batch, keys);
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKey}\n-----END PUBLIC KEY-----`;
    expect(createSendGridVerifier(pem)(signed)).toEqual({ ok: true });
  });

  it('refuses an altered body, even by one space', () => {
    const signed = signSendGridBatch(batch, keys);
    const altered = signed.body.replace('a@example.test', 'z@example.test');
    expect(verify({ body: altered, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verify({ body: `${signed.body} `, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a batch signed with another key (forged)', () => {
    const forged = signSendGridBatch(batch, otherKeys);
    expect(verify(forged)).toEqual({
      ok: false,
      reason: 'bad-signature',
      message: expect.stringContaining('forged'),
    });
  });

  it('refuses a changed timestamp (the timestamp is signed)', () => {
    const signed = signSendGridBatch(batch, keys);
    const headers = {
      ...signed.headers,
      'X-Twilio-Email-Event-Webhook-Timestamp': String(Math.floor(Date.now() / 1000) - 1),
    };
    expect(verify({ body: signed.body, headers })).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a replayed (old) batch and one from the future; tolerance and clock are configurable', () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const old = signSendGridBatch(batch, keys, hourAgo);
    expect(verify(old)).toMatchObject({ ok: false, reason: 'expired' });
    expect(createSendGridVerifier(keys.publicKey, { toleranceMs: 2 * 3_600_000 })(old)).toEqual({ ok: true });
    expect(createSendGridVerifier(keys.publicKey, { now: () => hourAgo * 1000 })(old)).toEqual({ ok: true });
    const future = signSendGridBatch(batch, keys, Math.floor(Date.now() / 1000) + 3600);
    expect(verify(future)).toMatchObject({ ok: false, reason: 'timestamp-in-future' });
  });

  it('gives clear reasons for missing headers, a bad timestamp and a parsed body', () => {
    const signed = signSendGridBatch(batch, keys);
    expect(verify({ body: signed.body, headers: {} })).toMatchObject({
      ok: false,
      reason: 'missing-header',
      message: expect.stringContaining('Signature'),
    });
    expect(
      verify({ body: signed.body, headers: { 'x-twilio-email-event-webhook-signature': 'abc' } }),
    ).toMatchObject({ ok: false, reason: 'missing-header', message: expect.stringContaining('Timestamp') });
    expect(
      verify({
        body: signed.body,
        headers: { ...signed.headers, 'X-Twilio-Email-Event-Webhook-Timestamp': '12:00' },
      }),
    ).toMatchObject({ ok: false, reason: 'malformed-timestamp' });
    expect(verify({ body: JSON.parse(signed.body) as never, headers: signed.headers })).toMatchObject({
      ok: false,
      reason: 'body-not-raw',
    });
  });

  it('never throws, whatever the request', () => {
    const signed = signSendGridBatch(batch, keys);
    fc.assert(
      fc.property(
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
        (request) => {
          const result = verify(request as never);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('verifies the exact bytes received, even when they are not valid UTF-8', () => {
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
    expect(verify({ body, headers })).toEqual({ ok: true });
  });

  it('a hostile request object is refused, not thrown on', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(verify(hostile as never)).toMatchObject({ ok: false, reason: 'malformed-request' });
    expect(verify(null as never)).toMatchObject({ ok: false, reason: 'malformed-request' });
  });

  it('an unusable key is a configuration error, thrown once at creation', () => {
    expect(() => createSendGridVerifier('not a key')).toThrow(MailverdictError);
    expect(() => createSendGridVerifier('')).toThrow(/verification key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(() => createSendGridVerifier(rsa.toString('base64'))).toThrow(/P-256/);
    expect(() => createSendGridVerifier(keys.publicKey, { toleranceMs: -5 })).toThrow(TypeError);
  });

  it('one-shot verifySendGridWebhook works the same', () => {
    const signed = signSendGridBatch(batch, keys);
    expect(verifySendGridWebhook(signed, keys.publicKey)).toEqual({ ok: true });
  });
});
