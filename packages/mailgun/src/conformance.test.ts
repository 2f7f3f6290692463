import { createHmac } from 'node:crypto';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { describeAdapter } from '@mailverdict/testkit/conformance';
import { errorFixtures } from './__fixtures__/errors';
import { fixtures } from './__fixtures__/webhooks';
import { mailgunAdapter } from './adapter';
import { fromMailgunError } from './error';
import { fromMailgunResponse } from './response';

/** hex(HMAC-SHA256(key, timestamp + token)), computed here with node:crypto as an independent oracle. */
function hmacHex(key: string, timestamp: string, token: string): string {
  return createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
}

import { fromMailgunWebhook } from './webhook';

describeAdapter({
  name: 'fromMailgunWebhook',
  provider: 'mailgun',
  convert: fromMailgunWebhook,
  fixtures: fixtures.map(({ name, payload, expected }) => ({
    name,
    input: payload,
    source: 'packages/mailgun/PROVIDER.md §3',
    expected: expected.map(({ category, ...fields }) => ({
      ...fields,
      ...(category === undefined ? {} : { verdict: { category } }),
    })),
  })),
});

describeAdapter({
  name: 'fromMailgunError',
  provider: 'mailgun',
  convert: (error: unknown) => fromMailgunError(error),
  fixtures: errorFixtures.map(({ name, error, origin, category }) => ({
    name,
    input: error,
    source: 'mailgun.js@14.0.1 run against the fake (packages/mailgun/PROVIDER.md §2)',
    expected: { event: 'failed', origin, verdict: { category } },
  })),
});

describeAdapter({
  name: 'fromMailgunResponse',
  provider: 'mailgun',
  convert: (result: unknown) => fromMailgunResponse(result),
  fixtures: [
    {
      name: 'queued',
      input: { status: 200, id: '<20261120100000.1.ABCDEF@mg.example.org>', message: 'Queued. Thank you.' },
      source: 'packages/mailgun/PROVIDER.md §1',
      expected: {
        event: 'accepted',
        origin: 'provider',
        messageId: '20261120100000.1.ABCDEF@mg.example.org',
      },
    },
  ],
});

// The whole adapter (every role, with the shared verifier suite). Mailgun signs only timestamp + token, so
// "altered" changes the token; the event beside it is not covered (README).
const signingKey = 'conformance-signing-key';
function signedAt(at: number, key = signingKey) {
  const timestamp = String(Math.floor(at / 1000));
  const token = `token-${Math.random().toString(36).slice(2)}`;
  return {
    body: JSON.stringify({
      signature: { timestamp, token, signature: hmacHex(key, timestamp, token) },
      'event-data': { event: 'delivered', recipient: 'a@example.test' },
    }),
  };
}

describeAdapter({
  adapter: mailgunAdapter,
  verifier: {
    create: (now) =>
      mailgunAdapter.createWebhookVerifier({
        signingKey,
        now,
        replayStore: createMemoryReplayStore({ now }),
      }),
    sign: (at) => signedAt(at),
    forge: (at) => signedAt(at, 'another-key'),
    alter: (request) => ({ ...request, body: String(request.body).replace('"token-', '"tokeN-') }),
    toleranceMs: 300_000,
    parsedBody: 'accepted',
    readsHeaders: false,
  },
});
