import { describeAdapter } from '@mailverdict/testkit/conformance';
import { errorFixtures } from './__fixtures__/errors';
import { fixtures } from './__fixtures__/webhooks';
import { fromMailgunError } from './error';
import { fromMailgunResponse } from './response';
import { fromMailgunWebhook } from './webhook';

describeAdapter({
  name: 'fromMailgunWebhook',
  provider: 'mailgun',
  convert: fromMailgunWebhook,
  fixtures: fixtures.map(({ name, payload, expected }) => ({
    name,
    input: payload,
    source: 'providers.md §5.3',
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
    source: 'mailgun.js@14.0.1 run against the fake (providers.md §5.2)',
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
      source: 'providers.md §5.1',
      expected: {
        event: 'accepted',
        origin: 'provider',
        messageId: '20261120100000.1.ABCDEF@mg.example.org',
      },
    },
  ],
});
