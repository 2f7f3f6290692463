// packages/nodemailer/PROVIDER.md §4 reproduced live: the real nodemailer against the testkit's real SMTP server on
// loopback, every row normalized through `sendMail`. Expected outcomes are the fixtures' (matrix.ts),
// so the unit fixtures and the live behaviour are held to the same answer.
import {
  gmailLike,
  greylisting,
  microsoftLike,
  type SmtpScript,
  startDeadHost,
  startFakeSmtp,
  yahooLike,
} from '@mailverdict/testkit';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { bad, fixtures, good, mail, matches } from '../src/__fixtures__/matrix';
import * as replies from '../src/__fixtures__/replies';
import { sendMail } from '../src/send-mail';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakeSmtp(script: SmtpScript | { script: SmtpScript }, options?: { now?: () => number }) {
  const server = await startFakeSmtp(script, options);
  servers.push(server);
  return server;
}

function transportTo(server: { host: string; port: number }, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2000,
    greetingTimeout: 2000,
    socketTimeout: 2000,
    ...extra,
  });
}

const send = (server: { host: string; port: number }, extra?: Record<string, unknown>, message = mail) =>
  sendMail(transportTo(server, extra), message);

const expectRow = async (name: string, result: Promise<Awaited<ReturnType<typeof sendMail>>>) => {
  const fixture = fixtures.find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  const { outcomes } = await result;
  expect(outcomes).toHaveLength(fixture.expected.length);
  outcomes.forEach((outcome, index) => {
    const expected = fixture.expected[index]!;
    expect(
      matches(outcome, expected),
      `${name}: got ${outcome.event}/${outcome.recipient}/${outcome.origin}/${outcome.verdict.category}/${outcome.verdict.permanence}`,
    ).toBe(true);
    expect(outcome.provider).toBe('smtp');
  });
  return outcomes;
};

const onBad = (reply: string) => (context: { recipient?: string }) =>
  context.recipient?.startsWith('bad@') ? reply : undefined;

