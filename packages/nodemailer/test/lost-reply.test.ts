// packages/nodemailer/PROVIDER.md §7 live: a reply lost after the body is in doubt, a drop before it is not.
import { isInDoubt } from '@mailverdict/core/adapter';
import { lostReply, type SmtpScript, startFakeSmtp } from '@mailverdict/testkit';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { sendMail } from '../src/send-mail';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function transportFor(script: SmtpScript, pool: boolean) {
  const server = await startFakeSmtp(script);
  servers.push(server);
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: false,
    ignoreTLS: true,
    pool,
  });
  servers.push({ close: async () => transport.close() });
  return { server, transport };
}

const mail = (to: string, headers?: Record<string, string>) => ({
  from: 'shop@example.test',
  to,
  subject: 's',
  text: 'hello',
  messageId: `<${to}.1@example.test>`,
  ...(headers === undefined ? {} : { headers }),
});

describe('a reply lost after the body', () => {
  for (const pool of [false, true]) {
    it(`is in doubt; the next message on the transport is not (pool: ${pool})`, async () => {
      const lost = lostReply({ when: (context) => context.recipients.includes('lost@x.test') });
      const { server, transport } = await transportFor(lost.script, pool);
      const headers = { 'X-Outbox-Id': 'm1' };
      const first = await sendMail(transport, mail('lost@x.test', headers));
      expect(first.outcomes.map((o) => [o.event, o.recipient, o.verdict.category])).toEqual([
        ['failed', 'lost@x.test', 'network'],
      ]);
      expect(first.outcomes.every(isInDoubt)).toBe(true);
      // The caller's headers are not written into by nodemailer.
      expect(headers).toEqual({ 'X-Outbox-Id': 'm1' });
      const second = await sendMail(transport, mail('fine@x.test'));
      expect(second.outcomes.map((o) => [o.event, isInDoubt(o)])).toEqual([['accepted', false]]);
      expect(server.log.messages.map((m) => [m.to, m.replyDropped])).toEqual([
        [['lost@x.test'], true],
        [['fine@x.test'], undefined],
      ]);
    });
  }

  it('a drop during RCPT or an answered failure after the body is not in doubt', async () => {
    const { transport } = await transportFor(
      {
        rcpt: (context) => (context.recipient === 'drop@x.test' ? { drop: true } : {}),
        message: { reply: '451 4.3.0 try again later' },
      },
      false,
    );
    const dropped = await sendMail(transport, mail('drop@x.test'));
    expect(dropped.outcomes.map((o) => [o.event, o.verdict.category, isInDoubt(o)])).toEqual([
      ['failed', 'network', false],
    ]);
    const answered = await sendMail(transport, mail('fine@x.test'));
    expect(answered.outcomes.map((o) => [o.event, isInDoubt(o)])).toEqual([['rejected', false]]);
  });

  it('a transport without plugins is sent to as before, never marked', async () => {
    const error = Object.assign(new Error('Connection closed unexpectedly'), {
      code: 'ECONNECTION',
      command: 'CONN',
    });
    const result = await sendMail({ sendMail: async () => Promise.reject(error) }, mail('a@x.test'));
    expect(result.outcomes.map(isInDoubt)).toEqual([false]);
  });
});
