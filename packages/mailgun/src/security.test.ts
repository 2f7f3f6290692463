// Issue 13's holes in this package, one test each; every test here failed on the code before the fix.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as mailgun from './index';

/** hex(HMAC-SHA256(key, timestamp + token)), computed here with node:crypto as an independent oracle. */
function hmacHex(key: string, timestamp: string, token: string): string {
  return createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
}

// biome-ignore lint/suspicious/noExplicitAny: exports that older versions did not have
const api = mailgun as any;
const key = randomBytes(24).toString('hex');
const now = () => 1_770_000_000_000;

function signed() {
  const timestamp = '1770000000';
  const token = randomBytes(25).toString('hex');
  const signature = hmacHex(key, timestamp, token);
  return {
    signature: { timestamp, token, signature },
    'event-data': { event: 'delivered', recipient: 'a@example.test', timestamp: 1770000000 },
  };
}

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

describe('Mailgun verifier', () => {
  it('refuses hostile objects (a Proxy, a throwing getter) instead of throwing', async () => {
    const getter = Object.defineProperty({}, 'signature', {
      enumerable: true,
      get() {
        throw new Error('getter throws');
      },
    });
    for (const body of [throwing, getter, { signature: throwing }]) {
      await expect(
        mailgun.verifyMailgunWebhook(body, { signingKey: key, now, replayStore: false }),
      ).resolves.toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('is built by a factory that refuses a bad configuration at start-up', () => {
    expect(typeof api.createMailgunVerifier).toBe('function');
    expect(() => api.createMailgunVerifier({ signingKey: '' })).toThrow(/signingKey/);
  });

  it("accepts an ArrayBuffer body (fetch's arrayBuffer())", async () => {
    const body = new TextEncoder().encode(JSON.stringify(signed())).buffer;
    await expect(
      mailgun.verifyMailgunWebhook(body as never, { signingKey: key, now, replayStore: false }),
    ).resolves.toMatchObject({ ok: true });
  });
});

describe('fromMailgunWebhook', () => {
  it('reads the raw body as a JSON string or bytes, like the parsed object', () => {
    const body = signed();
    const expected = mailgun.fromMailgunWebhook(body);
    expect(expected[0]?.event).toBe('delivered');
    for (const raw of [JSON.stringify(body), new TextEncoder().encode(JSON.stringify(body))]) {
      const outcomes = mailgun.fromMailgunWebhook(raw);
      expect(outcomes.map((outcome) => [outcome.event, outcome.recipient])).toEqual([
        ['delivered', 'a@example.test'],
      ]);
    }
  });
});
