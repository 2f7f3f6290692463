// The real @sendgrid/mail (with its @sendgrid/client) against the testkit's fake SendGrid API, one case per
// error row of packages/sendgrid/PROVIDER.md §1 / §5.
import type { Category, OutcomeOrigin } from '@mailverdict/core';
import {
  type FakeSendGrid,
  type SendGridScenario,
  sendGridScenarios,
  startFakeSendGrid,
} from '@mailverdict/testkit';
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromSendGridError } from './error';
import { fromSendGridResponse } from './response';

let fake: FakeSendGrid | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** How to point @sendgrid/mail at a local fake: `setApiKey` resets `baseUrl`, so set `baseUrl` after it. */
function mailer(baseUrl: string, apiKey = 'SG.test-key'): MailService {
  const client = new Client();
  client.setApiKey(apiKey);
  client.setDefaultRequest('baseUrl', `${baseUrl}/`);
  const service = new MailService();
  service.setClient(client);
  return service;
}

const message = {
  to: ['one@example.test', 'two@example.test'],
  from: 'sender@example.org',
  subject: 'Hello',
  text: 'Hi',
};

async function sendError(service: MailService): Promise<unknown> {
  try {
    await service.send(message);
  } catch (error) {
    return error;
  }
  throw new Error('send unexpectedly succeeded');
}

interface Row {
  readonly scenario: SendGridScenario;
  readonly status?: number;
  readonly category: Category;
  readonly origin: OutcomeOrigin;
  readonly rule: string;
}

const rows: Record<string, Row> = {
  '400 validation error (field kept)': {
    scenario: sendGridScenarios.badRequest,
    status: 400,
    category: 'protocol',
    origin: 'provider',
    rule: 'sendgrid:bad-request',
  },
  '400 invalid recipient address': {
    scenario: sendGridScenarios.invalidRecipient,
    status: 400,
    category: 'mailbox-unknown',
    origin: 'provider',
    rule: 'sendgrid:invalid-recipient',
  },
  '400 unverified sender identity (as observed)': {
    scenario: { ...sendGridScenarios.unverifiedSender, status: 400 },
    status: 400,
    category: 'account-issue',
    origin: 'account',
    rule: 'sendgrid:unverified-sender',
  },
  '401 bad API key': {
    scenario: sendGridScenarios.unauthorized,
    status: 401,
    category: 'account-issue',
    origin: 'account',
    rule: 'sendgrid:unauthorized',
  },
  '403 unverified sender identity (as documented)': {
    scenario: sendGridScenarios.unverifiedSender,
    status: 403,
    category: 'account-issue',
    origin: 'account',
    rule: 'sendgrid:unverified-sender',
  },
  '403 forbidden': {
    scenario: sendGridScenarios.forbidden,
    status: 403,
    category: 'account-issue',
    origin: 'account',
    rule: 'sendgrid:forbidden',
  },
  '403 too many bad requests (temporary block)': {
    scenario: { status: 403, errors: [{ message: 'Too many bad requests. Temporary block', field: null }] },
    status: 403,
    category: 'account-limit',
    origin: 'account',
    rule: 'sendgrid:temporary-block',
  },
  '413 payload too large': {
    scenario: sendGridScenarios.payloadTooLarge,
    status: 413,
    category: 'message-too-large',
    origin: 'provider',
    rule: 'sendgrid:payload-too-large',
  },
  '429 too many requests': {
    scenario: sendGridScenarios.tooManyRequests,
    status: 429,
    category: 'account-limit',
    origin: 'account',
    rule: 'sendgrid:rate-limit',
  },
  '451 data residency': {
    scenario: sendGridScenarios.dataResidency,
    status: 451,
    category: 'account-issue',
    origin: 'account',
    rule: 'sendgrid:data-residency',
  },
  '500 internal error': {
    scenario: sendGridScenarios.internalError,
    status: 500,
    category: 'server-busy',
    origin: 'provider',
    rule: 'sendgrid:server-error',
  },
  '503 unavailable': {
    scenario: sendGridScenarios.unavailable,
    status: 503,
    category: 'server-busy',
    origin: 'provider',
    rule: 'sendgrid:server-error',
  },
  '502 with an HTML body': {
    scenario: sendGridScenarios.badGatewayHtml,
    status: 502,
    category: 'server-busy',
    origin: 'provider',
    rule: 'sendgrid:server-error',
  },
  'connection reset': {
    scenario: sendGridScenarios.connectionReset,
    category: 'network',
    origin: 'network',
    rule: 'sendgrid:network',
  },
};

