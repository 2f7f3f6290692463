// The shared adapter conformance suite (testkit), run on real payload shapes and on garbage.
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createSendGridTestKeys, sendGridEvents, signSendGridBatch } from '@mailverdict/testkit';
import { type AdapterFixture, describeAdapter } from '@mailverdict/testkit/conformance';
import { sendGridFixtures } from './__fixtures__/webhooks';
import { sendGridAdapter } from './adapter';
import { fromSendGridError } from './error';
import { fromSendGridResponse } from './response';

const delivering = sendGridFixtures.filter((fixture) => fixture.expected !== null);

const keys = createSendGridTestKeys();
const otherKeys = createSendGridTestKeys();
const batch = [sendGridEvents.delivered({ email: 'a@example.test' })];
const signedAt = (at: number, with_ = keys) => signSendGridBatch(batch, with_, Math.floor(at / 1000));

// The whole adapter (every role, with the shared verifier suite), then each conversion's own cases below.
describeAdapter({
  adapter: sendGridAdapter,
  verifier: {
    create: (now) =>
      sendGridAdapter.createWebhookVerifier({
        publicKey: keys.publicKey,
        now,
        replayStore: createMemoryReplayStore({ now }),
      }),
    sign: (at) => signedAt(at),
    forge: (at) => signedAt(at, otherKeys),
    alter: (request) => ({
      ...request,
      body: String(request.body).replace('a@example.test', 'z@example.test'),
    }),
    toleranceMs: 10 * 60 * 1000,
    parsedBody: 'refused',
    readsHeaders: true,
  },
  fixtures: {
    webhook: [
      ...delivering.map(
        (fixture): AdapterFixture => ({
          name: fixture.name,
          input: [fixture.input],
          source: 'packages/sendgrid/PROVIDER.md §3',
          // Where an expert accepts several categories, sendgrid-events.test.ts checks them.
          expected: {
            event: fixture.expected!.event,
            origin: fixture.expected!.origin,
            recipient: fixture.input.email as string,
            messageId: fixture.input.sg_message_id as string,
            ...(fixture.expected!.alsoAccept === undefined
              ? { verdict: { category: fixture.expected!.category } }
              : {}),
          },
        }),
      ),
      {
        name: 'the whole documented batch: tracking events give no outcome',
        input: sendGridFixtures.map((fixture) => fixture.input),
        source: 'packages/sendgrid/PROVIDER.md §3',
        expected: delivering.map((fixture) => ({ event: fixture.expected!.event })),
      },
    ],
  },
});

/** A `ResponseError` as @sendgrid/helpers 8.0.0 builds it (code, message = status text, response). */
function responseError(
  code: number,
  statusText: string,
  errors: unknown[],
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(statusText), {
    code,
    response: { headers: { 'content-type': 'application/json', ...headers }, body: { errors } },
  });
}

describeAdapter({
  name: 'fromSendGridError',
  provider: 'sendgrid',
  convert: (error: unknown) => fromSendGridError(error, { now: () => 1_763_633_640_000 }),
  fixtures: [
    {
      name: '401 bad API key',
      source: 'packages/sendgrid/PROVIDER.md §1',
      input: () =>
        responseError(401, 'Unauthorized', [
          {
            message: 'The provided authorization grant is invalid, expired, or revoked',
            field: null,
            help: null,
          },
        ]),
      expected: { event: 'failed', origin: 'account', verdict: { category: 'account-issue' } },
    },
    {
      name: '400 unverified Sender Identity (observed run)',
      source: 'packages/sendgrid/PROVIDER.md §2',
      input: () =>
        responseError(400, 'Bad Request', [
          {
            message:
              'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements',
            field: 'from',
            help: null,
          },
        ]),
      expected: {
        event: 'failed',
        origin: 'account',
        verdict: { category: 'account-issue', rule: 'sendgrid:unverified-sender' },
      },
    },
    {
      name: '429 with X-RateLimit-Reset',
      source: 'packages/sendgrid/PROVIDER.md §1',
      input: () =>
        responseError(429, 'Too Many Requests', [{ field: null, message: 'too many requests' }], {
          'x-ratelimit-limit': '600',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '1763633700',
        }),
      expected: {
        event: 'failed',
        retryAfterMs: 60_000,
        verdict: { category: 'account-limit', retry: { afterMs: 60_000 } },
      },
    },
    {
      name: 'raw axios ECONNREFUSED (no response)',
      source: 'packages/sendgrid/PROVIDER.md §2',
      input: () =>
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED',
          isAxiosError: true,
        }),
      expected: { event: 'failed', origin: 'network', verdict: { category: 'network' } },
    },
  ],
});

describeAdapter({
  name: 'fromSendGridResponse',
  provider: 'sendgrid',
  convert: (result: unknown) => fromSendGridResponse(result, { recipients: ['a@example.test'] }),
  fixtures: [
    {
      name: '202 with X-Message-Id',
      source: 'packages/sendgrid/PROVIDER.md §2: sgMail.send resolves to [ClientResponse, {}]',
      input: [{ statusCode: 202, body: '', headers: { 'x-message-id': 'W7qGXjdTTtqW0zkRz6Lq4w' } }, {}],
      expected: { event: 'accepted', recipient: 'a@example.test', messageId: 'W7qGXjdTTtqW0zkRz6Lq4w' },
    },
  ],
});
