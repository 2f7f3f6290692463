// Issue 13's holes in this package, one test each; every test here failed on the code before the fix.
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createResendWebhookSecret, signResendWebhook } from '@mailverdict/testkit';
import { describe, expect, it } from 'vitest';
import * as resend from './index';

// biome-ignore lint/suspicious/noExplicitAny: exports that older versions did not have
const api = resend as any;
const secret = createResendWebhookSecret();
const nowSeconds = 1_764_000_000;
const now = () => nowSeconds * 1000;
const payload = {
  type: 'email.delivered',
  created_at: '2025-11-24T16:00:00.000Z',
  data: { email_id: 'e1', to: ['a@example.test'] },
};

const throwing = new Proxy(
  {},
  {
    get() {
      throw new Error('get trap');
    },
    getPrototypeOf() {
      throw new Error('getPrototypeOf trap');
    },
    ownKeys() {
      throw new Error('ownKeys trap');
    },
  },
);

describe('Resend verifier', () => {
  it('refuses hostile objects (a Proxy, throwing getters) instead of throwing', async () => {
    const { headers, body } = signResendWebhook(payload, { secret, timestamp: nowSeconds });
    const getterBody = Object.defineProperty({ headers }, 'body', {
      enumerable: true,
      get() {
        throw new Error('getter throws');
      },
    });
    for (const request of [throwing, { headers: throwing, body }, getterBody]) {
      const result = await resend.verifyResendWebhook(request as never, { secret, now, replayStore: false });
      expect(result.ok).toBe(false);
    }
  });

  it('accepts a Svix retry: the same svix-id re-signed with a new timestamp', async () => {
    const store = createMemoryReplayStore({ now });
    const first = signResendWebhook(payload, { secret, timestamp: nowSeconds - 60, id: 'msg_retry' });
    const retry = signResendWebhook(payload, { secret, timestamp: nowSeconds, id: 'msg_retry' });
    const options = { secret, now, replayStore: store };
    expect(await resend.verifyResendWebhook(first, options)).toMatchObject({ ok: true });
    expect(await resend.verifyResendWebhook(retry, options)).toMatchObject({ ok: true });
    expect(await resend.verifyResendWebhook(retry, options)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('is built by a factory that refuses a bad configuration at start-up', () => {
    expect(typeof api.createResendVerifier).toBe('function');
    expect(() => api.createResendVerifier({ secret: 'whsec_not base64!' })).toThrow(/secret/);
  });

  it("accepts an ArrayBuffer body (fetch's arrayBuffer())", async () => {
    const { headers, body } = signResendWebhook(payload, { secret, timestamp: nowSeconds });
    const buffer = new TextEncoder().encode(body).buffer;
    expect(
      await resend.verifyResendWebhook({ headers, body: buffer } as never, {
        secret,
        now,
        replayStore: false,
      }),
    ).toMatchObject({ ok: true });
  });
});