describe('packages/nodemailer/PROVIDER.md §4, live (real nodemailer ↔ fake SMTP server)', () => {
  it('partial success: bad@ 550 5.1.1 multi-line, good@ 250', async () => {
    const server = await fakeSmtp({ rcpt: onBad(replies.gmailNoSuchUser), message: replies.queued });
    const result = send(server);
    const outcomes = await expectRow('partial success: RCPT bad → multi-line 550 5.1.1, good → 250', result);
    const { info } = await result;
    expect(info).toMatchObject({ accepted: [good], rejected: [bad] });
    const rejected = outcomes.find((outcome) => outcome.recipient === bad)!;
    expect(rejected.reply).toMatchObject({ code: 550, enhanced: { code: '5.1.1' } });
    expect(rejected.providerDetail).toMatchObject({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      permanent: true,
    });
    expect(outcomes.find((outcome) => outcome.recipient === good)?.messageId).toMatch(/^<.+@example\.org>$/);
  });

  it('both RCPT 550', async () => {
    const server = await fakeSmtp({ rcpt: replies.gmailNoSuchUser });
    await expectRow('both RCPT 550 5.1.1', send(server));
  });

  it('550 + 450 greylist: per recipient, not the top-level 450', async () => {
    const server = await fakeSmtp({
      rcpt: (context) =>
        context.recipient?.startsWith('bad@') ? replies.gmailNoSuchUser : replies.greylisted,
    });
    const outcomes = await expectRow(
      'RCPT 550 + 450 4.2.0 greylist: nodemailer reports 450 at the top',
      send(server),
    );
    // nodemailer's top-level error says 450 / permanent:false for both; the outcomes do not follow it.
    const raw = outcomes[0]?.raw as { permanent?: boolean };
    expect(raw.permanent).toBe(true);
  });

  it('final reply after the body: multi-line 554 5.7.1', async () => {
    const server = await fakeSmtp({ message: replies.spamAfterData });
    await expectRow('final reply after the body: multi-line 554 5.7.1 spam', send(server));
  });

  it('final reply 552 5.3.4', async () => {
    const server = await fakeSmtp({ message: replies.sizeAfterData });
    await expectRow('final reply 552 5.3.4 size', send(server));
  });

  it('DATA command answered 554 5.5.1', async () => {
    const server = await fakeSmtp({ data: replies.dataNoValidRecipients });
    const outcomes = await expectRow('DATA command answered 554 5.5.1', send(server));
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'EENVELOPE', command: 'DATA' });
  });

  it('MAIL FROM 553 5.7.1', async () => {
    const server = await fakeSmtp({ mail: replies.senderNotOwned });
    await expectRow('MAIL FROM 553 5.7.1', send(server));
  });

  it('AUTH 535 5.7.8', async () => {
    const server = await fakeSmtp({ auth: replies.authInvalid });
    const outcomes = await expectRow(
      'AUTH 535 5.7.8',
      send(server, { auth: { user: 'app', pass: 'wrong' } }),
    );
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'EAUTH', command: 'AUTH PLAIN' });
  });

  it('greeting 421 4.3.2 (EPROTOCOL)', async () => {
    const server = await fakeSmtp({ greeting: replies.greeting421 });
    const outcomes = await expectRow('greeting 421 4.3.2 arrives as EPROTOCOL', send(server));
    expect(outcomes[0]?.providerDetail).toMatchObject({
      code: 'EPROTOCOL',
      command: 'CONN',
      responseCode: 421,
    });
  });

  it('RCPT answered 421 4.7.0 (ECONNECTION)', async () => {
    const server = await fakeSmtp({ rcpt: replies.tooManyConnections });
    const outcomes = await expectRow('RCPT answered 421 4.7.0 arrives as ECONNECTION', send(server));
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'ECONNECTION', responseCode: 421 });
  });

  it('server silent: greeting timeout', async () => {
    const server = await fakeSmtp({ greeting: { silent: true } });
    const outcomes = await expectRow(
      'server silent: greeting timeout',
      send(server, { greetingTimeout: 300 }),
    );
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' });
  });

  it('server drops TCP during RCPT', async () => {
    const server = await fakeSmtp({ rcpt: { drop: true } });
    await expectRow('server drops TCP during RCPT', send(server));
  });

  it('connect to a closed port', async () => {
    const host = await startDeadHost('refuse');
    servers.push(host);
    const outcomes = await expectRow('connect to a closed port', send(host));
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
  });

  it('unresolvable host', async () => {
    const outcomes = await expectRow('unresolvable host', send({ host: 'mx.invalid', port: 25 }));
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'EDNS', originalCode: 'ENOTFOUND' });
  });
});

