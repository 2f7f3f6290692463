// packages/postmark/PROVIDER.md §2 reproduced live: the real `postmark` client against the testkit's fake Postmark
// API on loopback, every row normalized; webhooks POSTed by the fake with Basic auth, guarded and
// converted by this package.

import type { DeliveryOutcome } from '@mailverdict/core';
import { isInDoubt } from '@mailverdict/core/adapter';
import {
  json,
  type PostmarkBounceTypeName,
  type PostmarkFailure,
  postmarkBounceTypes,
  type RecordedRequest,
  type RunningFakePostmark,
  startDeadHost,
  startFakePostmark,
  startHttpServer,
} from '@mailverdict/testkit';
import { ServerClient } from 'postmark';
import { afterEach, describe, expect, it } from 'vitest';
import { bounceTypes } from '../src/bounce-types';
import { fromPostmarkError } from '../src/error';
import { hasOutboundMessage } from '../src/outbound-search';
import { fromPostmarkResponse } from '../src/response';
import { sendEmail } from '../src/send-email';
import { createWebhookGuard } from '../src/verify-webhook';
import { fromPostmarkWebhook } from '../src/webhook';

const token = 'server-token';
const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((server) => server.close()));
});

async function fakePostmark(scenarios: Parameters<typeof startFakePostmark>[0] = {}) {
  const fake = await startFakePostmark({ serverToken: token, ...scenarios });
  closers.push(fake);
  return fake;
}

const clientFor = (fake: { requestHost: string }, serverToken = token, timeoutSeconds = 5) =>
  new ServerClient(serverToken, { useHttps: false, requestHost: fake.requestHost, timeout: timeoutSeconds });

const message = (to: string) => ({
  From: 'shop@example.org',
  To: to,
  Subject: 'Receipt',
  TextBody: 'Thanks!',
});

/** Sends and normalizes, the way an application would. */
async function send(client: ServerClient, to: string, withMessage = false): Promise<DeliveryOutcome[]> {
  const sent = message(to);
  try {
    return fromPostmarkResponse(await client.sendEmail(sent));
  } catch (error) {
    return withMessage ? fromPostmarkError(error, sent) : fromPostmarkError(error);
  }
}

const summary = (outcomes: readonly DeliveryOutcome[]) =>
  outcomes.map((outcome) => [outcome.event, outcome.recipient, outcome.origin, outcome.verdict.category]);

