// The shared adapter conformance suite (@mailverdict/testkit), run on the packages/nodemailer/PROVIDER.md §4 fixtures
// and on garbage, for both entry points.
import { type AdapterFixture, describeAdapter, type ExpectedOutcome } from '@mailverdict/testkit/conformance';
import { expect } from 'vitest';
import { type Fixture, fixtures, mail } from './__fixtures__/matrix';
import { nodemailerAdapter } from './adapter';
import { fromNodemailerError } from './error';
import { fromNodemailerInfo } from './response';

function adapterFixtures(kind: Fixture['kind']): AdapterFixture[] {
  return fixtures
    .filter((fixture) => fixture.kind === kind)
    .map((fixture) => ({
      name: fixture.name,
      source: fixture.source,
      input: fixture.input,
      expected: fixture.expected.map(
        (expected): ExpectedOutcome => ({
          event: expected.event,
          ...(expected.recipient === undefined ? {} : { recipient: expected.recipient }),
          origin: expected.origin,
          verdict: {
            category:
              typeof expected.category === 'string'
                ? expected.category
                : expect.toBeOneOf([...expected.category]),
            permanence: expected.permanence,
          },
        }),
      ),
    }));
}

describeAdapter({
  name: 'fromNodemailerError',
  provider: 'smtp',
  convert: (error: unknown) => fromNodemailerError(error, mail),
  fixtures: adapterFixtures('error'),
});

describeAdapter({
  name: 'fromNodemailerInfo',
  provider: 'smtp',
  convert: fromNodemailerInfo,
  fixtures: adapterFixtures('info'),
});

// The whole adapter: every role through the spec (SMTP has no webhooks: `fromWebhook` says so).
describeAdapter({ adapter: nodemailerAdapter });