describe('personas (real reply texts)', () => {
  const personaCases = [
    { persona: () => gmailLike(), local: 'unknown', event: 'rejected', categories: ['mailbox-unknown'] },
    { persona: () => gmailLike(), local: 'disabled', event: 'rejected', categories: ['mailbox-disabled'] },
    { persona: () => gmailLike(), local: 'full', event: 'rejected', categories: ['mailbox-full'] },
    {
      persona: () => gmailLike(),
      local: 'ratelimit',
      event: 'failed',
      categories: ['reputation', 'rate-limited'],
    },
    { persona: () => gmailLike(), local: 'unauth', event: 'rejected', categories: ['authentication'] },
    { persona: () => microsoftLike(), local: 'unknown', event: 'rejected', categories: ['mailbox-unknown'] },
    {
      persona: () => microsoftLike(),
      local: 'ratelimit',
      event: 'rejected',
      categories: ['reputation', 'rate-limited'],
    },
    { persona: () => microsoftLike(), local: 'banned', event: 'rejected', categories: ['blocklisted'] },
    {
      persona: () => yahooLike(),
      local: 'ratelimit',
      event: 'failed',
      categories: ['reputation', 'rate-limited'],
    },
    { persona: () => yahooLike(), local: 'unknown', event: 'rejected', categories: ['mailbox-unknown'] },
    { persona: () => yahooLike(), local: 'spam', event: 'rejected', categories: ['spam-content', 'policy'] },
  ] as const;

  for (const { persona, local, event, categories } of personaCases) {
    const name = persona().name;
    it(`${name}: ${local}@`, async () => {
      const server = await fakeSmtp(persona());
      const { outcomes } = await send(server, {}, { ...mail, to: [`${local}@example.test`] });
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.recipient).toBe(`${local}@example.test`);
      expect(outcomes[0]?.event).toBe(event);
      expect(categories as readonly string[]).toContain(outcomes[0]?.verdict.category);
      expect(outcomes[0]?.reply?.code).toBeGreaterThanOrEqual(400);
    });
  }

  it('microsoft-like acceptance carries the server message id as evidence', async () => {
    const server = await fakeSmtp(microsoftLike());
    const { outcomes } = await send(server, {}, { ...mail, to: ['someone@example.test'] });
    expect(outcomes[0]?.event).toBe('accepted');
    expect(outcomes[0]?.verdict.category).toBe('delivered');
    expect(outcomes[0]?.providerDetail.serverMessageId).toMatch(/prod\.outlook\.com>$/);
  });

  it('greylisting: first attempt 450 Greylisted, the retry after the delay is accepted', async () => {
    let now = Date.UTC(2026, 10, 28, 8, 0, 0);
    const server = await fakeSmtp(greylisting({ delayMs: 300_000 }), { now: () => now });
    const message = { ...mail, to: ['someone@example.test'] };
    const first = await send(server, {}, message);
    expect(first.outcomes[0]?.event).toBe('rejected');
    expect(first.outcomes[0]?.verdict.category).toBe('greylisted');
    expect(first.outcomes[0]?.verdict.permanence).toBe('transient');
    now += 301_000;
    const second = await send(server, {}, message);
    expect(second.outcomes.map((outcome) => outcome.event)).toEqual(['accepted']);
  });
});

describe('sendMail', () => {
  it('resolves with info and one accepted outcome per recipient', async () => {
    const server = await fakeSmtp({});
    const { info, outcomes } = await send(server);
    expect(info).toBeDefined();
    expect(outcomes.map((outcome) => [outcome.event, outcome.recipient])).toEqual([
      ['accepted', bad],
      ['accepted', good],
    ]);
  });

  it('works with transports that have no SMTP dialogue (jsonTransport)', async () => {
    const { outcomes } = await sendMail(nodemailer.createTransport({ jsonTransport: true }), mail);
    expect(outcomes.map((outcome) => [outcome.event, outcome.recipient, outcome.verdict.category])).toEqual([
      ['accepted', bad, 'delivered'],
      ['accepted', good, 'delivered'],
    ]);
  });

  it('local validation (no recipients) resolves with a local outcome', async () => {
    const server = await fakeSmtp({});
    const { info, outcomes } = await send(server, {}, {
      from: 'sender@example.org',
      subject: 'x',
      text: 'x',
    } as never);
    expect(info).toBeUndefined();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ event: 'failed', origin: 'local' });
    expect(outcomes[0]?.providerDetail).toMatchObject({ code: 'EENVELOPE', command: 'API' });
    expect(outcomes[0]?.verdict.category).toBe('protocol');
  });

  it('throws for programmer errors only', async () => {
    await expect(sendMail(undefined as never, mail)).rejects.toThrow(TypeError);
    await expect(sendMail({} as never, mail)).rejects.toThrow(/transport/);
    await expect(
      sendMail(nodemailer.createTransport({ jsonTransport: true }), 'mail' as never),
    ).rejects.toThrow(/mail/);
  });
});
