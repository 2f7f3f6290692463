// The real @aws-sdk/client-sesv2 against the testkit's fake SES v2 API, one case per error row of
// packages/ses/PROVIDER.md §1 / §7.
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { Category, OutcomeOrigin } from '@mailverdict/core';
import { type FakeSes, type SesScenario, sesScenarios, startFakeSes } from '@mailverdict/testkit';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromSesError } from './error';
import { fromSesResponse } from './response';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
let fake: FakeSes | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function client(url: string, maxAttempts = 1): SESv2Client {
  return new SESv2Client({ region: 'eu-west-1', endpoint: url, credentials, maxAttempts });
}

function email(to: string[]): SendEmailCommandInput {
  return {
    FromEmailAddress: 'sender@example.org',
    Destination: { ToAddresses: to },
    Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi' } } } },
  };
}

async function sendError(sesClient: SESv2Client, to: string[] = ['someone@example.test']): Promise<unknown> {
  try {
    await sesClient.send(new SendEmailCommand(email(to)));
  } catch (error) {
    return error;
  }
  throw new Error('SendEmail unexpectedly succeeded');
}

interface Row {
  readonly scenario: SesScenario;
  readonly name?: string;
  readonly status?: number;
  readonly category: Category;
  readonly origin: OutcomeOrigin;
  readonly rule: string;
  readonly retryAfterMs?: number;
}

const rows: Record<string, Row> = {
  'MessageRejected, unverified identity': {
    scenario: sesScenarios.unverifiedSender,
    name: 'MessageRejected',
    status: 400,
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:identity-not-verified',
  },
  'MessageRejected, content': {
    scenario: sesScenarios.contentRejected,
    name: 'MessageRejected',
    status: 400,
    category: 'spam-content',
    origin: 'provider',
    rule: 'ses:message-rejected',
  },
  'MessageRejected, virus': {
    scenario: sesScenarios.virus,
    name: 'MessageRejected',
    category: 'virus',
    origin: 'provider',
    rule: 'ses:message-rejected-virus',
  },
  MailFromDomainNotVerifiedException: {
    scenario: sesScenarios.mailFromNotVerified,
    name: 'MailFromDomainNotVerifiedException',
    status: 400,
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:mail-from-not-verified',
  },
  AccountSuspendedException: {
    scenario: sesScenarios.accountSuspended,
    name: 'AccountSuspendedException',
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:account-suspended',
  },
  SendingPausedException: {
    scenario: sesScenarios.sendingPaused,
    name: 'SendingPausedException',
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:sending-paused',
  },
  LimitExceededException: {
    scenario: sesScenarios.limitExceeded,
    name: 'LimitExceededException',
    category: 'account-limit',
    origin: 'account',
    rule: 'ses:limit-exceeded',
  },
  'TooManyRequestsException, send rate': {
    scenario: sesScenarios.maxSendRate,
    name: 'TooManyRequestsException',
    status: 429,
    category: 'account-limit',
    origin: 'account',
    rule: 'ses:max-send-rate',
    retryAfterMs: 1000,
  },
  'TooManyRequestsException, daily quota': {
    scenario: sesScenarios.dailyQuota,
    name: 'TooManyRequestsException',
    status: 429,
    category: 'account-limit',
    origin: 'account',
    rule: 'ses:daily-quota',
    retryAfterMs: 3_600_000,
  },
  'LimitExceededException carrying the daily quota text': {
    scenario: { error: 'LimitExceededException', message: 'Daily message quota exceeded.' },
    name: 'LimitExceededException',
    category: 'account-limit',
    origin: 'account',
    rule: 'ses:daily-quota',
    retryAfterMs: 3_600_000,
  },
  'unmodeled ThrottlingException': {
    scenario: sesScenarios.throttling,
    name: 'ThrottlingException',
    category: 'account-limit',
    origin: 'account',
    rule: 'ses:max-send-rate',
    retryAfterMs: 1000,
  },
  'unmodeled AccessDeniedException (403)': {
    scenario: sesScenarios.accessDenied,
    name: 'AccessDeniedException',
    status: 403,
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:credentials',
  },
  'unmodeled UnrecognizedClientException': {
    scenario: sesScenarios.badCredentials,
    name: 'UnrecognizedClientException',
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:credentials',
  },
  NotFoundException: {
    scenario: sesScenarios.notFound,
    name: 'NotFoundException',
    status: 404,
    category: 'account-issue',
    origin: 'account',
    rule: 'ses:not-found',
  },
  'BadRequestException, invalid address': {
    scenario: sesScenarios.badRequest,
    name: 'BadRequestException',
    category: 'mailbox-unknown',
    origin: 'provider',
    rule: 'ses:invalid-address',
  },
  'BadRequestException, other': {
    scenario: { error: 'BadRequestException', message: 'Subject must not be empty.' },
    name: 'BadRequestException',
    category: 'protocol',
    origin: 'provider',
    rule: 'ses:bad-request',
  },
  InternalServiceErrorException: {
    scenario: sesScenarios.internalError,
    name: 'InternalServiceErrorException',
    status: 500,
    category: 'server-busy',
    origin: 'provider',
    rule: 'ses:internal-error',
  },
  'non-JSON 503 (no usable name)': {
    scenario: sesScenarios.nonJson503,
    status: 503,
    category: 'server-busy',
    origin: 'provider',
    rule: 'ses:http-5xx',
  },
  'connection reset': {
    scenario: sesScenarios.connectionReset,
    category: 'network',
    origin: 'network',
    rule: 'ses:network',
  },
};

