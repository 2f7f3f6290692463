import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createResendWebhookSecret, signResendWebhook } from '@mailverdict/testkit';
import { describeAdapter } from '@mailverdict/testkit/conformance';
import { resultFixtures } from './__fixtures__/results';
import { fixtures } from './__fixtures__/webhooks';
import { resendAdapter } from './adapter';
import { fromResendError } from './error';
import { fromResendResult } from './response';
import { fromResendWebhook } from './webhook';

describeAdapter({
  name: 'fromResendWebhook',
  provider: 'resend',
  convert: fromResendWebhook,
  fixtures: fixtures.map(({ name, payload, expected }) => ({
    name,
    input: payload,
    source: 'packages/resend/PROVIDER.md §2',
    expected: expected.map(({ category, ...fields }) => ({
      ...fields,
      ...(category === undefined ? {} : { verdict: { category } }),
    })),
  })),
});

describeAdapter({
  name: 'fromResendResult',
  provider: 'resend',
  convert: (result: unknown) => fromResendResult(result),
  fixtures: resultFixtures.map(({ name, result, expected }) => ({
    name,
    input: result,
    source: 'resend@6.38.0 run against the fake (packages/resend/PROVIDER.md §1)',
    expected: expected.map(({ category, ...fields }) => ({ ...fields, verdict: { category } })),
  })),
});

describeAdapter({
  name: 'fromResendError',
  provider: 'resend',
  convert: (error: unknown) => fromResendError(error),
  fixtures: resultFixtures
    .filter(({ result }) => (result as { error: unknown }).error !== null)
    .map(({ name, result, expected }) => ({
      name,
      input: (result as { error: unknown }).error,
      expected: {
        event: 'failed',
        origin: expected[0]!.origin,
        verdict: { category: expected[0]!.category },
      },
    })),
});

// The whole adapter (every role, with the shared verifier suite).
const secret = createResendWebhookSecret();
const otherSecret = createResendWebhookSecret();
const delivered = {
  type: 'email.delivered',
  created_at: '2025-11-24T16:00:00.000Z',
  data: { email_id: 'e1', to: ['a@example.test'] },
};

describeAdapter({
  adapter: resendAdapter,
  verifier: {
    create: (now) =>
      resendAdapter.createWebhookVerifier({ secret, now, replayStore: createMemoryReplayStore({ now }) }),
    sign: (at) => signResendWebhook(delivered, { secret, timestamp: Math.floor(at / 1000) }),
    forge: (at) => signResendWebhook(delivered, { secret: otherSecret, timestamp: Math.floor(at / 1000) }),
    alter: (request) => ({
      ...request,
      body: String(request.body).replace('a@example.test', 'z@example.test'),
    }),
    toleranceMs: 300_000,
    parsedBody: 'refused',
    readsHeaders: true,
  },
});
