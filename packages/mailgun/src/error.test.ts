// The real mailgun.js client against the testkit's fake Mailgun API (loopback), one test per error row of
// packages/mailgun/PROVIDER.md §1–§2 and §4.
import {
  type FakeMailgun,
  type MailgunScenario,
  mailgunScenarios,
  startFakeMailgun,
  startHttpServer,
} from '@mailverdict/testkit';
import FormData from 'form-data';
import Mailgun from 'mailgun.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fromMailgunError } from './error';
import { fromMailgunResponse } from './response';

const domain = 'mg.example.test';
const message = {
  from: 'App <app@mg.example.test>',
  to: ['a@example.test', 'b@example.test'],
  subject: 'Hi',
  text: 'Hello',
};

let fake: FakeMailgun | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function sendExpectingError(
  options: { key?: string; url?: string; timeout?: number; data?: object; to?: string } = {},
) {
  const client = new Mailgun(FormData).client({
    username: 'api',
    key: options.key ?? 'key-test',
    url: options.url ?? fake!.url,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  try {
    await client.messages.create(options.to ?? domain, (options.data ?? message) as never);
  } catch (error) {
    return error;
  }
  throw new Error('expected the send to fail');
}

async function scenario(reply: MailgunScenario) {
  fake = await startFakeMailgun({ sequence: [reply] });
  return sendExpectingError();
}

describe('fromMailgunError with the real mailgun.js client', () => {
  it('queued send → accepted outcome per recipient, id without brackets', async () => {
    fake = await startFakeMailgun();
    const client = new Mailgun(FormData).client(fake.clientOptions);
    const result = await client.messages.create(domain, message);
    const outcomes = fromMailgunResponse(result, { to: message.to });
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({
      provider: 'mailgun',
      event: 'accepted',
      recipient: 'a@example.test',
      origin: 'provider',
    });
    expect(`<${outcomes[0]!.messageId}>`).toBe(result.id);
    expect(outcomes[0]!.verdict.permanence).toBe('success');
    expect(outcomes[0]!.raw).toBe(result);
  });

  it('400 invalid address → protocol, origin provider, details kept', async () => {
    const error = await scenario(mailgunScenarios.invalidAddress);
    const [outcome] = fromMailgunError(error);
    expect(outcome).toMatchObject({
      event: 'failed',
      origin: 'provider',
      providerDetail: { status: 400, message: 'Bad Request' },
    });
    expect(outcome!.providerDetail.details).toBe(mailgunScenarios.invalidAddress.message);
    expect(outcome!.verdict).toMatchObject({
      category: 'protocol',
      retry: { allowed: false, changeRequired: true },
    });
    expect(outcome!.raw).toBe(error);
  });

  it('401 wrong key (text body "Forbidden") → account-issue, origin account', async () => {
    fake = await startFakeMailgun();
    const error = await sendExpectingError({ key: 'wrong' });
    expect(error).toMatchObject({ status: 401, message: 'Unauthorized', details: 'Forbidden' });
    const [outcome] = fromMailgunError(error);
    expect(outcome).toMatchObject({
      origin: 'account',
      verdict: { category: 'account-issue', scope: 'provider' },
    });
  });

  it('403 forbidden and 403 sandbox → account-issue', async () => {
    const forbidden = fromMailgunError(await scenario(mailgunScenarios.forbidden))[0]!;
    expect(forbidden).toMatchObject({
      origin: 'account',
      verdict: { category: 'account-issue', rule: 'mailgun:api-403' },
    });
    await fake!.close();
    fake = await startFakeMailgun({ sandboxDomains: ['sandbox1.mailgun.org'] });
    const sandbox = fromMailgunError(await sendExpectingError({ to: 'sandbox1.mailgun.org' }))[0]!;
    expect(sandbox).toMatchObject({
      origin: 'account',
      verdict: { category: 'account-issue', rule: 'mailgun:api-sandbox' },
    });
  });

  it('404 unknown domain → account-issue', async () => {
    fake = await startFakeMailgun();
    const error = await sendExpectingError({ to: 'unknown.example.test' });
    expect(error).toMatchObject({ status: 404, details: 'Domain not found: unknown.example.test' });
    expect(fromMailgunError(error)[0]).toMatchObject({
      origin: 'account',
      verdict: { category: 'account-issue' },
    });
  });

  it('413 → message-too-large', async () => {
    const [outcome] = fromMailgunError(await scenario(mailgunScenarios.tooLarge));
    expect(outcome).toMatchObject({
      origin: 'provider',
      verdict: { category: 'message-too-large', scope: 'message' },
    });
  });

  it('429 → rate-limited at the provider, transient (mailgun.js drops the headers, so no retryAfterMs)', async () => {
    const error = await scenario(mailgunScenarios.rateLimited);
    const [outcome] = fromMailgunError(error, { to: 'a@example.test' });
    expect(outcome).toMatchObject({
      recipient: 'a@example.test',
      origin: 'provider',
      verdict: {
        category: 'rate-limited',
        scope: 'provider',
        permanence: 'transient',
        retry: { allowed: true },
      },
    });
    expect(outcome!.retryAfterMs).toBeUndefined();
    expect(Object.keys(error as object)).not.toContain('headers');
  });

  it('reads Retry-After when an error does carry headers', () => {
    const error = {
      type: 'MailgunAPIError',
      status: 429,
      message: 'Too Many Requests',
      details: '',
      headers: { 'Retry-After': '12' },
    };
    expect(fromMailgunError(error)[0]!.retryAfterMs).toBe(12_000);
  });

  it('500 and 503 → server-busy, transient', async () => {
    for (const reply of [mailgunScenarios.serverError, mailgunScenarios.unavailable]) {
      const [outcome] = fromMailgunError(await scenario(reply));
      expect(outcome).toMatchObject({
        origin: 'provider',
        verdict: { category: 'server-busy', permanence: 'transient' },
      });
      await fake!.close();
    }
  });

  it('a refused connection arrives as status 400 + ECONNREFUSED → network', async () => {
    const closed = await startHttpServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const error = await sendExpectingError({ url });
    expect(error).toMatchObject({ status: 400, message: 'ECONNREFUSED' });
    const [outcome] = fromMailgunError(error);
    expect(outcome).toMatchObject({
      origin: 'network',
      verdict: { category: 'network', permanence: 'transient' },
    });
  });

  it('a dropped connection and a timeout → network', async () => {
    fake = await startFakeMailgun({
      sequence: [mailgunScenarios.dropped, { reply: { status: 200, delayMs: 500 } }],
    });
    const dropped = await sendExpectingError();
    expect(fromMailgunError(dropped)[0]).toMatchObject({
      origin: 'network',
      verdict: { category: 'network' },
    });
    const timedOut = await sendExpectingError({ timeout: 50 });
    expect((timedOut as { message: string }).message).toMatch(/^E/);
    expect(fromMailgunError(timedOut)[0]).toMatchObject({
      origin: 'network',
      verdict: { category: 'network' },
    });
  });

  it("mailgun.js's own argument check (status 400, no request) → origin local", async () => {
    fake = await startFakeMailgun();
    const error = await sendExpectingError({ data: {} });
    expect(fake.requests).toHaveLength(0);
    expect(fromMailgunError(error)[0]).toMatchObject({ origin: 'local', verdict: { category: 'protocol' } });
  });

  it('anything that is not a mailgun.js error → one unknown outcome, never a throw', () => {
    for (const value of [
      undefined,
      null,
      'boom',
      new TypeError('x'),
      { type: 'Other' },
      { type: 'MailgunAPIError' },
    ]) {
      const [outcome] = fromMailgunError(value);
      expect(outcome).toMatchObject({
        provider: 'mailgun',
        event: 'failed',
        verdict: { category: 'unknown' },
      });
      expect(outcome!.raw).toBe(value);
    }
  });

  it('validates its context and leaves the error untouched', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a wrong type on purpose
    expect(() => fromMailgunError({}, { to: 42 as any })).toThrow(TypeError);
    const error = Object.freeze({
      type: 'MailgunAPIError',
      status: 500,
      message: 'Internal Server Error',
      details: 'x',
    });
    expect(fromMailgunError(error)[0]!.raw).toBe(error);
  });
});

describe('fromMailgunResponse', () => {
  it('needs a message id; brackets alone are not one', () => {
    expect(fromMailgunResponse({ id: '<>' })[0]!.verdict.category).toBe('unknown');
    expect(fromMailgunResponse({ message: 'Queued. Thank you.' })[0]!.verdict.category).toBe('unknown');
    expect(fromMailgunResponse({ id: ' <a@b> ' })[0]!.messageId).toBe('a@b');
  });
});
