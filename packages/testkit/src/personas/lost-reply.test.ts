import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningFakeSmtp, startFakeSmtp } from '../fake-smtp';
import { lostReply } from './lost-reply';

let server: RunningFakeSmtp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('lostReply', () => {
  it('keeps the message but drops the connection before the reply to DATA', async () => {
    server = await startFakeSmtp(
      lostReply({ when: (context) => context.recipients.includes('lost@x.test') }).script,
    );
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      ignoreTLS: true,
    });
    const message = { from: 'a@sender.test', text: 'hi', subject: 's' };
    await expect(transport.sendMail({ ...message, to: 'lost@x.test' })).rejects.toThrow();
    const info = await transport.sendMail({ ...message, to: 'fine@x.test' });
    expect(info.accepted).toEqual(['fine@x.test']);
    // Both arrived: the first one's sender just never heard so.
    expect(server.log.messages.map((m) => m.to)).toEqual([['lost@x.test'], ['fine@x.test']]);
    // …and the log says which one lost its reply.
    expect(server.log.messages.map((m) => m.replyDropped)).toEqual([true, undefined]);
  });

  it('refuses a step object with a non-boolean dropAfterAccept', async () => {
    await expect(
      startFakeSmtp({ message: { dropAfterAccept: 'yes' as unknown as boolean } }),
    ).rejects.toThrow(/dropAfterAccept/);
  });
});
