// Issue 13's security holes, one test each; every test here failed on the code before the fix.
import { generateKeyPairSync } from 'node:crypto';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createSendGridTestKeys, sendGridEvents, signSendGridBatch } from '@mailverdict/testkit';
import { describe, expect, it } from 'vitest';
import { createSendGridVerifier, fromSendGridEvents } from './index';

// biome-ignore lint/suspicious/noExplicitAny: options that older versions did not declare
type AnyOptions = any;

const keys = createSendGridTestKeys();
const batch = [sendGridEvents.delivered({ email: 'b@example.test' })];

describe('prototype keys in events', () => {
  it.each([
    ['dropped reason "constructor"', { event: 'dropped', email: 'a@example.test', reason: 'constructor' }],
    ['dropped reason "__proto__"', { event: 'dropped', email: 'a@example.test', reason: '__proto__' }],
    [
      'bounce_classification "__proto__"',
      { event: 'bounce', email: 'a@example.test', bounce_classification: '__proto__' },
    ],
    [
      'bounce_classification "constructor"',
      { event: 'bounce', email: 'a@example.test', bounce_classification: 'constructor' },
    ],
  ])('%s gives an outcome for that event and keeps the rest of the batch', (_name, poisoned) => {
    const good = sendGridEvents.delivered({ email: 'b@example.test' });
    const outcomes = fromSendGridEvents(JSON.stringify([poisoned, good]));
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]?.recipient).toBe('a@example.test');
    expect(outcomes[1]).toMatchObject({ event: 'delivered', recipient: 'b@example.test' });
  });

  it('a Proxy batch whose length throws gives one unreadable outcome, not a throw', () => {
    const hostile = new Proxy([batch[0]], {
      get(target, key) {
        if (key === 'length') throw new Error('length getter throws');
        return Reflect.get(target, key);
      },
    });
    const outcomes = fromSendGridEvents(hostile);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.verdict).toMatchObject({ category: 'unknown', rule: 'sendgrid:unreadable' });
  });
});

/** The same ECDSA signature written as (r, n − s): as valid as the original (ECDSA malleability). */
function malleate(signatureBase64: string): string {
  const der = Buffer.from(signatureBase64, 'base64');
  const rLength = der[3] as number;
  const r = der.subarray(4, 4 + rLength);
  const s = BigInt(`0x${der.subarray(6 + rLength).toString('hex')}`);
  const n = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
  let hex = (n - s).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let flipped = Buffer.from(hex, 'hex');
  if ((flipped[0] as number) >= 0x80) flipped = Buffer.concat([Buffer.from([0]), flipped]);
  const body = Buffer.concat([
    Buffer.from([0x02, r.length]),
    r,
    Buffer.from([0x02, flipped.length]),
    flipped,
  ]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64');
}

describe('SendGrid replays', () => {
  it('refuses the same signed request twice inside the window', async () => {
    const verify = createSendGridVerifier(keys.publicKey, {
      replayStore: createMemoryReplayStore(),
    } as AnyOptions);
    const signed = signSendGridBatch(batch, keys);
    expect(await verify(signed)).toEqual({ ok: true });
    expect(await verify(signed)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('keys on timestamp + body, not the signature: a rewritten (r, n − s) signature is still a replay', async () => {
    const verify = createSendGridVerifier(keys.publicKey, {
      replayStore: createMemoryReplayStore(),
    } as AnyOptions);
    const signed = signSendGridBatch(batch, keys);
    const header = 'X-Twilio-Email-Event-Webhook-Signature';
    const twin = {
      body: signed.body,
      headers: { ...signed.headers, [header]: malleate(signed.headers[header] ?? '') },
    };
    expect(await verify(twin)).toEqual({ ok: true });
    expect(await verify(signed)).toMatchObject({ ok: false, reason: 'replayed' });
  });
});

describe('SendGrid verification key', () => {
  it.each([
    ['RSA', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey],
    ['EC P-384', generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey],
  ])('refuses an %s KeyObject at start-up', (_name, key) => {
    expect(() => createSendGridVerifier(key)).toThrow(/P-256/);
  });

  it("accepts an ArrayBuffer body (fetch's arrayBuffer())", async () => {
    const signed = signSendGridBatch(batch, keys);
    const body = new TextEncoder().encode(signed.body).buffer;
    expect(
      await createSendGridVerifier(keys.publicKey)({ body, headers: signed.headers } as AnyOptions),
    ).toEqual({
      ok: true,
    });
  });
});
