// What resend@6.38.0 resolves to, recorded by running the real SDK against the testkit's fake Resend and a closed
// port (`{ data, error, headers }`, packages/resend/PROVIDER.md §1). Headers trimmed to the ones that matter. Expected outcomes beside each.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface ResendResultFixture {
  readonly name: string;
  readonly result: unknown;
  readonly expected: readonly {
    readonly event: DeliveryEvent;
    readonly origin: OutcomeOrigin;
    readonly category: Category;
    readonly retryAfterMs?: number;
  }[];
}

const failed = (
  statusCode: number | null,
  name: string,
  message: string,
  headers: Record<string, string> | null = {},
) => ({
  data: null,
  error: { statusCode, name, message },
  headers: headers === null ? null : { 'content-type': 'application/json', ...headers },
});

export const resultFixtures: readonly ResendResultFixture[] = [
  {
    name: 'sent',
    result: {
      data: { id: '4ef9a417-02e9-4d39-ad75-9611e0fcc33c' },
      error: null,
      headers: { 'content-type': 'application/json' },
    },
    expected: [{ event: 'accepted', origin: 'provider', category: 'accepted' }],
  },
  {
    name: 'batch, permissive, one refused',
    result: {
      data: { data: [{ id: 'a1' }], errors: [{ index: 1, message: 'Invalid `to` field.' }] },
      error: null,
      headers: {},
    },
    expected: [
      { event: 'accepted', origin: 'provider', category: 'accepted' },
      { event: 'rejected', origin: 'provider', category: 'protocol' },
    ],
  },
  {
    name: 'network failure (statusCode null)',
    result: failed(
      null,
      'application_error',
      'Unable to fetch data. The request could not be resolved.',
      null,
    ),
    expected: [{ event: 'failed', origin: 'network', category: 'network' }],
  },
  {
    name: '429 rate_limit_exceeded with retry-after',
    result: failed(
      429,
      'rate_limit_exceeded',
      'Too many requests. You can only make 2 requests per second.',
      {
        'ratelimit-limit': '2',
        'ratelimit-remaining': '0',
        'ratelimit-reset': '1',
        'retry-after': '1',
      },
    ),
    expected: [{ event: 'failed', origin: 'provider', category: 'rate-limited', retryAfterMs: 1000 }],
  },
  {
    name: '429 daily_quota_exceeded',
    result: failed(429, 'daily_quota_exceeded', 'You have reached your daily email sending quota.'),
    expected: [{ event: 'failed', origin: 'account', category: 'account-limit' }],
  },
  {
    name: '403 invalid_api_key',
    result: failed(403, 'invalid_api_key', 'API key is invalid'),
    expected: [{ event: 'failed', origin: 'account', category: 'account-issue' }],
  },
  {
    name: '403 validation_error domain not verified',
    result: failed(
      403,
      'validation_error',
      'The example.net domain is not verified. Please, add and verify your domain on https://resend.com/domains',
    ),
    expected: [{ event: 'failed', origin: 'account', category: 'account-issue' }],
  },
  {
    name: '422 validation_error invalid to',
    result: failed(422, 'validation_error', 'Invalid `to` field.'),
    expected: [{ event: 'failed', origin: 'provider', category: 'protocol' }],
  },
  {
    name: '502 HTML page',
    result: failed(
      502,
      'application_error',
      'Internal server error. We are unable to process your request right now, please try again later.',
      {
        'content-type': 'text/html',
      },
    ),
    expected: [{ event: 'failed', origin: 'provider', category: 'server-busy' }],
  },
];
