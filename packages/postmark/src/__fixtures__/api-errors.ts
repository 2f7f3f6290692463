// Postmark API failures as the postmark 5.1.0 client builds them: `ErrorHandler.buildError(message,
// ErrorCode, HTTP status)` picks the class by status, then by ErrorCode for 422 (packages/postmark/PROVIDER.md §2).
// Bodies: packages/postmark/PROVIDER.md §1 (ErrorCode table) and §2 (observed 406); messages invented as there.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface ApiErrorFixture {
  readonly name: string;
  readonly source: string;
  /** HTTP status, body ErrorCode and Message; status 0 + code 0 is a network failure. */
  readonly status: number;
  readonly errorCode: number;
  readonly message: string;
  /** The class the client picks (`err.name`). */
  readonly className: string;
  readonly expected: {
    readonly event: DeliveryEvent;
    readonly recipients: readonly (string | undefined)[];
    readonly origin: OutcomeOrigin;
    readonly category: Category;
  };
}

export const inactiveMessage =
  'You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: gone@example.test. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.';

const one = [undefined];

export const apiErrorFixtures: readonly ApiErrorFixture[] = [
  {
    name: '401 / 10 bad token',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 10), §2 row 401',
    status: 401,
    errorCode: 10,
    message: 'The Server Token you provided in the X-Postmark-Server-Token request header was invalid.',
    className: 'InvalidAPIKeyError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-issue' },
  },
  {
    name: '422 / 406 inactive recipient',
    source: 'packages/postmark/PROVIDER.md §2 (observed InactiveRecipientsError)',
    status: 422,
    errorCode: 406,
    message: inactiveMessage,
    className: 'InactiveRecipientsError',
    expected: {
      event: 'rejected',
      recipients: ['gone@example.test'],
      origin: 'provider',
      category: 'suppressed',
    },
  },
  {
    name: '422 / 406 all recipients inactive, no list',
    source: 'packages/postmark/PROVIDER.md §2 (406 message variants)',
    status: 422,
    errorCode: 406,
    message:
      'You tried to send to recipients that have all been marked as inactive. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.',
    className: 'InactiveRecipientsError',
    expected: { event: 'rejected', recipients: one, origin: 'provider', category: 'suppressed' },
  },
  {
    name: '422 / 300 invalid email request',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 300), §2 row 422+300',
    status: 422,
    errorCode: 300,
    message: "Error parsing 'To': Illegal email address 'not-an-address'. It must contain the '@' symbol.",
    className: 'InvalidEmailRequestError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'protocol' },
  },
  {
    name: '422 / 400 sender signature not found',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 400), §8',
    status: 422,
    errorCode: 400,
    message:
      "The 'From' address you supplied (sender@example.org) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.",
    className: 'ApiInputError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-issue' },
  },
  {
    name: '422 / 401 sender signature not confirmed',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 401)',
    status: 422,
    errorCode: 401,
    message: 'Sender signature not confirmed.',
    className: 'ApiInputError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-issue' },
  },
  {
    name: '422 / 405 not allowed to send (credits)',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 405), §8',
    status: 422,
    errorCode: 405,
    message: 'Your account has run out of credits.',
    className: 'ApiInputError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-limit' },
  },
  {
    name: '422 / 412 account pending',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 412)',
    status: 422,
    errorCode: 412,
    message:
      'While your account is pending approval, all recipient addresses must share the same domain as the From address.',
    className: 'ApiInputError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-issue' },
  },
  {
    name: '422 / 413 account may not send',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 413)',
    status: 422,
    errorCode: 413,
    message: 'Your account is not approved for sending.',
    className: 'ApiInputError',
    expected: { event: 'failed', recipients: one, origin: 'account', category: 'account-issue' },
  },
  {
    name: '429 rate limit',
    source: 'packages/postmark/PROVIDER.md §1 (429), §2 row 429',
    status: 429,
    errorCode: 429,
    message: 'Rate limit exceeded.',
    className: 'RateLimitExceededError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'rate-limited' },
  },
  {
    name: '500 internal server error',
    source: 'packages/postmark/PROVIDER.md §2 row 500',
    status: 500,
    errorCode: 0,
    message: 'Request returned status code 500',
    className: 'InternalServerError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'server-busy' },
  },
  {
    name: '503 / 100 maintenance (ServiceUnavailablerError, sic)',
    source: 'packages/postmark/PROVIDER.md §1 (ErrorCode 100), §2 row 503',
    status: 503,
    errorCode: 100,
    message: 'Postmark is in maintenance mode.',
    className: 'ServiceUnavailablerError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'server-busy' },
  },
  {
    name: 'HTTP 413 payload too large (UnknownError)',
    source: 'packages/postmark/PROVIDER.md §1 (413: 10 MB), §2 row "anything else"',
    status: 413,
    errorCode: 0,
    message: 'Request returned status code 413',
    className: 'UnknownError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'message-too-large' },
  },
  {
    name: 'HTTP 404 (PostmarkError)',
    source: 'packages/postmark/PROVIDER.md §2 row 404',
    status: 404,
    errorCode: 0,
    message: 'Request returned status code 404',
    className: 'PostmarkError',
    expected: { event: 'failed', recipients: one, origin: 'provider', category: 'unknown' },
  },
  {
    name: 'network failure: fetch failed (status 0)',
    source: 'packages/postmark/PROVIDER.md §2 last row',
    status: 0,
    errorCode: 0,
    message: 'fetch failed',
    className: 'PostmarkError',
    expected: { event: 'failed', recipients: one, origin: 'network', category: 'network' },
  },
  {
    name: 'timeout (status 0)',
    source: 'packages/postmark/PROVIDER.md §2 last row, §3 (timeout in seconds)',
    status: 0,
    errorCode: 0,
    message: 'The operation was aborted due to timeout',
    className: 'PostmarkError',
    expected: { event: 'failed', recipients: one, origin: 'network', category: 'network' },
  },
];
