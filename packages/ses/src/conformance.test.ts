// The shared adapter conformance suite (testkit), run on real payload shapes and on garbage.
import { AccountSuspendedException, MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createSnsTestSigner, toSnsNotification } from '@mailverdict/testkit';
import { type AdapterFixture, describeAdapter } from '@mailverdict/testkit/conformance';
import { sesFixtures } from './__fixtures__/webhooks';
import { sesAdapter } from './adapter';
import { fromSesError } from './error';
import { fromSesResponse } from './response';
import { fromSesNotification } from './webhook';

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: 'req-1',
  attempts: 1,
  totalRetryDelay: 0,
});

describeAdapter({
  name: 'fromSesNotification',
  provider: 'ses',
  convert: fromSesNotification,
  fixtures: sesFixtures.map(
    (fixture): AdapterFixture => ({
      name: fixture.name,
      input: fixture.input,
      source: 'packages/ses/PROVIDER.md §6',
      // Where an expert accepts several categories, ses-notification.test.ts checks them.
      expected: fixture.expected.map(({ event, recipient, origin, category, messageId, alsoAccept }) => ({
        event,
        origin,
        ...(recipient === undefined ? {} : { recipient }),
        ...(messageId === undefined ? {} : { messageId }),
        ...(alsoAccept === undefined ? { verdict: { category } } : {}),
      })),
    }),
  ),
});

describeAdapter({
  name: 'fromSesError',
  provider: 'ses',
  convert: (error: unknown) => fromSesError(error),
  fixtures: [
    {
      name: 'MessageRejected: Email address is not verified (SDK exception class)',
      source: 'packages/ses/PROVIDER.md §1; @aws-sdk/client-sesv2 MessageRejected',
      input: () =>
        new MessageRejected({
          message:
            'Email address is not verified. The following identities failed the check in region EU-WEST-1: sender@example.org',
          $metadata: metadata(400),
        }),
      expected: {
        event: 'failed',
        origin: 'account',
        verdict: { category: 'account-issue', scope: 'provider' },
      },
    },
    {
      name: 'TooManyRequestsException: Maximum sending rate exceeded',
      source: 'packages/ses/PROVIDER.md §1 (pm-pmaas/etailors_amazon_ses#117 body)',
      input: () =>
        new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: metadata(429) }),
      expected: {
        event: 'failed',
        origin: 'account',
        retryAfterMs: 1000,
        verdict: { category: 'account-limit', permanence: 'transient', retry: { allowed: true } },
      },
    },
    {
      name: 'AccountSuspendedException',
      source: 'packages/ses/PROVIDER.md §1',
      input: () => new AccountSuspendedException({ message: 'Account suspended.', $metadata: metadata(400) }),
      expected: {
        event: 'failed',
        origin: 'account',
        verdict: { category: 'account-issue', permanence: 'permanent' },
      },
    },
    {
      name: 'SES v1 Throttling: Daily message quota exceeded',
      source: 'packages/ses/PROVIDER.md §2 (awsQuery error surfaced by @aws-sdk/client-ses)',
      input: {
        name: 'Throttling',
        Code: 'Throttling',
        Type: 'Sender',
        message: 'Daily message quota exceeded.',
        $fault: 'client',
        $metadata: metadata(400),
      },
      expected: {
        event: 'failed',
        retryAfterMs: 3_600_000,
        verdict: { category: 'account-limit', rule: 'ses:daily-quota' },
      },
    },
    {
      name: 'ECONNREFUSED from the Node HTTP handler',
      source: 'run against a closed port (ses-error.test.ts)',
      input: () =>
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
          errno: -111,
          syscall: 'connect',
          $metadata: { attempts: 1, totalRetryDelay: 0 },
        }),
      expected: {
        event: 'failed',
        origin: 'network',
        verdict: { category: 'network', permanence: 'transient' },
      },
    },
  ],
});

describeAdapter({
  name: 'fromSesResponse',
  provider: 'ses',
  convert: (output: unknown) => fromSesResponse(output, { recipients: ['a@example.test'] }),
  fixtures: [
    {
      name: 'SendEmail output',
      source: 'SendEmailCommandOutput, run against startFakeSes',
      input: { MessageId: '0102019a0000-000000', $metadata: metadata(200) },
      expected: {
        event: 'accepted',
        origin: 'provider',
        recipient: 'a@example.test',
        messageId: '0102019a0000-000000',
      },
    },
  ],
});

// The whole adapter (every role, with the shared verifier suite).
const signer = createSnsTestSigner({ region: 'eu-west-1' });
const forger = createSnsTestSigner({ region: 'eu-west-1' });
const topicArn = 'arn:aws:sns:eu-west-1:111122223333:ses-events';
const delivery = {
  eventType: 'Delivery',
  delivery: { recipients: ['a@example.test'] },
  mail: { messageId: 'm-1' },
};
const signedAt = (at: number, by = signer) => ({
  body: JSON.stringify(
    toSnsNotification(delivery, { signer: by, topicArn, timestamp: new Date(at).toISOString() }),
  ),
});

describeAdapter({
  adapter: sesAdapter,
  verifier: {
    create: (now) =>
      sesAdapter.createWebhookVerifier({
        topicArns: [topicArn],
        fetchCertificate: signer.fetchCertificate,
        now,
        replayStore: createMemoryReplayStore({ now }),
      }),
    sign: (at) => signedAt(at),
    forge: (at) => signedAt(at, forger),
    alter: (request) => ({
      ...request,
      body: String(request.body).replace('a@example.test', 'z@example.test'),
    }),
    toleranceMs: 60 * 60 * 1000,
    parsedBody: 'accepted',
    readsHeaders: false,
  },
});
