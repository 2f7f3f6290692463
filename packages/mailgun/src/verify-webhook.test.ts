import { createHmac, randomBytes } from 'node:crypto';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** hex(HMAC-SHA256(key, timestamp + token)), computed here with node:crypto as an independent oracle. */
function hmacHex(key: string, timestamp: string, token: string): string {
  return createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
}

import { signMailgunToken } from './sign-webhook';
import { verifyMailgunWebhook } from './verify-webhook';

const key = randomBytes(24).toString('hex');
const nowSeconds = 1_770_000_000;
const now = () => nowSeconds * 1000;

function signed(data: { timestamp?: number; token?: string; signingKey?: string } = {}) {
  const timestamp = String(data.timestamp ?? nowSeconds);
  const token = data.token ?? randomBytes(25).toString('hex');
  const signature = hmacHex(data.signingKey ?? key, timestamp, token);
  return { signature: { timestamp, token, signature }, 'event-data': { event: 'delivered' } };
}

const fresh = () => ({ signingKey: key, now, replayStore: createMemoryReplayStore({ now }) });

describe('verifyMailgunWebhook', () => {
  it('matches the test vector computed in packages/mailgun/PROVIDER.md §3', async () => {
    expect(
      await signMailgunToken(
        'whk-test-signing-key-0000',
        '1770920772',
        'e0b5477167110d68991efc6b9f89f0a11066af27834600e123',
      ),
    ).toBe('add85ce0b48c423e06828b78c47232dccc1000f7cd3c210a2217fe152304a614');
  });

  it('accepts a valid signature, as an object, a JSON string or bytes', async () => {
    const body = signed();
    expect(await verifyMailgunWebhook(body, fresh())).toMatchObject({
      ok: true,
      token: body.signature.token,
    });
    expect((await verifyMailgunWebhook(JSON.stringify(signed()), fresh())).ok).toBe(true);
    expect((await verifyMailgunWebhook(Buffer.from(JSON.stringify(signed())), fresh())).ok).toBe(true);
  });

  it('accepts legacy form posts with the fields at the top level', async () => {
    const { signature } = signed();
    expect((await verifyMailgunWebhook({ ...signature, event: 'bounced' }, fresh())).ok).toBe(true);
  });

  it('rejects a signature made with another key (forged)', async () => {
    const result = await verifyMailgunWebhook(signed({ signingKey: 'not-the-key' }), fresh());
    expect(result).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it('rejects an altered token or timestamp', async () => {
    const body = signed();
    const altered = {
      ...body,
      signature: { ...body.signature, token: `${body.signature.token.slice(0, -1)}x` },
    };
    expect(await verifyMailgunWebhook(altered, fresh())).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
    const moved = { ...body, signature: { ...body.signature, timestamp: String(nowSeconds + 1) } };
    expect(await verifyMailgunWebhook(moved, fresh())).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects expired and future timestamps, honouring toleranceMs', async () => {
    const old = signed({ timestamp: nowSeconds - 301 });
    expect(await verifyMailgunWebhook(old, fresh())).toMatchObject({
      ok: false,
      reason: 'timestamp-too-old',
    });
    expect((await verifyMailgunWebhook(old, { ...fresh(), toleranceMs: 600_000 })).ok).toBe(true);
    const future = signed({ timestamp: nowSeconds + 301 });
    expect(await verifyMailgunWebhook(future, fresh())).toMatchObject({
      ok: false,
      reason: 'timestamp-too-new',
    });
  });

  it('rejects a replayed token, and only remembers tokens of valid requests', async () => {
    const options = fresh();
    const body = signed();
    const forged = { ...body, signature: { ...body.signature, signature: 'a'.repeat(64) } };
    expect((await verifyMailgunWebhook(forged, options)).ok).toBe(false);
    expect((await verifyMailgunWebhook(body, options)).ok).toBe(true);
    expect(await verifyMailgunWebhook(body, options)).toMatchObject({ ok: false, reason: 'replayed' });
    // replayStore: false turns the check off
    expect((await verifyMailgunWebhook(body, { ...options, replayStore: false })).ok).toBe(true);
  });

  it('uses the default process-wide store when none is given', async () => {
    const body = signed();
    expect((await verifyMailgunWebhook(body, { signingKey: key, now })).ok).toBe(true);
    expect(await verifyMailgunWebhook(body, { signingKey: key, now })).toMatchObject({ reason: 'replayed' });
  });

  it('tries every key during a rotation', async () => {
    const body = signed({ signingKey: 'new-key' });
    expect((await verifyMailgunWebhook(body, { ...fresh(), signingKey: ['old-key', 'new-key'] })).ok).toBe(
      true,
    );
  });

  it('fails closed when the replay store breaks', async () => {
    const replayStore = {
      remember: async () => {
        throw new Error('redis down');
      },
    };
    const result = await verifyMailgunWebhook(signed(), { signingKey: key, now, replayStore });
    expect(result).toMatchObject({ ok: false, reason: 'replay-check-failed' });
    if (!result.ok) expect(result.message).toContain('redis down');
  });

  it('answers malformed for garbage and never throws', async () => {
    for (const garbage of [
      undefined,
      null,
      42,
      'not json',
      '[]',
      {},
      { signature: {} },
      { signature: 'x' },
    ]) {
      expect(await verifyMailgunWebhook(garbage, fresh())).toMatchObject({ ok: false, reason: 'malformed' });
    }
    const body = signed();
    const short = { ...body, signature: { ...body.signature, signature: 'abc' } };
    expect(await verifyMailgunWebhook(short, fresh())).toMatchObject({ ok: false, reason: 'malformed' });
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const result = await verifyMailgunWebhook(value, fresh());
        expect(result.ok).toBe(false);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (timestamp, token, signature) => {
        const result = await verifyMailgunWebhook({ signature: { timestamp, token, signature } }, fresh());
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('answers megabyte inputs quickly (no backtracking, no hashing of junk)', async () => {
    const big = 'a'.repeat(1_000_000);
    const started = performance.now();
    for (const block of [
      { timestamp: big, token: 't', signature: 'a'.repeat(64) },
      { timestamp: '1', token: big, signature: 'a'.repeat(64) },
      { timestamp: '1', token: 't', signature: big },
    ]) {
      expect(await verifyMailgunWebhook({ signature: block }, fresh())).toMatchObject({
        ok: false,
        reason: 'malformed',
      });
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('validates its options', async () => {
    await expect(verifyMailgunWebhook(signed(), { signingKey: '' })).rejects.toThrow(/signingKey/);
    await expect(verifyMailgunWebhook(signed(), { signingKey: key, toleranceMs: -1 })).rejects.toThrow(
      /toleranceMs/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: a wrong type on purpose
    await expect(verifyMailgunWebhook(signed(), undefined as any)).rejects.toThrow(/options/);
  });
});

describe('createMemoryReplayStore', () => {
  it('refuses (fails closed) when the replay store is full of live tokens, rather than forget one', async () => {
    const options = { signingKey: key, now, replayStore: createMemoryReplayStore({ maxEntries: 1, now }) };
    expect(await verifyMailgunWebhook(signed(), options)).toMatchObject({ ok: true });
    expect(await verifyMailgunWebhook(signed(), options)).toMatchObject({
      ok: false,
      reason: 'replay-check-failed',
    });
  });
});
