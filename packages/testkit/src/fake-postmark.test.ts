import { Errors, ServerClient } from 'postmark';
import { afterEach, describe, expect, it } from 'vitest';
import { type PostmarkScenarios, type RunningFakePostmark, startFakePostmark } from './fake-postmark';
import { type RunningHttpServer, startHttpServer, text } from './http-server';
import { postmarkBounceTypeNames } from './postmark/bounce-types';
import { countDeliveries } from './smtp-log';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fake(scenarios: PostmarkScenarios = {}): Promise<RunningFakePostmark> {
  const server = await startFakePostmark(scenarios);
  closers.push(() => server.close());
  return server;
}

function client(server: RunningFakePostmark, token = 'server-token') {
  return new ServerClient(token, { useHttps: false, requestHost: server.requestHost, timeout: 5 });
}

const mail = (to: string) => ({ From: 'sender@example.org', To: to, Subject: 'Hello', TextBody: 'Hi' });

async function failure(promise: Promise<unknown>): Promise<Errors.PostmarkError> {
  try {
    await promise;
  } catch (error) {
    return error as Errors.PostmarkError;
  }
  throw new Error('expected the call to fail');
}

describe('startFakePostmark with the real postmark client', () => {
  it('accepts a send: the documented success body, and the request the client really sent', async () => {
    const clock = Date.UTC(2026, 10, 28, 9, 0, 0);
    const server = await fake({ now: () => clock });
    const response = await client(server).sendEmail({
      ...mail('jane@example.test'),
      Metadata: { outboxId: '42' },
      Headers: [{ Name: 'Message-ID', Value: '<outbox-42@example.org>' }],
    });
    expect(response).toMatchObject({ To: 'jane@example.test', ErrorCode: 0, Message: 'OK' });
    expect(response.SubmittedAt).toBe('2026-11-28T09:00:00.000Z');
    expect(response.MessageID).toMatch(/^[0-9a-f-]{36}$/);
    const [request] = server.requests;
    expect(request?.path).toBe('/email');
    expect(request?.headers['x-postmark-server-token']).toBe('server-token');
    expect(request?.headers.accept).toBe('application/json');
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]).toMatchObject({
      messageId: response.MessageID,
      to: ['jane@example.test'],
      metadata: { outboxId: '42' },
      messageIdHeader: '<outbox-42@example.org>',
    });
    const deliveries = server.messages.map((message) => ({
      messageId: message.messageIdHeader,
      to: message.to,
    }));
    expect(countDeliveries(deliveries)).toEqual([
      { messageId: '<outbox-42@example.org>', recipient: 'jane@example.test', count: 1 },
    ]);
  });

  it('401 / ErrorCode 10 → InvalidAPIKeyError when the token does not match', async () => {
    const server = await fake({ serverToken: 'right' });
    const error = await failure(client(server, 'wrong').sendEmail(mail('jane@example.test')));
    expect(error).toBeInstanceOf(Errors.InvalidAPIKeyError);
    expect([error.name, error.statusCode, error.code]).toEqual(['InvalidAPIKeyError', 401, 10]);
    expect(server.messages).toHaveLength(0);
  });

  it('422 / 406 → InactiveRecipientsError with the recipients parsed by the client', async () => {
    const server = await fake();
    const error = (await failure(
      client(server).sendEmail(mail('inactive@example.test')),
    )) as Errors.InactiveRecipientsError;
    expect(error).toBeInstanceOf(Errors.InactiveRecipientsError);
    expect([error.statusCode, error.code]).toEqual([422, 406]);
    expect(error.recipients).toEqual(['inactive@example.test']);
  });

  it('422 / 300 → InvalidEmailRequestError for bad-address@ and for an address without @', async () => {
    const server = await fake();
    for (const to of ['bad-address@example.test', 'not-an-address']) {
      const error = await failure(client(server).sendEmail(mail(to)));
      expect(error).toBeInstanceOf(Errors.InvalidEmailRequestError);
      expect([error.statusCode, error.code]).toEqual([422, 300]);
    }
  });

  it('422 with another ErrorCode (unknown template → 1101) → ApiInputError', async () => {
    const server = await fake({ templates: ['welcome'] });
    const error = await failure(
      client(server).sendEmailWithTemplate({
        From: 'a@example.org',
        To: 'x@example.test',
        TemplateAlias: 'nope',
        TemplateModel: {},
      }),
    );
    expect(error).toBeInstanceOf(Errors.ApiInputError);
    expect(error).not.toBeInstanceOf(Errors.InvalidEmailRequestError);
    expect([error.statusCode, error.code]).toEqual([422, 1101]);
    const ok = await client(server).sendEmailWithTemplate({
      From: 'a@example.org',
      To: 'x@example.test',
      TemplateAlias: 'welcome',
      TemplateModel: {},
    });
    expect(ok.ErrorCode).toBe(0);
  });

  it.each([
    [429, 'RateLimitExceededError', Errors.RateLimitExceededError],
    [500, 'InternalServerError', Errors.InternalServerError],
    [503, 'ServiceUnavailablerError', Errors.ServiceUnavailablerError],
    [502, 'UnknownError', Errors.UnknownError],
  ])('HTTP %i → %s', async (status, name, errorClass) => {
    const server = await fake();
    server.failNext(1, { status });
    const error = await failure(client(server).sendEmail(mail('jane@example.test')));
    expect(error).toBeInstanceOf(errorClass);
    expect([error.name, error.statusCode]).toEqual([name, status]);
    // The next request goes through.
    expect((await client(server).sendEmail(mail('jane@example.test'))).ErrorCode).toBe(0);
  });

  it('a dropped connection → PostmarkError with statusCode 0', async () => {
    const server = await fake();
    server.failNext(1, { status: 0, drop: true });
    const error = await failure(client(server).sendEmail(mail('jane@example.test')));
    expect(error.constructor).toBe(Errors.PostmarkError);
    expect([error.statusCode, error.code]).toEqual([0, 0]);
  });

  it('an outage lasts while it is set; fail() scripts outages by request number; rateLimit answers 429', async () => {
    const server = await fake({ fail: (ctx) => (ctx.requestNumber === 2 ? { status: 500 } : undefined) });
    expect((await client(server).sendEmail(mail('a@example.test'))).ErrorCode).toBe(0);
    expect((await failure(client(server).sendEmail(mail('a@example.test')))).statusCode).toBe(500);
    server.setOutage({ status: 503 });
    expect((await failure(client(server).sendEmail(mail('a@example.test')))).statusCode).toBe(503);
    expect((await failure(client(server).sendEmail(mail('a@example.test')))).statusCode).toBe(503);
    server.setOutage(undefined);
    expect((await client(server).sendEmail(mail('a@example.test'))).ErrorCode).toBe(0);

    let clock = 0;
    const limited = await fake({ rateLimit: { limit: 2, windowMs: 1000 }, now: () => clock });
    await client(limited).sendEmail(mail('a@example.test'));
    await client(limited).sendEmail(mail('a@example.test'));
    expect((await failure(client(limited).sendEmail(mail('a@example.test')))).statusCode).toBe(429);
    clock = 1000;
    expect((await client(limited).sendEmail(mail('a@example.test'))).ErrorCode).toBe(0);
  });

  it('batch: HTTP 200 with a per-message ErrorCode, and the client resolves', async () => {
    const server = await fake();
    const results = await client(server).sendEmailBatch([
      mail('jane@example.test'),
      mail('inactive@example.test'),
      mail('bad-address@example.test'),
    ]);
    expect(results.map((result) => result.ErrorCode)).toEqual([0, 406, 300]);
    expect(results[0]?.MessageID).toBeDefined();
    expect(results[1]?.Message).toContain('Found inactive addresses: inactive@example.test.');
    expect(server.messages).toHaveLength(1);
  });
});

