// The shared adapter conformance suite (@mailverdict/testkit) on the fixtures of this package and on
// garbage, for each entry point.
import { createRequire } from 'node:module';
import { type AdapterFixture, describeAdapter } from '@mailverdict/testkit/conformance';
import { apiErrorFixtures } from './__fixtures__/api-errors';
import { webhookFixtures } from './__fixtures__/webhooks';
import { postmarkAdapter } from './adapter';
import { fromPostmarkError } from './error';
import { fromPostmarkResponse } from './response';
import { fromPostmarkWebhook } from './webhook';

// The client's own error factory: the exact objects `ServerClient` rejects with.
const require = createRequire(import.meta.url);
const { ErrorHandler } = require('postmark/dist/client/errors/ErrorHandler') as {
  ErrorHandler: new () => { buildError(message: string, code?: number, statusCode?: number): Error };
};

describeAdapter({
  name: 'fromPostmarkWebhook',
  provider: 'postmark',
  convert: fromPostmarkWebhook,
  fixtures: webhookFixtures.map(
    (fixture): AdapterFixture => ({
      name: fixture.name,
      source: fixture.source,
      input: fixture.payload,
      expected: {
        event: fixture.expected.event,
        recipient: fixture.expected.recipient,
        origin: fixture.expected.origin,
        verdict: { category: fixture.expected.category },
      },
    }),
  ),
});

describeAdapter({
  name: 'fromPostmarkError',
  provider: 'postmark',
  convert: fromPostmarkError,
  fixtures: apiErrorFixtures.map(
    (fixture): AdapterFixture => ({
      name: fixture.name,
      source: fixture.source,
      input: () => new ErrorHandler().buildError(fixture.message, fixture.errorCode, fixture.status),
      expected: fixture.expected.recipients.map((recipient) => ({
        event: fixture.expected.event,
        ...(recipient === undefined ? {} : { recipient }),
        origin: fixture.expected.origin,
        verdict: { category: fixture.expected.category },
        providerDetail: { name: fixture.className, ErrorCode: fixture.errorCode },
      })),
    }),
  ),
});

describeAdapter({
  name: 'fromPostmarkResponse',
  provider: 'postmark',
  convert: fromPostmarkResponse,
  fixtures: [
    {
      name: 'single send accepted',
      source: 'packages/postmark/PROVIDER.md §1 (successful send)',
      input: {
        To: 'jane@example.test',
        SubmittedAt: '2026-11-20T10:15:00Z',
        MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
        ErrorCode: 0,
        Message: 'OK',
      },
      expected: {
        event: 'accepted',
        recipient: 'jane@example.test',
        messageId: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
        occurredAt: Date.UTC(2026, 10, 20, 10, 15),
        verdict: { category: 'accepted', permanence: 'success' },
      },
    },
    {
      name: 'batch with a 406 element',
      source: 'packages/postmark/PROVIDER.md §1 (batch: HTTP 200, ErrorCode per message; pastebin 04peBCvB)',
      input: [
        {
          To: 'jane@example.test',
          SubmittedAt: '2026-11-20T10:15:00Z',
          MessageID: 'a',
          ErrorCode: 0,
          Message: 'OK',
        },
        {
          ErrorCode: 406,
          Message:
            'You tried to send to a recipient that has been marked as inactive.\nFound inactive addresses: gone@example.test.\nInactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression. ',
        },
      ],
      expected: [
        { event: 'accepted', recipient: 'jane@example.test', verdict: { category: 'accepted' } },
        {
          event: 'rejected',
          recipient: 'gone@example.test',
          origin: 'provider',
          verdict: { category: 'suppressed', suppressRecipient: true },
          providerDetail: { batchIndex: 1, ErrorCode: 406 },
        },
      ],
    },
  ],
});

// The whole adapter: every role through the spec. Postmark does not sign webhooks, so there is no verifier
// suite; its Basic-auth check (`createWebhookVerifier`) has its own tests in verify-webhook.test.ts.
describeAdapter({ adapter: postmarkAdapter });