describe('fromSesError with the real SESv2Client against startFakeSes', () => {
  for (const [title, row] of Object.entries(rows)) {
    it(title, async () => {
      fake = await startFakeSes({ fallback: row.scenario });
      const error = await sendError(client(fake.url), ['one@example.test', 'two@example.test']);
      const outcomes = fromSesError(error, { recipients: ['one@example.test', 'two@example.test'] });
      expect(outcomes).toHaveLength(2);
      const [first] = outcomes;
      expect(first).toMatchObject({
        provider: 'ses',
        event: 'failed',
        recipient: 'one@example.test',
        origin: row.origin,
        verdict: { category: row.category, rule: row.rule },
      });
      expect(first?.raw).toBe(error);
      if (row.name !== undefined) expect(first?.providerDetail.name).toBe(row.name);
      if (row.status !== undefined) expect(first?.providerDetail.httpStatusCode).toBe(row.status);
      expect(first?.retryAfterMs).toBe(row.retryAfterMs);
      if (row.retryAfterMs !== undefined) expect(first?.verdict.retry.afterMs).toBe(row.retryAfterMs);
    });
  }

  it('a refused connection is network, with the Node code kept', async () => {
    const closed = await startFakeSes();
    const url = closed.url;
    await closed.close();
    const error = await sendError(client(url));
    const [outcome] = fromSesError(error);
    expect(outcome).toMatchObject({
      origin: 'network',
      verdict: { category: 'network', permanence: 'transient', retry: { allowed: true } },
      providerDetail: { code: 'ECONNREFUSED' },
    });
    expect(outcome?.recipient).toBeUndefined();
  });

  it('a Retry-After header on the response wins over the default wait', async () => {
    fake = await startFakeSes({ fallback: { ...sesScenarios.maxSendRate, headers: { 'retry-after': '7' } } });
    const [outcome] = fromSesError(await sendError(client(fake.url)));
    expect(outcome?.retryAfterMs).toBe(7000);
    expect(outcome?.verdict.retry.afterMs).toBe(7000);
  });

  it('the SDK retries throttling (maxAttempts 2); attempts are kept', async () => {
    fake = await startFakeSes({ fallback: sesScenarios.maxSendRate });
    const error = await sendError(client(fake.url, 2));
    expect(fake.sends).toHaveLength(2);
    const [outcome] = fromSesError(error);
    expect(outcome?.providerDetail.attempts).toBe(2);
  });

  it('the fake enforces maxSendRate and dailyQuota, and per-recipient scenarios', async () => {
    fake = await startFakeSes({
      maxSendRate: 1,
      recipients: { 'gone@example.test': sesScenarios.unverifiedSender },
    });
    const sesClient = client(fake.url);
    await sesClient.send(new SendEmailCommand(email(['a@example.test'])));
    const [throttled] = fromSesError(await sendError(sesClient, ['b@example.test']));
    expect(throttled?.verdict.rule).toBe('ses:max-send-rate');
    const [unverified] = fromSesError(await sendError(sesClient, ['c@example.test', 'gone@example.test']));
    expect(unverified?.verdict.category).toBe('account-issue');
    await fake.close();

    fake = await startFakeSes({ dailyQuota: 1 });
    const quotaClient = client(fake.url);
    const sent = await quotaClient.send(new SendEmailCommand(email(['a@example.test'])));
    expect(fromSesResponse(sent, { recipients: ['a@example.test'] })).toEqual([
      expect.objectContaining({
        event: 'accepted',
        origin: 'provider',
        recipient: 'a@example.test',
        messageId: fake.sends[0]?.messageId,
        providerDetail: expect.objectContaining({ httpStatusCode: 200 }),
        raw: sent,
      }),
    ]);
    const [quota] = fromSesError(await sendError(quotaClient));
    expect(quota?.verdict.rule).toBe('ses:daily-quota');
  });

  it('rateRetryMs and quotaRetryMs change the wait', () => {
    const rate = { name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' };
    expect(fromSesError(rate, { rateRetryMs: 250 })[0]?.retryAfterMs).toBe(250);
    const quota = { name: 'TooManyRequestsException', message: 'Daily message quota exceeded.' };
    expect(fromSesError(quota, { quotaRetryMs: 60_000 })[0]?.retryAfterMs).toBe(60_000);
  });
});

describe('fromSesError with anything', () => {
  it('never throws and never changes its input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const before = JSON.stringify(value);
        const outcomes = fromSesError(value);
        expect(outcomes).toHaveLength(1);
        expect(outcomes[0]?.raw).toBe(value);
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('a plain local error is unknown, origin local, with its message in the summary', () => {
    const [outcome] = fromSesError(new TypeError('Cannot read properties of undefined'));
    expect(outcome).toMatchObject({ origin: 'local', verdict: { category: 'unknown' } });
    expect(outcome?.verdict.summary).toContain('Cannot read properties');
  });

  it('validates options', () => {
    expect(() => fromSesError({}, { recipients: 'a@example.test' as never })).toThrow(/recipients/);
    expect(() => fromSesError({}, { rateRetryMs: -1 })).toThrow(/rateRetryMs/);
    expect(() => fromSesError({}, null as never)).toThrow(TypeError);
  });
});