describe('fake Postmark webhooks', () => {
  let receiver: RunningHttpServer;
  const receive = async (status = 200) => {
    receiver = await startHttpServer(() => text(status, 'ok'));
    closers.push(() => receiver.close());
    return receiver;
  };
  const bodies = () =>
    receiver.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);

  it('POSTs Delivery and Bounce payloads with Basic auth when deliverWebhooks() is called', async () => {
    await receive();
    const server = await fake({
      webhooks: { url: `${receiver.url}/hooks/postmark`, username: 'hook', password: 's3cret' },
    });
    const sent = await client(server).sendEmail({
      ...mail('jane@example.test, unknown@example.test'),
      Tag: 'welcome',
    });
    expect(receiver.requests).toHaveLength(0); // manual mode: nothing until asked
    await server.deliverWebhooks();
    expect(receiver.requests.map((request) => request.headers.authorization)).toEqual([
      `Basic ${Buffer.from('hook:s3cret').toString('base64')}`,
      `Basic ${Buffer.from('hook:s3cret').toString('base64')}`,
    ]);
    expect(receiver.requests[0]?.path).toBe('/hooks/postmark');
    const [delivery, bounce] = bodies();
    expect(delivery).toMatchObject({
      RecordType: 'Delivery',
      Recipient: 'jane@example.test',
      MessageID: sent.MessageID,
      Tag: 'welcome',
    });
    expect(bounce).toMatchObject({
      RecordType: 'Bounce',
      Type: 'HardBounce',
      TypeCode: 1,
      Email: 'unknown@example.test',
      MessageID: sent.MessageID,
      Inactive: true,
      Details:
        'smtp;550 5.1.1 <unknown@example.test>: Recipient address rejected: User unknown in virtual mailbox table',
    });
    // The hard bounce deactivated the address: the next send to it is a 406.
    expect(server.suppressions.has('unknown@example.test')).toBe(true);
    expect((await failure(client(server).sendEmail(mail('unknown@example.test')))).code).toBe(406);
  });

  it('sends every bounce Type with its TypeCode, driven by the local part', async () => {
    await receive();
    const server = await fake({ webhooks: { url: receiver.url } });
    const types = postmarkBounceTypeNames.filter((name) => name !== 'SpamComplaint' && name !== 'Unknown');
    await client(server).sendEmailBatch(types.map((name) => mail(`${name.toLowerCase()}@example.test`)));
    await client(server).sendEmail(mail('unclassified@example.test'));
    await server.deliverWebhooks();
    const received = bodies().map((body) => [body.RecordType, body.Type, body.Email]);
    for (const name of types)
      expect(received).toContainEqual(['Bounce', name, `${name.toLowerCase()}@example.test`]);
    expect(received).toContainEqual(['Bounce', 'Unknown', 'unclassified@example.test']);
    const codes = Object.fromEntries(bodies().map((body) => [body.Type, body.TypeCode]));
    expect(codes).toMatchObject({
      HardBounce: 1,
      Transient: 2,
      DnsError: 256,
      SpamNotification: 512,
      SoftBounce: 4096,
      Blocked: 100006,
      DMARCPolicy: 100009,
    });
  });

  it('complaint@ → Delivery then SpamComplaint (Type SpamComplaint, TypeCode 100001), optional SubscriptionChange', async () => {
    await receive();
    const server = await fake({ webhooks: { url: receiver.url, subscriptionChanges: true } });
    await client(server).sendEmail(mail('complaint@example.test'));
    await server.deliverWebhooks();
    expect(bodies().map((body) => [body.RecordType, body.Type ?? body.SuppressionReason])).toEqual([
      ['Delivery', undefined],
      ['SpamComplaint', 'SpamComplaint'],
      ['SubscriptionChange', 'SpamComplaint'],
    ]);
    expect(bodies()[1]?.TypeCode).toBe(100001);
  });

  it('only due events are sent (server clock), and failed POSTs are retried on Postmark schedule', async () => {
    let clock = 0;
    await receive(503);
    const server = await fake({ now: () => clock, webhooks: { url: receiver.url, delayMs: 60_000 } });
    await client(server).sendEmail(mail('jane@example.test'));
    expect(await server.deliverWebhooks()).toHaveLength(0);
    clock = 60_000;
    const [event] = await server.deliverWebhooks();
    expect(event?.attempts).toEqual([503]);
    expect(event?.state).toBe('pending');
    expect(await server.deliverWebhooks()).toHaveLength(0); // the retry is 1 minute later
    clock += 60_000;
    await server.deliverWebhooks();
    expect(receiver.requests[1]?.headers['x-pm-retries-remaining']).toBe('5');
    expect(receiver.requests[0]?.headers['x-pm-webhook-trace-id']).toBe(
      receiver.requests[1]?.headers['x-pm-webhook-trace-id'],
    );
    for (const minutes of [5, 10, 10, 10, 15]) {
      clock += minutes * 60_000;
      await server.deliverWebhooks();
    }
    expect(event?.attempts).toHaveLength(7);
    expect(event?.state).toBe('dropped');
  });

  it('a 401 from the receiver drops the event at once (only 5xx/408/429/network are retried)', async () => {
    await receive(401);
    const server = await fake({ webhooks: { url: receiver.url } });
    await client(server).sendEmail(mail('jane@example.test'));
    const [event] = await server.deliverWebhooks();
    expect([event?.attempts, event?.state]).toEqual([[401], 'dropped']);
  });

  it('auto mode POSTs by itself after a send', async () => {
    await receive();
    const server = await fake({ webhooks: { url: receiver.url, mode: 'auto' } });
    await client(server).sendEmail(mail('jane@example.test'));
    await expect.poll(() => receiver.requests.length, { timeout: 2000 }).toBe(1);
  });

  it('an outcomeFor that returns an unknown outcome is answered as a 500 naming it', async () => {
    const server = await fake({ outcomeFor: () => 'Bogus' as 'HardBounce' });
    const error = await failure(client(server).sendEmail(mail('jane@example.test')));
    expect(error.statusCode).toBe(500);
    expect(error.message).toContain('outcomeFor returned `Bogus`');
  });

  it('validates scenarios', async () => {
    await expect(startFakePostmark({ recipients: { x: 'Bogus' as 'HardBounce' } })).rejects.toThrow(
      /recipients.x/,
    );
    await expect(startFakePostmark({ webhooks: { url: 'not a url' } })).rejects.toThrow(/webhooks.url/);
    await expect(startFakePostmark({ rateLimit: { limit: -1, windowMs: 1 } })).rejects.toThrow(/rateLimit/);
  });
});

