import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startDeadHost } from '../dead-host';
import { type FakeSmtpOptions, type RunningFakeSmtp, startFakeSmtp } from '../fake-smtp';
import type { SmtpScript } from '../smtp-script';
import { gmailLike, gmailReplies } from './gmail';
import { greylisting, greylistReply } from './greylisting';
import { microsoftLike, microsoftReplies } from './microsoft';
import { slowHost } from './slow';
import { yahooLike, yahooReplies } from './yahoo';

interface MailError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  rejectedErrors?: MailError[];
  timeoutType?: string;
  originalCode?: string;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function start(persona: { script: SmtpScript }, options?: FakeSmtpOptions): Promise<RunningFakeSmtp> {
  const server = await startFakeSmtp(persona, options);
  closers.push(() => server.close());
  return server;
}

function send(port: number, to: string | string[], extra: Record<string, unknown> = {}) {
  return nodemailer
    .createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      greetingTimeout: 2000,
      ...extra,
    })
    .sendMail({ from: 'sender@example.org', to, subject: 'persona', text: 'hello' });
}

async function failure(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    return error as MailError;
  }
  throw new Error('expected the send to fail');
}

describe('Gmail-like persona', () => {
  it('rejects unknown@ with the exact multi-line 550-5.1.1 and accepts the others (partial success)', async () => {
    const server = await start(gmailLike());
    const info = await send(server.port, ['unknown@gmail.test', 'jane@gmail.test']);
    expect(info.accepted).toEqual(['jane@gmail.test']);
    expect(info.response).toBe('250 2.0.0 OK  1763633700 a1b2c3d4e5f6.77 - gsmtp');
    const [rejected] = (info as unknown as { rejectedErrors: MailError[] }).rejectedErrors;
    expect(rejected?.response).toBe(gmailReplies.unknown.reply);
    expect(rejected?.response?.split('\n').every((line) => /^550[- ]5\.1\.1 /.test(line))).toBe(true);
    expect(rejected?.responseCode).toBe(550);
  });

  it.each([
    ['disabled@gmail.test', gmailReplies.disabled.reply, 550],
    ['full@gmail.test', gmailReplies.full.reply, 452],
    ['unknown-42@gmail.test', gmailReplies.unknown.reply, 550],
    ['Full+tag@gmail.test', gmailReplies.full.reply, 452],
  ])('%s → exact reply at RCPT', async (recipient, reply, code) => {
    const server = await start(gmailLike());
    const error = await failure(send(server.port, recipient));
    expect([error.code, error.command, error.responseCode, error.response]).toEqual([
      'EENVELOPE',
      'RCPT TO',
      code,
      reply,
    ]);
  });

  it('ratelimit@ → multi-line 421-4.7.28 that closes the connection (ECONNECTION)', async () => {
    const server = await start(gmailLike());
    const error = await failure(send(server.port, 'ratelimit@gmail.test'));
    expect([error.code, error.responseCode, error.response]).toEqual([
      'ECONNECTION',
      421,
      gmailReplies.ratelimit.reply,
    ]);
    expect(error.response?.split('\n')[0]?.startsWith('421-4.7.28 ')).toBe(true);
  });

  it('unauth@ → 550-5.7.26 after the body for the whole message (EMESSAGE), nothing logged as accepted', async () => {
    const server = await start(gmailLike());
    const error = await failure(send(server.port, ['unauth@gmail.test', 'jane@gmail.test']));
    expect([error.code, error.responseCode, error.response]).toEqual([
      'EMESSAGE',
      550,
      gmailReplies.unauthenticated.reply,
    ]);
    expect(server.log.messages).toHaveLength(0);
    // The next transaction is not affected by the previous one's choice.
    await send(server.port, 'jane@gmail.test');
    expect(server.log.messages).toHaveLength(1);
  });

  it('is configurable: local-part overrides, first N, every Nth, chances and choose', async () => {
    const renamed = await start(gmailLike({ localParts: { nobody: 'unknown', unknown: 'accept' } }));
    expect((await failure(send(renamed.port, 'nobody@gmail.test'))).responseCode).toBe(550);
    expect((await send(renamed.port, 'unknown@gmail.test')).accepted).toEqual(['unknown@gmail.test']);

    const first = await start(gmailLike({ first: { full: 2 } }));
    const results: Array<number | string> = [];
    for (let index = 0; index < 3; index++) {
      results.push(
        await send(first.port, `a${index}@gmail.test`).then(
          () => 'ok',
          (error: MailError) => error.responseCode ?? 0,
        ),
      );
    }
    expect(results).toEqual([452, 452, 'ok']);

    const every = await start(gmailLike({ every: { disabled: 2 } }));
    const everyResults: Array<number | string> = [];
    for (let index = 0; index < 4; index++) {
      everyResults.push(
        await send(every.port, `b${index}@gmail.test`).then(
          () => 'ok',
          (error: MailError) => error.responseCode ?? 0,
        ),
      );
    }
    expect(everyResults).toEqual(['ok', 550, 'ok', 550]);

    const always = await start(gmailLike({ chances: { full: 1 } }));
    expect((await failure(send(always.port, 'c@gmail.test'))).responseCode).toBe(452);
    const never = await start(gmailLike({ chances: { full: 0 } }));
    expect((await send(never.port, 'c@gmail.test')).accepted).toEqual(['c@gmail.test']);

    const chosen = await start(
      gmailLike({ choose: (ctx) => (ctx.connectionNumber === 1 ? 'ratelimit' : 'accept') }),
    );
    expect((await failure(send(chosen.port, 'd@gmail.test'))).responseCode).toBe(421);
    expect((await send(chosen.port, 'unknown@gmail.test')).accepted).toEqual(['unknown@gmail.test']);
  });

  it('chances are reproducible from a seed', async () => {
    const outcomes = async (seed: number) => {
      const server = await start(gmailLike({ chances: { full: 0.5 }, seed }));
      const result: string[] = [];
      for (let index = 0; index < 6; index++) {
        result.push(
          await send(server.port, `r${index}@gmail.test`).then(
            () => 'ok',
            () => 'full',
          ),
        );
      }
      return result;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(first).toContain('ok');
    expect(first).toContain('full');
  });

  it('rejects bad configuration with a clear message', () => {
    expect(() => gmailLike({ localParts: { x: 'nope' as 'full' } })).toThrow(/unknown reply `nope`/);
    expect(() => gmailLike({ chances: { full: 2 } })).toThrow(/probability/);
    expect(() => gmailLike({ first: { full: -1 } })).toThrow(/whole number/);
    expect(() => gmailLike({ every: { typo: 2 } as never })).toThrow(/`every.typo` is not a reply/);
    expect(() => gmailLike({ delayMs: -5 })).toThrow(/delayMs/);
  });
});

describe('Microsoft-like persona', () => {
  it.each([
    ['unknown@outlook.test', microsoftReplies.unknown.reply, 550],
    ['ratelimit@outlook.test', microsoftReplies.ratelimit.reply, 451],
    ['banned@outlook.test', microsoftReplies.banned.reply, 550],
  ])('%s → exact single-line reply', async (recipient, reply, code) => {
    const server = await start(microsoftLike());
    const error = await failure(send(server.port, recipient));
    expect([error.code, error.command, error.responseCode, error.response]).toEqual([
      'EENVELOPE',
      'RCPT TO',
      code,
      reply,
    ]);
  });

  it('accepts with an Exchange Online 250 that nodemailer turns into serverMessageId', async () => {
    const server = await start(microsoftLike());
    const info = await send(server.port, 'jane@outlook.test');
    expect(info.response).toBe('250 2.0.0 OK <0a1b2c3d4e5f@AM0PR01MB0000.eurprd01.prod.outlook.com>');
    expect(server.log.replies[0]?.reply).toContain('Microsoft ESMTP MAIL Service ready');
  });
});

describe('Yahoo-like persona', () => {
  it('ratelimit@ → 421 4.7.0 [TSS04], connection closed', async () => {
    const server = await start(yahooLike());
    const error = await failure(send(server.port, 'ratelimit@yahoo.test'));
    expect([error.code, error.responseCode, error.response]).toEqual([
      'ECONNECTION',
      421,
      yahooReplies.ratelimit.reply,
    ]);
  });

  it.each([
    ['unknown@yahoo.test', yahooReplies.unknown.reply],
    ['spam@yahoo.test', yahooReplies.spam.reply],
  ])('%s → 554 after the body (EMESSAGE)', async (recipient, reply) => {
    const server = await start(yahooLike());
    const error = await failure(send(server.port, recipient));
    expect([error.code, error.responseCode, error.response]).toEqual(['EMESSAGE', 554, reply]);
  });

  it('defers the first N recipients with TSS04, then accepts', async () => {
    const server = await start(yahooLike({ first: { ratelimit: 2 } }));
    expect((await failure(send(server.port, 'a@yahoo.test'))).responseCode).toBe(421);
    expect((await failure(send(server.port, 'b@yahoo.test'))).responseCode).toBe(421);
    expect((await send(server.port, 'c@yahoo.test')).accepted).toEqual(['c@yahoo.test']);
  });
});

describe('greylisting persona', () => {
  it('450 4.2.0 Greylisted on the first attempt per triplet, again before the delay, accepted after it (server clock)', async () => {
    let clock = Date.UTC(2026, 10, 28);
    const persona = greylisting({ delayMs: 5 * 60_000 });
    const server = await start(persona, { now: () => clock });

    const first = await failure(send(server.port, 'jane@grey.test'));
    expect([first.code, first.responseCode, first.response]).toEqual([
      'EENVELOPE',
      450,
      greylistReply('jane@grey.test'),
    ]);
    expect(first.response).toContain('Greylisted');

    clock += 60_000;
    expect((await failure(send(server.port, 'jane@grey.test'))).responseCode).toBe(450);

    clock += 4 * 60_000;
    const info = await send(server.port, 'jane@grey.test');
    expect(info.accepted).toEqual(['jane@grey.test']);
    // Another recipient is a new triplet and starts over.
    expect((await failure(send(server.port, 'john@grey.test'))).responseCode).toBe(450);
    expect(server.log.messages.map((message) => message.to)).toEqual([['jane@grey.test']]);
    expect(persona.triplets.size).toBe(2);
  });

  it('exempt local parts are never greylisted; delayMs 0 accepts the second attempt at once', async () => {
    const server = await start(greylisting({ delayMs: 0, exempt: ['postmaster'] }));
    expect((await send(server.port, 'postmaster@grey.test')).accepted).toHaveLength(1);
    expect((await failure(send(server.port, 'x@grey.test'))).responseCode).toBe(450);
    expect((await send(server.port, 'x@grey.test')).accepted).toHaveLength(1);
    expect(() => greylisting({ delayMs: Number.NaN })).toThrow(TypeError);
  });
});

describe('slow and dead hosts', () => {
  it('a slow greeting trips greetingTimeout; slow replies trip socketTimeout', async () => {
    const slowGreeting = await start(slowHost({ greetingDelayMs: 600, replyDelayMs: 0 }));
    const greetingError = await failure(send(slowGreeting.port, 'x@slow.test', { greetingTimeout: 200 }));
    expect([greetingError.code, greetingError.timeoutType]).toEqual(['ETIMEDOUT', 'GREETING_TIMEOUT']);

    const slowReplies = await start(slowHost({ replyDelayMs: 600 }));
    const socketError = await failure(send(slowReplies.port, 'x@slow.test', { socketTimeout: 200 }));
    expect([socketError.code, socketError.timeoutType]).toEqual(['ETIMEDOUT', 'SOCKET_TIMEOUT']);
  });

  it('a slow host still delivers when the client waits long enough', async () => {
    const server = await start(slowHost({ replyDelayMs: 50 }));
    expect((await send(server.port, 'x@slow.test')).accepted).toEqual(['x@slow.test']);
  });

  it('dead hosts: refused → ESOCKET/ECONNREFUSED, closed → ECONNECTION, silent → ETIMEDOUT', async () => {
    const refused = await startDeadHost('refuse');
    const closed = await startDeadHost('close');
    const silent = await startDeadHost('silent');
    closers.push(refused.close, closed.close, silent.close);

    const refusedError = await failure(send(refused.port, 'x@dead.test'));
    expect([refusedError.code, refusedError.originalCode]).toEqual(['ESOCKET', 'ECONNREFUSED']);

    const closedError = await failure(send(closed.port, 'x@dead.test'));
    expect(closedError.code).toBe('ECONNECTION');
    expect(closed.connections()).toBe(1);

    const silentError = await failure(send(silent.port, 'x@dead.test', { greetingTimeout: 200 }));
    expect([silentError.code, silentError.timeoutType]).toEqual(['ETIMEDOUT', 'GREETING_TIMEOUT']);
    await expect(startDeadHost('bogus' as 'refuse')).rejects.toThrow(TypeError);
  });
});
