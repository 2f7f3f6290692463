import { describeAdapter } from '@mailverdict/testkit/conformance';
import { resultFixtures } from './__fixtures__/results';
import { fixtures } from './__fixtures__/webhooks';
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
    source: 'providers.md §6.2',
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
    source: 'resend@6.38.0 run against the fake (providers.md §6.1)',
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