describe('fromSendGridError with the real @sendgrid/mail against startFakeSendGrid', () => {
  for (const [title, row] of Object.entries(rows)) {
    it(title, async () => {
      fake = await startFakeSendGrid({ fallback: row.scenario });
      const error = await sendError(mailer(fake.url));
      const outcomes = fromSendGridError(error, { recipients: message.to });
      expect(outcomes).toHaveLength(2);
      expect(outcomes[1]).toMatchObject({
        provider: 'sendgrid',
        event: 'failed',
        recipient: 'two@example.test',
        origin: row.origin,
        verdict: { category: row.category, rule: row.rule },
      });
      expect(outcomes[0]?.raw).toBe(error);
      if (row.status !== undefined) expect(outcomes[0]?.providerDetail.httpStatus).toBe(row.status);
      if ('errors' in row.scenario) {
        expect(outcomes[0]?.providerDetail.errors).toEqual(row.scenario.errors);
      }
    });
  }

  it('a refused connection (raw axios error) is network with the code kept', async () => {
    const closed = await startFakeSendGrid();
    await closed.close();
    const error = await sendError(mailer(closed.url));
    const [outcome] = fromSendGridError(error);
    expect(outcome).toMatchObject({
      origin: 'network',
      providerDetail: { code: 'ECONNREFUSED' },
      verdict: { category: 'network', permanence: 'transient', retry: { allowed: true } },
    });
  });

  it('429: retryAfterMs from X-RateLimit-Reset (epoch seconds), limits kept', async () => {
    fake = await startFakeSendGrid({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const service = mailer(fake.url);
    const result = await service.send(message);
    const accepted = fromSendGridResponse(result, { recipients: message.to });
    expect(accepted.map((outcome) => [outcome.event, outcome.recipient, outcome.messageId])).toEqual([
      ['accepted', 'one@example.test', fake.sends[0]?.messageId],
      ['accepted', 'two@example.test', fake.sends[0]?.messageId],
    ]);
    expect(accepted[0]?.providerDetail.httpStatus).toBe(202);
    const error = await sendError(service);
    const reset = Number(
      (error as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-reset'],
    );
    const now = reset * 1000 - 42_000;
    const [outcome] = fromSendGridError(error, { now: () => now });
    expect(outcome).toMatchObject({
      retryAfterMs: 42_000,
      verdict: { category: 'account-limit', retry: { afterMs: 42_000 } },
      providerDetail: {
        httpStatus: 429,
        rateLimitLimit: '1',
        rateLimitRemaining: '0',
        rateLimitReset: String(reset),
      },
    });
  });

  it('a wrong API key against a fake that checks it is 401', async () => {
    fake = await startFakeSendGrid({ apiKey: 'SG.right' });
    const [outcome] = fromSendGridError(await sendError(mailer(fake.url, 'SG.wrong')));
    expect(outcome?.verdict.rule).toBe('sendgrid:unauthorized');
    await mailer(fake.url, 'SG.right').send(message);
    expect(fake.sends.at(-1)?.status).toBe(202);
  });

  it('per-recipient scenarios: the first recipient with one decides the call', async () => {
    fake = await startFakeSendGrid({ recipients: { 'two@example.test': sendGridScenarios.payloadTooLarge } });
    const [outcome] = fromSendGridError(await sendError(mailer(fake.url)));
    expect(outcome?.verdict.category).toBe('message-too-large');
    expect(fake.sends[0]?.recipients).toEqual(['one@example.test', 'two@example.test']);
  });

  it('a local validation error from @sendgrid/helpers is unknown, origin local', async () => {
    fake = await startFakeSendGrid();
    let error: unknown;
    try {
      await mailer(fake.url).send({ from: 'sender@example.org', subject: 's', text: 't' } as never);
    } catch (caught) {
      error = caught;
    }
    const [outcome] = fromSendGridError(error);
    expect(outcome).toMatchObject({ origin: 'local', verdict: { category: 'unknown' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('fromSendGridError with anything', () => {
  it('never throws and never changes its input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const before = JSON.stringify(value);
        const outcomes = fromSendGridError(value);
        expect(outcomes).toHaveLength(1);
        expect(outcomes[0]?.raw).toBe(value);
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('validates options', () => {
    expect(() => fromSendGridError({}, { recipients: [1] as never })).toThrow(/recipients/);
    expect(() => fromSendGridError({}, { now: 5 as never })).toThrow(/now/);
  });
});
