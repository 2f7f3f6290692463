import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createResendWebhookSecret, signResendWebhook } from '@mailverdict/testkit';
import fc from 'fast-check';
import { Resend } from 'resend';
import { describe, expect, it } from 'vitest';
import { signResendPayload } from './sign-webhook';
import { verifyResendWebhook } from './verify-webhook';

const secret = createResendWebhookSecret();
const nowSeconds = 1_764_000_000;
const now = () => nowSeconds * 1000;
const fresh = () => ({ secret, now, replayStore: createMemoryReplayStore() });
const payload = {
  type: 'email.delivered',
  created_at: '2025-11-24T16:00:00.000Z',
  data: { email_id: 'e1', to: ['a@example.test'] },
};

function signed(options: { timestamp?: number; secret?: string; id?: string } = {}) {
  const { headers, body } = signResendWebhook(payload, {
    secret: options.secret ?? secret,
    timestamp: options.timestamp ?? nowSeconds,
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  return { headers: { ...headers } as Record<string, string>, body };
}

describe('verifyResendWebhook', () => {
  it('accepts the packages/resend/PROVIDER.md §3 test vector (signature the resend SDK accepted)', async () => {
    const body =
      '{"type":"email.bounced","created_at":"2025-11-24T16:00:00.000Z","data":{"email_id":"4ef9a417-02e9-4d39-ad75-9611e0fcc33c","to":["gone@example.test"],"bounce":{"type":"Permanent","subType":"General","message":"x"}}}';
    const headers = {
      'svix-id': 'msg_2LJv6Qh4Sx0bRr5QnGbm2bE5n3P',
      'svix-timestamp': '1764000000',
      'svix-signature': 'v1,BbQC8MUAhkH7H6IwZt+DB6YaoIWal5CN3Gogdg9r+nE=',
    };
    const result = await verifyResendWebhook(
      { headers, body },
      { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now, replayStore: false },
    );
    expect(result).toMatchObject({
      ok: true,
      id: 'msg_2LJv6Qh4Sx0bRr5QnGbm2bE5n3P',
      timestamp: 1_764_000_000_000,
    });
    if (result.ok) expect(result.payload).toEqual(JSON.parse(body));
  });

  it('agrees with the resend SDK (standardwebhooks) on a freshly signed webhook', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const { headers, body } = signResendWebhook(payload, { secret, timestamp });
    const sdk = new Resend('re_test').webhooks.verify({
      payload: body,
      headers: {
        id: headers['svix-id'],
        timestamp: headers['svix-timestamp'],
        signature: headers['svix-signature'],
      },
      webhookSecret: secret,
    });
    expect(sdk).toEqual(payload);
    expect((await verifyResendWebhook({ headers, body }, { secret, replayStore: false })).ok).toBe(true);
    expect(await signResendPayload(secret, headers['svix-id'], timestamp, body)).toBe(
      headers['svix-signature'],
    );
  });

  it('reads svix-*, webhook-* and fetch Headers, in any case, with string or byte bodies', async () => {
    const { headers, body } = signed();
    expect((await verifyResendWebhook({ headers, body }, fresh())).ok).toBe(true);
    const renamed = {
      'Webhook-Id': headers['svix-id']!,
      'WEBHOOK-TIMESTAMP': headers['svix-timestamp']!,
      'webhook-signature': headers['svix-signature']!,
    };
    expect((await verifyResendWebhook({ headers: renamed, body: Buffer.from(body) }, fresh())).ok).toBe(true);
    expect(
      (
        await verifyResendWebhook(
          { headers: new Headers(headers), body: new TextEncoder().encode(body) },
          fresh(),
        )
      ).ok,
    ).toBe(true);
  });

  it('accepts any matching entry of a rotated signature list and any of several secrets', async () => {
    const { headers, body } = signed();
    const list = {
      ...headers,
      'svix-signature': `v1,${Buffer.alloc(32).toString('base64')} v2,zzz ${headers['svix-signature']}`,
    };
    expect((await verifyResendWebhook({ headers: list, body }, fresh())).ok).toBe(true);
    const other = createResendWebhookSecret();
    const byOld = signed({ secret: other });
    expect((await verifyResendWebhook(byOld, { ...fresh(), secret: [secret, other] })).ok).toBe(true);
  });

  it('rejects forged (other secret) and altered (body, id, timestamp) webhooks', async () => {
    expect(await verifyResendWebhook(signed({ secret: createResendWebhookSecret() }), fresh())).toMatchObject(
      {
        ok: false,
        reason: 'signature-mismatch',
      },
    );
    const good = signed();
    const alteredBody = { ...good, body: good.body.replace('a@example.test', 'b@example.test') };
    expect(await verifyResendWebhook(alteredBody, fresh())).toMatchObject({ reason: 'signature-mismatch' });
    const alteredId = { ...good, headers: { ...good.headers, 'svix-id': 'msg_other' } };
    expect(await verifyResendWebhook(alteredId, fresh())).toMatchObject({ reason: 'signature-mismatch' });
    const alteredTime = { ...good, headers: { ...good.headers, 'svix-timestamp': String(nowSeconds - 1) } };
    expect(await verifyResendWebhook(alteredTime, fresh())).toMatchObject({ reason: 'signature-mismatch' });
  });

  it('rejects expired and future timestamps (default 5 minutes, toleranceMs honoured)', async () => {
    const old = signed({ timestamp: nowSeconds - 301 });
    expect(await verifyResendWebhook(old, fresh())).toMatchObject({ ok: false, reason: 'timestamp-too-old' });
    expect((await verifyResendWebhook(old, { ...fresh(), toleranceMs: 400_000 })).ok).toBe(true);
    expect(await verifyResendWebhook(signed({ timestamp: nowSeconds + 301 }), fresh())).toMatchObject({
      reason: 'timestamp-too-new',
    });
  });

  it('rejects a replayed svix-id (injectable store; false disables)', async () => {
    const options = fresh();
    const first = signed({ id: 'msg_replay' });
    expect((await verifyResendWebhook(first, options)).ok).toBe(true);
    expect(await verifyResendWebhook(first, options)).toMatchObject({ ok: false, reason: 'replayed' });
    expect((await verifyResendWebhook(first, { ...options, replayStore: false })).ok).toBe(true);
    const broken = { remember: () => Promise.reject(new Error('db down')) };
    expect(await verifyResendWebhook(signed(), { secret, now, replayStore: broken })).toMatchObject({
      reason: 'replay-check-failed',
    });
  });

  it('asks for the raw body when given a parsed object', async () => {
    const { headers } = signed();
    // biome-ignore lint/suspicious/noExplicitAny: what express.json() hands over
    const result = await verifyResendWebhook({ headers, body: payload as any }, fresh());
    expect(result).toMatchObject({ ok: false, reason: 'malformed-body' });
  });

  it('garbage never throws', async () => {
    for (const request of [undefined, null]) {
      // biome-ignore lint/suspicious/noExplicitAny: garbage on purpose
      const result = await verifyResendWebhook(request as any, fresh());
      expect(result).toMatchObject({ ok: false, reason: 'malformed-request' });
    }
    for (const request of [{}, { headers: null, body: '' }, { headers: { 'svix-id': 'x' }, body: '{}' }]) {
      // biome-ignore lint/suspicious/noExplicitAny: garbage on purpose
      const result = await verifyResendWebhook(request as any, fresh());
      expect(result).toMatchObject({ ok: false, reason: 'missing-headers' });
    }
    const { headers, body } = signed();
    expect(
      await verifyResendWebhook({ headers: { ...headers, 'svix-timestamp': 'soon' }, body }, fresh()),
    ).toMatchObject({
      reason: 'malformed-headers',
    });
    expect(
      await verifyResendWebhook({ headers: { ...headers, 'svix-signature': 'v2,abc' }, body }, fresh()),
    ).toMatchObject({
      reason: 'malformed-headers',
    });
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        async (id, timestamp, signature, text) => {
          const request = {
            headers: { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature },
            body: text,
          };
          expect((await verifyResendWebhook(request, fresh())).ok).toBe(false);
        },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        // biome-ignore lint/suspicious/noExplicitAny: garbage on purpose
        expect((await verifyResendWebhook(value as any, fresh())).ok).toBe(false);
      }),
    );
  });

  it('answers megabyte inputs quickly (no backtracking)', async () => {
    const { headers, body } = signed();
    const big = 'A'.repeat(1_000_000);
    const started = performance.now();
    for (const request of [
      { headers: { ...headers, 'svix-signature': `v1,${big}` }, body },
      { headers: { ...headers, 'svix-timestamp': `1${'0'.repeat(1_000_000)}` }, body },
      { headers: { ...headers, 'svix-id': big }, body },
    ]) {
      expect(await verifyResendWebhook(request, fresh())).toMatchObject({
        ok: false,
        reason: 'malformed-headers',
      });
    }
    expect(await verifyResendWebhook({ headers, body: big }, fresh())).toMatchObject({
      reason: 'signature-mismatch',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('validates its options', async () => {
    const request = signed();
    await expect(verifyResendWebhook(request, { secret: 'whsec_***' })).rejects.toThrow(/secret/);
    await expect(verifyResendWebhook(request, { secret: [] })).rejects.toThrow(/secret/);
    await expect(verifyResendWebhook(request, { secret, toleranceMs: Number.NaN })).rejects.toThrow(
      /toleranceMs/,
    );
  });
});