describe('packages/postmark/PROVIDER.md §2, live (real postmark client ↔ fake Postmark API)', () => {
  it('accepted send: one accepted outcome per recipient, with Postmark MessageID', async () => {
    const fake = await fakePostmark();
    const outcomes = await send(clientFor(fake), 'Ann <ann@example.test>, bob@example.test');
    expect(summary(outcomes)).toEqual([
      ['accepted', 'ann@example.test', 'provider', 'accepted'],
      ['accepted', 'bob@example.test', 'provider', 'accepted'],
    ]);
    expect(outcomes[0]?.messageId).toBe(fake.messages[0]?.messageId);
    expect(outcomes[0]?.occurredAt).toBeTypeOf('number');
  });

  it('401 / 10 InvalidAPIKeyError → account-issue', async () => {
    const fake = await fakePostmark();
    const outcomes = await send(clientFor(fake, 'wrong-token'), 'ann@example.test');
    expect(summary(outcomes)).toEqual([['failed', undefined, 'account', 'account-issue']]);
    expect(outcomes[0]?.providerDetail).toMatchObject({
      name: 'InvalidAPIKeyError',
      statusCode: 401,
      ErrorCode: 10,
    });
  });

  it('422 / 406 InactiveRecipientsError → suppressed, per inactive address', async () => {
    const fake = await fakePostmark({ inactive: ['gone@example.test'] });
    const outcomes = await send(clientFor(fake), 'gone@example.test');
    expect(summary(outcomes)).toEqual([['rejected', 'gone@example.test', 'provider', 'suppressed']]);
    expect(outcomes[0]?.providerDetail).toMatchObject({ name: 'InactiveRecipientsError', ErrorCode: 406 });
    expect(outcomes[0]?.verdict.retry.allowed).toBe(false);
  });

  it('406 for one of two recipients: with the message, the active one is `failed` (not sent), not lost', async () => {
    const fake = await fakePostmark({ inactive: ['gone@example.test'] });
    const outcomes = await send(clientFor(fake), 'gone@example.test, ok@example.test', true);
    expect(summary(outcomes)).toEqual([
      ['rejected', 'gone@example.test', 'provider', 'suppressed'],
      ['failed', 'ok@example.test', 'provider', 'unknown'],
    ]);
    expect(outcomes[1]?.verdict).toMatchObject({ permanence: 'transient', suppressRecipient: false });
    expect(fake.messages).toHaveLength(0);
  });

  it('with the message, a failed request gives one outcome per recipient', async () => {
    const fake = await fakePostmark();
    const outcomes = await send(clientFor(fake, 'wrong-token'), 'ann@example.test, bob@example.test', true);
    expect(summary(outcomes)).toEqual([
      ['failed', 'ann@example.test', 'account', 'account-issue'],
      ['failed', 'bob@example.test', 'account', 'account-issue'],
    ]);
  });

  it('422 / 300 InvalidEmailRequestError → protocol', async () => {
    const fake = await fakePostmark();
    const outcomes = await send(clientFor(fake), 'bad-address@example.test');
    expect(summary(outcomes)).toEqual([['failed', undefined, 'provider', 'protocol']]);
    expect(outcomes[0]?.providerDetail).toMatchObject({ name: 'InvalidEmailRequestError', ErrorCode: 300 });
  });

  const failures: [string, PostmarkFailure, string, string, string][] = [
    [
      '422 / 400 ApiInputError (sender signature)',
      { status: 422, body: { ErrorCode: 400, Message: 'Sender signature not found.' } },
      'ApiInputError',
      'account',
      'account-issue',
    ],
    [
      '422 / 401 ApiInputError (signature not confirmed)',
      { status: 422, body: { ErrorCode: 401, Message: 'Sender signature not confirmed.' } },
      'ApiInputError',
      'account',
      'account-issue',
    ],
    [
      '422 / 405 ApiInputError (no credits)',
      { status: 422, body: { ErrorCode: 405, Message: 'Not allowed to send.' } },
      'ApiInputError',
      'account',
      'account-limit',
    ],
    [
      '422 / 412 ApiInputError (account pending)',
      { status: 422, body: { ErrorCode: 412, Message: 'Account is pending.' } },
      'ApiInputError',
      'account',
      'account-issue',
    ],
    [
      '422 / 413 ApiInputError (may not send)',
      { status: 422, body: { ErrorCode: 413, Message: 'Account may not send.' } },
      'ApiInputError',
      'account',
      'account-issue',
    ],
    ['404 PostmarkError', { status: 404 }, 'PostmarkError', 'provider', 'unknown'],
    ['429 RateLimitExceededError', { status: 429 }, 'RateLimitExceededError', 'provider', 'rate-limited'],
    ['500 InternalServerError', { status: 500 }, 'InternalServerError', 'provider', 'server-busy'],
    [
      '503 / 100 ServiceUnavailablerError (sic)',
      { status: 503 },
      'ServiceUnavailablerError',
      'provider',
      'server-busy',
    ],
    [
      '413 UnknownError (payload too large)',
      { status: 413, body: '' },
      'UnknownError',
      'provider',
      'message-too-large',
    ],
    ['502 UnknownError', { status: 502 }, 'UnknownError', 'provider', 'server-busy'],
    [
      'dropped connection: PostmarkError status 0',
      { status: 0, drop: true },
      'PostmarkError',
      'network',
      'network',
    ],
  ];
  for (const [name, failure, className, origin, category] of failures) {
    it(name, async () => {
      const fake = await fakePostmark();
      fake.failNext(1, failure);
      const outcomes = await send(clientFor(fake), 'ann@example.test');
      expect(summary(outcomes)).toEqual([['failed', undefined, origin, category]]);
      expect(outcomes[0]?.providerDetail).toMatchObject({ name: className });
    });
  }

  it('timeout: PostmarkError status 0 → network, transient', async () => {
    const fake = await fakePostmark();
    fake.failNext(1, { status: 200, delayMs: 1500 });
    const outcomes = await send(clientFor(fake, token, 1), 'ann@example.test');
    expect(summary(outcomes)).toEqual([['failed', undefined, 'network', 'network']]);
    expect(outcomes[0]?.providerDetail).toMatchObject({ statusCode: 0, ErrorCode: 0 });
    expect(outcomes[0]?.verdict.permanence).toBe('transient');
  });

  it('refused connection: PostmarkError status 0 → network', async () => {
    const dead = await startDeadHost('refuse');
    const outcomes = await send(clientFor({ requestHost: `${dead.host}:${dead.port}` }), 'ann@example.test');
    expect(summary(outcomes)).toEqual([['failed', undefined, 'network', 'network']]);
    expect(outcomes[0]?.providerDetail).toMatchObject({ message: 'fetch failed' });
    expect(isInDoubt(outcomes[0] as DeliveryOutcome)).toBe(true);
  });

  it('lost reply: in doubt, and the outbound message search finds the attempt by its metadata', async () => {
    const fake = await fakePostmark({ dropReply: (context) => context.requestNumber === 1 });
    const client = clientFor(fake);
    const sendKeyed = async (attempt: string) =>
      (await sendEmail(client, { ...message('ann@example.test'), Metadata: { attempt } })).outcomes;
    const lost = await sendKeyed('a1');
    expect(summary(lost)).toEqual([['failed', 'ann@example.test', 'network', 'network']]);
    expect(isInDoubt(lost[0] as DeliveryOutcome)).toBe(true);
    expect(await hasOutboundMessage(client, { attempt: 'a1' })).toBe(true);
    expect(await hasOutboundMessage(client, { attempt: 'a1' }, 'ann@example.test')).toBe(true);
    expect(await hasOutboundMessage(client, { attempt: 'a1' }, 'bob@example.test')).toBe(false);
    expect(await hasOutboundMessage(client, { attempt: 'a2' })).toBe(false);
    // An answered error is not in doubt: Postmark said what it did.
    fake.failNext(1, { status: 500 });
    expect(isInDoubt((await sendKeyed('a2'))[0] as DeliveryOutcome)).toBe(false);
    // A search that fails rejects, never reads as "absent".
    await expect(hasOutboundMessage(clientFor(fake, 'wrong-token'), { attempt: 'a1' })).rejects.toThrow();
    await expect(hasOutboundMessage(client, {})).rejects.toThrow(TypeError);
    const sent = await sendEmail(client, message('bob@example.test'));
    expect(sent.response?.MessageID).toBeDefined();
    expect(summary(sent.outcomes)).toEqual([['accepted', 'bob@example.test', 'provider', 'accepted']]);
    await expect(sendEmail({} as typeof client, message('bob@example.test'))).rejects.toThrow(TypeError);
    const odd = { getOutboundMessages: async () => ({}) as { TotalCount: string } };
    await expect(hasOutboundMessage(odd, { attempt: 'a1' })).rejects.toThrow(/TotalCount/);
  });

  it('batch: HTTP 200 with an ErrorCode per message (accepted, 406, 300)', async () => {
    const fake = await fakePostmark({ inactive: ['gone@example.test'] });
    const results = await clientFor(fake).sendEmailBatch([
      message('ann@example.test'),
      message('gone@example.test'),
      message('bad-address@example.test'),
    ]);
    expect(summary(fromPostmarkResponse(results))).toEqual([
      ['accepted', 'ann@example.test', 'provider', 'accepted'],
      ['rejected', 'gone@example.test', 'provider', 'suppressed'],
      // A failed batch element carries no `To`: the outcome is for that message, not a recipient.
      ['failed', undefined, 'provider', 'protocol'],
    ]);
  });
});

