import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningFakeSmtp, startFakeSmtp } from './fake-smtp';
import { findDuplicates } from './smtp-log';
import type { SmtpScript } from './smtp-script';

// Real nodemailer against the fake over loopback. Errors are plain objects with the fields nodemailer sets
// (packages/nodemailer/PROVIDER.md §1), so we read them structurally.
interface MailError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  recipient?: string;
  rejectedErrors?: MailError[];
  timeoutType?: string;
  originalCode?: string;
}

const servers: RunningFakeSmtp[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(script: SmtpScript, now?: () => number): Promise<RunningFakeSmtp> {
  const server = await startFakeSmtp(script, { now });
  servers.push(server);
  return server;
}

function transport(port: number, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    greetingTimeout: 2000,
    socketTimeout: 4000,
    ...extra,
  });
}

function send(port: number, to: string[], extra: Record<string, unknown> = {}) {
  return transport(port, extra).sendMail({
    from: 'sender@example.org',
    to,
    subject: 'hello',
    text: 'hello',
  });
}

async function failure(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    return error as MailError;
  }
  throw new Error('expected the send to fail');
}

const gmail550 =
  "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550-5.1.1 unnecessary spaces. Learn more at\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 00000000000000.000 - gsmtp";

describe('startFakeSmtp with the real nodemailer', () => {
  it('sends a multi-line RCPT reply exactly (partial success keeps every line prefix)', async () => {
    const server = await start({
      rcpt: (ctx) => (ctx.recipient?.startsWith('bad') ? gmail550 : '250 2.1.5 OK'),
      message: '250 2.0.0 OK queued as 4XyZ1',
    });
    const info = await send(server.port, ['bad@example.test', 'good@example.test']);
    expect(info.accepted).toEqual(['good@example.test']);
    expect(info.rejected).toEqual(['bad@example.test']);
    expect(info.response).toBe('250 2.0.0 OK queued as 4XyZ1');
    const rejected = (info as unknown as { rejectedErrors: MailError[] }).rejectedErrors[0];
    expect(rejected?.response).toBe(gmail550);
    expect(rejected?.responseCode).toBe(550);
    expect(rejected?.command).toBe('RCPT TO');
    expect(rejected?.recipient).toBe('bad@example.test');
    // The server's own log: the message was accepted for the good recipient only, with its Message-ID.
    expect(server.log.messages).toHaveLength(1);
    expect(server.log.messages[0]?.to).toEqual(['good@example.test']);
    expect(server.log.messages[0]?.messageId).toBe(info.messageId);
    const rcptReplies = server.log.replies.filter((reply) => reply.stage === 'rcpt');
    expect(rcptReplies.map((reply) => [reply.recipient, reply.code, reply.scripted])).toEqual([
      ['bad@example.test', 550, true],
      ['good@example.test', 250, true],
    ]);
    expect(rcptReplies[0]?.reply).toBe(gmail550);
  });

  it('puts exactly the scripted bytes on the wire: CRLF after every line, prefixes untouched', async () => {
    const server = await start({ rcpt: gmail550 });
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    const waitFor = async (text: string) => {
      for (let tries = 0; tries < 100 && !received.includes(text); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor('220 ');
    socket.write('EHLO client.test\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<x@example.test>\r\n');
    await waitFor('gsmtp\r\n');
    socket.destroy();
    const expected = `${gmail550.split('\n').join('\r\n')}\r\n`;
    expect(received.endsWith(expected)).toBe(true);
    expect(received.startsWith('220 mx.fake.test ESMTP\r\n')).toBe(true);
  });

  it('accepts CRLF in scripted replies and sends the same bytes', async () => {
    const server = await start({ rcpt: '550-5.1.1 first\r\n550 5.1.1 last' });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.response).toBe('550-5.1.1 first\n550 5.1.1 last');
  });

  it('reports a 550 + 450 mix as 450 at the top and both per recipient (packages/nodemailer/PROVIDER.md §4)', async () => {
    const server = await start({
      rcpt: (ctx) =>
        ctx.recipient?.startsWith('bad')
          ? '550 5.1.1 no such user'
          : '450 4.2.0 <grey@example.test>: Recipient address rejected: Greylisted',
    });
    const error = await failure(send(server.port, ['bad@example.test', 'grey@example.test']));
    expect(error.code).toBe('EENVELOPE');
    expect(error.responseCode).toBe(450);
    expect(error.permanent).toBe(false);
    expect(error.rejectedErrors?.map((item) => item.responseCode)).toEqual([550, 450]);
    expect(server.log.messages).toHaveLength(0);
  });

  it('421 at RCPT closes the connection: nodemailer reports ECONNECTION with the full reply', async () => {
    const reply = '421-4.7.28 first line\n421 4.7.28 last line - gsmtp';
    const server = await start({ rcpt: reply });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.code).toBe('ECONNECTION');
    expect(error.responseCode).toBe(421);
    expect(error.response).toBe(reply);
  });

  it('421 greeting → EPROTOCOL; greeting text is exact', async () => {
    const server = await start({ greeting: '421 4.3.2 Service not available, closing transmission channel' });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.code).toBe('EPROTOCOL');
    expect(error.responseCode).toBe(421);
    expect(error.response).toBe('421 4.3.2 Service not available, closing transmission channel');
    expect(server.log.replies[0]).toMatchObject({ stage: 'greeting', code: 421, scripted: true });
  });

  it('AUTH 535 → EAUTH; MAIL 553 → EENVELOPE/MAIL FROM; DATA 554 → EENVELOPE/DATA; body 552 → EMESSAGE', async () => {
    const auth = await start({ auth: '535 5.7.8 Username and Password not accepted.' });
    const authError = await failure(send(auth.port, ['x@example.test'], { auth: { user: 'u', pass: 'p' } }));
    expect([authError.code, authError.responseCode, authError.command]).toEqual(['EAUTH', 535, 'AUTH PLAIN']);
    expect(auth.log.replies.find((reply) => reply.stage === 'auth')?.reply).toBe(
      '535 5.7.8 Username and Password not accepted.',
    );

    const mail = await start({ mail: '553 5.7.1 Sender address rejected' });
    const mailError = await failure(send(mail.port, ['x@example.test']));
    expect([mailError.code, mailError.responseCode, mailError.command]).toEqual([
      'EENVELOPE',
      553,
      'MAIL FROM',
    ]);

    const data = await start({ data: '554 5.5.1 Error: no valid recipients' });
    const dataError = await failure(send(data.port, ['x@example.test']));
    expect([dataError.code, dataError.responseCode, dataError.command]).toEqual(['EENVELOPE', 554, 'DATA']);

    const body = await start({ message: '552 5.3.4 Message size exceeds fixed limit' });
    const bodyError = await failure(send(body.port, ['x@example.test']));
    expect([bodyError.code, bodyError.responseCode, bodyError.command]).toEqual(['EMESSAGE', 552, 'DATA']);
    expect(body.log.messages).toHaveLength(0);
  });

  it('lets the AUTH responder see the credentials', async () => {
    const server = await start({
      auth: (ctx) => (ctx.username === 'right' && ctx.password === 'secret' ? undefined : '535 5.7.8 bad'),
    });
    await send(server.port, ['x@example.test'], { auth: { user: 'right', pass: 'secret' } });
    const error = await failure(
      send(server.port, ['x@example.test'], { auth: { user: 'wrong', pass: 'secret' } }),
    );
    expect(error.code).toBe('EAUTH');
  });

  it('a dropped connection during RCPT → ECONNECTION without a reply', async () => {
    const server = await start({ rcpt: { drop: true } });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.code).toBe('ECONNECTION');
    expect(error.responseCode).toBeUndefined();
    expect(error.message).toContain('Connection closed unexpectedly');
    expect(server.log.messages).toHaveLength(0);
  });

  it('a silent greeting runs into nodemailer greetingTimeout → ETIMEDOUT', async () => {
    const server = await start({ greeting: { silent: true } });
    const error = await failure(send(server.port, ['x@example.test'], { greetingTimeout: 300 }));
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.timeoutType).toBe('GREETING_TIMEOUT');
  });

  it('delays a reply by delayMs', async () => {
    const server = await start({ rcpt: { delayMs: 300 } });
    const started = Date.now();
    await send(server.port, ['x@example.test']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('scripted EHLO reply replaces the capability list; a 5xx EHLO makes nodemailer fall back to HELO', async () => {
    const server = await start({
      ehlo: (ctx) => (ctx.command?.startsWith('EHLO') ? '502 5.5.1 no EHLO' : undefined),
    });
    const info = await send(server.port, ['x@example.test']);
    expect(info.accepted).toEqual(['x@example.test']);
    const ehloReplies = server.log.replies
      .filter((reply) => reply.stage === 'ehlo')
      .map((reply) => reply.code);
    expect(ehloReplies).toEqual([502, 250]);
  });

  // Observed with nodemailer 10.6.1: which error code carries a 421 depends on the step it answers
  // (packages/nodemailer/PROVIDER.md §4 lists only the greeting → EPROTOCOL and RCPT → ECONNECTION rows).
  it.each([
    ['ehlo', 'ECONNECTION', 'EHLO'],
    ['mail', 'EENVELOPE', 'MAIL FROM'],
    ['rcpt', 'ECONNECTION', 'CONN'],
    ['data', 'EENVELOPE', 'DATA'],
    ['message', 'EMESSAGE', 'DATA'],
  ] as const)('421 at %s → %s / %s, with the reply kept', async (stage, code, command) => {
    const reply = '421 4.7.0 Try again later, closing connection.';
    const server = await start({ [stage]: reply });
    const error = await failure(send(server.port, ['x@example.test']));
    expect([error.code, error.command, error.responseCode, error.response]).toEqual([
      code,
      command,
      421,
      reply,
    ]);
    expect(server.log.messages).toHaveLength(0);
  });

  it('a pooled nodemailer silently resends on a new connection after a 421 mid-session', async () => {
    let mails = 0;
    const server = await start({
      mail: () => {
        mails += 1;
        return mails === 2 ? '421 4.7.0 Too many messages on this connection' : undefined;
      },
    });
    const pool = transport(server.port, { pool: true, maxConnections: 1 });
    const mail = { from: 'a@example.org', to: 'x@example.test', subject: 's', text: 't' };
    await pool.sendMail(mail);
    const second = await pool.sendMail(mail);
    pool.close();
    expect(second.accepted).toEqual(['x@example.test']);
    // The server's log shows what the caller never saw: the 421, then a second connection.
    expect(server.log.replies.filter((reply) => reply.code === 421)).toHaveLength(1);
    expect(server.log.connections).toHaveLength(2);
    expect(server.log.messages).toHaveLength(2);
  });

  it('logs every accepted message with the server clock, and finds duplicates', async () => {
    let clock = 1_000;
    const server = await start({}, () => clock);
    const mail = {
      from: 'a@example.org',
      to: 'x@example.test',
      subject: 's',
      text: 't',
      messageId: '<same@example.org>',
    };
    await transport(server.port).sendMail(mail);
    clock = 2_000;
    await transport(server.port).sendMail(mail);
    expect(server.log.messages.map((message) => [message.messageId, message.at])).toEqual([
      ['<same@example.org>', 1_000],
      ['<same@example.org>', 2_000],
    ]);
    expect(server.log.connections.map((connection) => connection.number)).toEqual([1, 2]);
    expect(findDuplicates(server.log.messages)).toEqual([
      { messageId: '<same@example.org>', recipient: 'x@example.test', count: 2 },
    ]);
  });

  it('a responder that throws answers 451 naming the bug instead of hanging', async () => {
    const server = await start({
      rcpt: () => {
        throw new Error('oops in test');
      },
    });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.responseCode).toBe(451);
    expect(error.response).toContain('oops in test');
  });

  it('refuses misspelled steps instead of silently accepting', async () => {
    await expect(startFakeSmtp({ rcpt: { replay: '550 x' } as never })).rejects.toThrow(
      /script.rcpt.*unknown SMTP step field `replay`/,
    );
    await expect(startFakeSmtp({ rcpt: { delayMs: -1 } })).rejects.toThrow(/delayMs/);
    const server = await start({ rcpt: () => ({ drp: true }) as never });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.responseCode).toBe(451);
    expect(error.response).toContain('unknown SMTP step field `drp`');
  });

  it('{ close: true } without a reply sends the normal reply, then closes', async () => {
    const server = await start({ mail: { close: true } });
    const error = await failure(send(server.port, ['x@example.test']));
    expect(error.code).toBe('ECONNECTION');
    expect(server.log.replies.find((reply) => reply.stage === 'mail')?.reply).toBe('250 Accepted');
  });

  it('validates its arguments', async () => {
    await expect(startFakeSmtp({ rctp: '550 x' } as unknown as SmtpScript)).rejects.toThrow(
      /unknown script stage `rctp`/,
    );
    await expect(startFakeSmtp(null as unknown as SmtpScript)).rejects.toThrow(TypeError);
    await expect(startFakeSmtp({ rcpt: 5 } as unknown as SmtpScript)).rejects.toThrow(/script.rcpt/);
  });

  it('closes with clients still connected (no hanging test run)', async () => {
    const server = await startFakeSmtp({ greeting: { silent: true } });
    const pending = failure(send(server.port, ['x@example.test'], { greetingTimeout: 5000 }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pending).code).toBeDefined();
  });
});
