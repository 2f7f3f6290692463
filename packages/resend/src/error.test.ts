// The real resend SDK against the testkit's fake Resend API (loopback), one test per error row of packages/resend/PROVIDER.md §1/§4.
import {
  type FakeResend,
  type ResendScenario,
  resendScenarios,
  startFakeResend,
  startHttpServer,
} from '@mailverdict/testkit';
import { Resend } from 'resend';
import { afterEach, describe, expect, it } from 'vitest';
import { fromResendError } from './error';
import { fromResendResult } from './response';

const email = {
  from: 'App <app@example.org>',
  to: ['a@example.test', 'b@example.test'],
  subject: 'Hi',
  text: 'Hello',
};

let fake: FakeResend | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function sendWith(scenario: ResendScenario) {
  fake = await startFakeResend({ sequence: [scenario] });
  const resend = new Resend(fake.apiKey, { baseUrl: fake.url });
  const result = await resend.emails.send(email);
  return { result, outcomes: fromResendResult(result, { to: email.to }) };
}

describe('fromResendResult with the real resend SDK', () => {
  it('a sent email → accepted per recipient, messageId = Resend email id', async () => {
    fake = await startFakeResend();
    const result = await new Resend(fake.apiKey, { baseUrl: fake.url }).emails.send(email);
    const outcomes = fromResendResult(result, { to: email.to });
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toMatchObject({
      provider: 'resend',
      event: 'accepted',
      recipient: 'b@example.test',
      messageId: result.data?.id,
    });
    expect(outcomes[0]!.raw).toBe(result);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/emails' });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer re_test');
  });

  it('honours RESEND_BASE_URL when no baseUrl option is given (read at construction)', async () => {
    fake = await startFakeResend();
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = fake.url;
    try {
      const result = await new Resend(fake.apiKey).emails.send(email);
      expect(result.error).toBeNull();
      expect(fake.sends).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous;
    }
  });

  const rows: [string, ResendScenario, { category: string; origin: string; permanence?: string }][] = [
    ['400 validation_error', resendScenarios.validationError, { category: 'protocol', origin: 'provider' }],
    [
      '422 validation_error invalid to',
      resendScenarios.invalidTo,
      { category: 'protocol', origin: 'provider' },
    ],
    [
      '422 missing_required_field',
      resendScenarios.missingRequiredField,
      { category: 'protocol', origin: 'provider' },
    ],
    [
      '422 invalid_from_address',
      resendScenarios.invalidFromAddress,
      { category: 'protocol', origin: 'provider' },
    ],
    [
      '422 invalid_attachment',
      resendScenarios.invalidAttachment,
      { category: 'protocol', origin: 'provider' },
    ],
    ['401 missing_api_key', resendScenarios.missingApiKey, { category: 'account-issue', origin: 'account' }],
    [
      '401 restricted_api_key',
      resendScenarios.restrictedApiKey,
      { category: 'account-issue', origin: 'account' },
    ],
    ['403 invalid_api_key', resendScenarios.invalidApiKey, { category: 'account-issue', origin: 'account' }],
    [
      '403 validation_error unverified domain',
      resendScenarios.unverifiedDomain,
      { category: 'account-issue', origin: 'account' },
    ],
    [
      '403 validation_error testing only',
      resendScenarios.testingOnly,
      { category: 'account-issue', origin: 'account' },
    ],
    ['404 not_found', resendScenarios.notFound, { category: 'protocol', origin: 'provider' }],
    [
      '429 rate_limit_exceeded',
      resendScenarios.rateLimited,
      { category: 'rate-limited', origin: 'provider', permanence: 'transient' },
    ],
    [
      '429 daily_quota_exceeded',
      resendScenarios.dailyQuota,
      { category: 'account-limit', origin: 'account', permanence: 'transient' },
    ],
    [
      '429 monthly_quota_exceeded',
      resendScenarios.monthlyQuota,
      { category: 'account-limit', origin: 'account' },
    ],
    ['451 security_error', resendScenarios.securityError, { category: 'policy', origin: 'provider' }],
    [
      '500 application_error',
      resendScenarios.applicationError,
      { category: 'server-busy', origin: 'provider', permanence: 'transient' },
    ],
    [
      '500 internal_server_error',
      resendScenarios.internalServerError,
      { category: 'server-busy', origin: 'provider' },
    ],
    [
      '502 HTML page (SDK: application_error 502)',
      resendScenarios.badGateway,
      { category: 'server-busy', origin: 'provider' },
    ],
    [
      'dropped connection (SDK: application_error null)',
      resendScenarios.dropped,
      { category: 'network', origin: 'network' },
    ],
  ];
  for (const [name, scenario, expected] of rows) {
    it(`${name} → ${expected.category}`, async () => {
      const { result, outcomes } = await sendWith(scenario);
      expect(result.error).not.toBeNull();
      expect(outcomes).toHaveLength(2);
      const [outcome] = outcomes;
      expect(outcome).toMatchObject({
        provider: 'resend',
        event: 'failed',
        recipient: 'a@example.test',
        origin: expected.origin,
      });
      expect(outcome!.verdict.category).toBe(expected.category);
      if (expected.permanence !== undefined) expect(outcome!.verdict.permanence).toBe(expected.permanence);
      expect(outcome!.providerDetail).toEqual({ ...result.error });
      expect(outcome!.raw).toBe(result.error);
    });
  }

  it('429: retryAfterMs from retry-after, else ratelimit-reset (the SDK exposes result.headers)', async () => {
    const { result, outcomes } = await sendWith(resendScenarios.rateLimited);
    expect(result.headers?.['retry-after']).toBe('1');
    expect(outcomes[0]!.retryAfterMs).toBe(1000);
    expect(fromResendError(result.error, { headers: { 'ratelimit-reset': '7' } })[0]!.retryAfterMs).toBe(
      7000,
    );
    const quota = await sendWith(resendScenarios.dailyQuota);
    expect(quota.outcomes[0]!.retryAfterMs).toBe(3_600_000);
  });

  it('the fake rate limit (2/s) through the SDK → rate-limited with retryAfterMs', async () => {
    fake = await startFakeResend({ rateLimit: 2 });
    const resend = new Resend(fake.apiKey, { baseUrl: fake.url });
    const results = [];
    for (let index = 0; index < 3; index++) results.push(await resend.emails.send(email));
    const [outcome] = fromResendResult(results[2]);
    expect(outcome).toMatchObject({ verdict: { category: 'rate-limited' } });
    expect(outcome!.retryAfterMs).toBeGreaterThanOrEqual(1000);
  });

  it('a refused connection → application_error with statusCode null → network', async () => {
    const closed = await startHttpServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const result = await new Resend('re_test', { baseUrl: url }).emails.send(email);
    expect(result).toMatchObject({
      data: null,
      headers: null,
      error: { name: 'application_error', statusCode: null },
    });
    expect(fromResendResult(result)[0]).toMatchObject({
      origin: 'network',
      verdict: { category: 'network', permanence: 'transient' },
    });
  });

  it('the SDK refusing locally (statusCode null, not application_error) → origin local', () => {
    const error = {
      name: 'invalid_parameter',
      statusCode: null,
      message: 'Path parameters cannot be `.` or `..`.',
    };
    expect(fromResendError(error)[0]).toMatchObject({ origin: 'local', verdict: { category: 'protocol' } });
  });

  it('batch, strict and permissive, through the SDK', async () => {
    fake = await startFakeResend();
    const resend = new Resend(fake.apiKey, { baseUrl: fake.url });
    const batch = [email, { ...email, to: 'bad address' }];
    const strict = await resend.batch.send(batch);
    expect(fromResendResult(strict)[0]).toMatchObject({ event: 'failed', verdict: { category: 'protocol' } });
    const permissive = await resend.batch.send(batch, { batchValidation: 'permissive' });
    const outcomes = fromResendResult(permissive);
    expect(outcomes.map((outcome) => outcome.event)).toEqual(['accepted', 'rejected']);
    expect(outcomes[1]!.providerDetail).toMatchObject({ index: 1 });
  });

  it('unknown names fall back on the status; case of the name does not matter', () => {
    expect(
      fromResendError({ name: 'invalid_api_Key', statusCode: 403, message: 'x' })[0]!.verdict.category,
    ).toBe('account-issue');
    expect(fromResendError({ name: 'brand_new', statusCode: 429, message: 'x' })[0]!.verdict.category).toBe(
      'rate-limited',
    );
    expect(fromResendError({ name: 'brand_new', statusCode: 418, message: 'x' })[0]!.verdict.category).toBe(
      'protocol',
    );
    expect(fromResendError({ name: 'brand_new', statusCode: 503, message: 'x' })[0]!.verdict.category).toBe(
      'server-busy',
    );
    expect(
      fromResendError({ name: 'validation_error', statusCode: 400, message: 'API key is invalid' })[0]!
        .verdict.category,
    ).toBe('account-issue');
  });

  it('garbage never throws: one unknown outcome', () => {
    for (const value of [undefined, null, 1, 'x', {}, { data: null, error: 'nope' }, { name: 1 }]) {
      const outcomes = fromResendResult(value);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]!.verdict.category).toBe('unknown');
    }
    // biome-ignore lint/suspicious/noExplicitAny: a wrong type on purpose
    expect(() => fromResendResult({ data: { id: 'x' }, error: null }, { to: [1] as any })).toThrow(TypeError);
  });
});