describe('webhooks, live (fake Postmark POSTs with Basic auth → guard → fromPostmarkWebhook)', () => {
  const credentials = { username: 'hooks', password: 'pa55:word' };

  async function receiver() {
    const guard = createWebhookGuard(credentials);
    const received: { request: RecordedRequest; outcomes: DeliveryOutcome[] }[] = [];
    const refused: string[] = [];
    const server = await startHttpServer((request) => {
      const allowed = guard(request);
      if (!allowed.ok) {
        refused.push(allowed.reason);
        return json(401, { error: allowed.reason });
      }
      received.push({ request, outcomes: fromPostmarkWebhook(request.rawBody) });
      return json(200, {});
    });
    closers.push(server);
    return { server, received, refused };
  }

  async function sendAndDeliver(fake: RunningFakePostmark, recipients: readonly string[]) {
    const client = clientFor(fake);
    for (const recipient of recipients) await client.sendEmail(message(recipient));
    await fake.deliverWebhooks();
  }

  it('Delivery, HardBounce, SoftBounce, SpamComplaint and SubscriptionChange normalize', async () => {
    const { server, received, refused } = await receiver();
    const fake = await fakePostmark({
      webhooks: { url: `${server.url}/postmark`, ...credentials, subscriptionChanges: true },
    });
    await sendAndDeliver(fake, [
      'jane@example.test',
      'unknown@example.test',
      'full@example.test',
      'complaint@example.test',
    ]);
    expect(refused).toEqual([]);
    const outcomes = received.flatMap((entry) => entry.outcomes);
    const byRecipient = (recipient: string) =>
      outcomes
        .filter((outcome) => outcome.recipient === recipient)
        .map((outcome) => [outcome.event, outcome.verdict.category]);
    expect(byRecipient('jane@example.test')).toEqual([['delivered', 'delivered']]);
    expect(byRecipient('unknown@example.test')).toEqual([
      ['bounced', 'mailbox-unknown'],
      ['bounced', 'suppressed'],
    ]);
    expect(byRecipient('full@example.test')).toEqual([['bounced', 'mailbox-full']]);
    expect(byRecipient('complaint@example.test')).toEqual([
      ['delivered', 'delivered'],
      ['complained', 'complaint'],
      ['complained', 'complaint'],
    ]);
    const hard = outcomes.find((outcome) => outcome.verdict.category === 'mailbox-unknown');
    expect(hard?.reply).toMatchObject({ code: 550, enhanced: { code: '5.1.1' } });
    expect(hard?.messageId).toBe(fake.messages[1]?.messageId);
    expect(fake.webhooks.every((event) => event.attempts.length === 1)).toBe(true);
  });

  it('every bounce Type the fake sends gets its event and a verdict', async () => {
    const { server, received } = await receiver();
    const names = Object.keys(postmarkBounceTypes) as PostmarkBounceTypeName[];
    const fake = await fakePostmark({
      webhooks: { url: `${server.url}/postmark`, ...credentials },
      recipients: Object.fromEntries(names.map((name) => [`type-${name.toLowerCase()}`, name])),
    });
    const recipients = names.map((name) => `type-${name.toLowerCase()}@example.test`);
    await sendAndDeliver(fake, recipients);
    const bounces = received
      .flatMap((entry) => entry.outcomes)
      .filter((outcome) => outcome.providerDetail.RecordType !== 'Delivery');
    expect(bounces).toHaveLength(names.length);
    for (const outcome of bounces) {
      const type = String(outcome.providerDetail.Type) as keyof typeof bounceTypes;
      expect(bounceTypes[type], type).toBeDefined();
      expect(outcome.event, type).toBe(bounceTypes[type].event);
      expect(outcome.verdict.summary, type).not.toBe('');
    }
    const categoryOf = (type: string) =>
      bounces.find((outcome) => outcome.providerDetail.Type === type)?.verdict.category;
    expect(categoryOf('ManuallyDeactivated')).toBe('suppressed');
    expect(categoryOf('SMTPApiError')).toBe('suppressed');
    expect(categoryOf('AutoResponder')).toBe('auto-reply');
    expect(categoryOf('DMARCPolicy')).toBe('authentication');
    expect(categoryOf('SpamComplaint')).toBe('complaint');
  });

  it('wrong credentials: the guard refuses with a reason (and Postmark does not retry a 401)', async () => {
    const { server, received, refused } = await receiver();
    const fake = await fakePostmark({
      webhooks: { url: `${server.url}/postmark`, username: 'hooks', password: 'guessed' },
    });
    await sendAndDeliver(fake, ['jane@example.test']);
    expect(received).toEqual([]);
    expect(refused).toEqual(['the credentials do not match']);
  });
});