describe('fake Postmark: lost replies and the outbound message search', () => {
  it('stores a message whose reply it drops, and finds it by metadata', async () => {
    const server = await fake({ dropReply: (context) => context.requestNumber === 1 });
    const postmark = client(server, 'token');
    const send = (key: string) =>
      postmark.sendEmail({
        From: 'a@sender.test',
        To: 'r@x.test',
        Subject: 's',
        TextBody: 'hi',
        Metadata: { attempt: key },
      });
    await expect(send('k1')).rejects.toThrow();
    await send('k2');
    const search = async (query: string) => {
      const response = await fetch(`${server.url}/messages/outbound?${query}`, {
        headers: { 'x-postmark-server-token': 'token', accept: 'application/json' },
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          TotalCount: number;
          Messages: { Metadata: unknown; Recipients: string[] }[];
        },
      };
    };
    const found = await search('count=10&offset=0&metadata_attempt=k1');
    expect(found.body.TotalCount).toBe(1);
    expect(found.body.Messages[0]).toMatchObject({ Metadata: { attempt: 'k1' }, Recipients: ['r@x.test'] });
    expect((await search('count=10&offset=0&metadata_attempt=k3')).body.TotalCount).toBe(0);
    expect((await search('count=10&offset=0&recipient=R@X.TEST')).body.TotalCount).toBe(2);
    expect((await search('offset=0')).status).toBe(422);
    // The log says which replies were dropped.
    expect(server.messages.map((m) => [m.metadata.attempt, m.replyDropped])).toEqual([
      ['k1', true],
      ['k2', undefined],
    ]);
  });
});
