// The real thing: Postfix relays to the testkit's fake MX personas over loopback and writes its own
// log; `mailverdict scan` over that log must report what each persona answered.
import { copyFileSync } from 'node:fs';
import { classify } from '@mailverdict/core';
import {
  gmailLike,
  gmailReplies,
  microsoftLike,
  microsoftReplies,
  type RunningFakeSmtp,
  startFakeSmtp,
  yahooLike,
  yahooReplies,
} from '@mailverdict/testkit';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostfixInstance, startPostfix, waitForLog } from './helpers/postfix';
import { runCli } from './helpers/run-cli';

interface Case {
  readonly recipient: string;
  readonly status: 'sent' | 'deferred' | 'bounced';
  /** What the persona answers, from its exported table (undefined for an accepted recipient). */
  readonly reply?: string;
}

const cases: readonly Case[] = [
  { recipient: 'jane@gmail.com', status: 'sent' },
  { recipient: 'unknown@gmail.com', status: 'bounced', reply: gmailReplies.unknown.reply },
  { recipient: 'full@gmail.com', status: 'deferred', reply: gmailReplies.full.reply },
  { recipient: 'unauth@gmail.com', status: 'bounced', reply: gmailReplies.unauthenticated.reply },
  { recipient: 'unknown@hotmail.com', status: 'bounced', reply: microsoftReplies.unknown.reply },
  { recipient: 'banned@hotmail.com', status: 'bounced', reply: microsoftReplies.banned.reply },
  { recipient: 'ratelimit@hotmail.com', status: 'deferred', reply: microsoftReplies.ratelimit.reply },
  { recipient: 'spam@yahoo.com', status: 'bounced', reply: yahooReplies.spam.reply },
  { recipient: 'ratelimit@yahoo.com', status: 'deferred', reply: yahooReplies.ratelimit.reply },
];

let postfix: PostfixInstance | undefined;
const servers: RunningFakeSmtp[] = [];
let log = '';

beforeAll(async () => {
  const gmail = await startFakeSmtp(gmailLike());
  const microsoft = await startFakeSmtp(microsoftLike());
  const yahoo = await startFakeSmtp(yahooLike());
  servers.push(gmail, microsoft, yahoo);
  postfix = await startPostfix({
    routes: { 'gmail.com': gmail.port, 'hotmail.com': microsoft.port, 'yahoo.com': yahoo.port },
    discard: ['sender.test'],
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: postfix.port,
    secure: false,
    ignoreTLS: true,
  });
  // One message at a time, each waited for: a 421 that closes the connection must not turn the
  // next message's attempt into "delivery temporarily suspended".
  for (const item of cases) {
    await transport.sendMail({
      from: 'app@sender.test',
      to: item.recipient,
      subject: `mailverdict cli test for ${item.recipient}`,
      text: 'Hello from the mailverdict scan test.',
    });
    const instance = postfix;
    log = await waitForLog(instance, (text) =>
      text.split('\n').some((line) => line.includes(`to=<${item.recipient}>`) && line.includes(' status=')),
    );
  }
  transport.close();
  // To look at what Postfix wrote: MAILVERDICT_KEEP_POSTFIX_LOG=/tmp/maillog pnpm test
  const keep = process.env.MAILVERDICT_KEEP_POSTFIX_LOG;
  if (keep !== undefined && keep !== '') copyFileSync(postfix.logFile, keep);
}, 300_000);

afterAll(async () => {
  postfix?.stop();
  await Promise.all(servers.map((server) => server.close()));
});

describe('scan over a log the real Postfix wrote', () => {
  it('Postfix logged one status line per recipient, as the personas answered', () => {
    for (const item of cases) {
      const line = log
        .split('\n')
        .find((text) => text.includes(`to=<${item.recipient}>`) && text.includes(' status='));
      expect(line, item.recipient).toContain(`status=${item.status}`);
    }
  });

  it('reports per destination the counts and categories the personas answered', async () => {
    const result = await runCli(['scan', '--json', postfix?.logFile ?? '']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    // sent: jane@gmail.com, and the five bounce notices Postfix returned to app@sender.test (discarded).
    expect(report.statuses).toEqual({ sent: 6, deferred: 3, bounced: 5, expired: 0 });
    expect(report.formats.postfix).toBe(14);
    const byName = Object.fromEntries(
      report.destinations.map((row: { destination: string }) => [row.destination, row]),
    );
    expect(Object.keys(byName).sort()).toEqual(['google', 'microsoft', 'sender.test', 'yahoo']);
    expect(byName['sender.test']).toMatchObject({ sent: 5, deferred: 0, bounced: 0 });
    expect(byName.google).toMatchObject({ sent: 1, deferred: 1, bounced: 2 });
    expect(byName.microsoft).toMatchObject({ sent: 0, deferred: 1, bounced: 2 });
    expect(byName.yahoo).toMatchObject({ sent: 0, deferred: 1, bounced: 1 });
    // Each failure lands in the category core gives the persona's own reply.
    for (const item of cases) {
      if (item.reply === undefined) continue;
      const destination = item.recipient.endsWith('gmail.com')
        ? 'google'
        : item.recipient.endsWith('hotmail.com')
          ? 'microsoft'
          : 'yahoo';
      const expected = classify(item.reply, { destination: item.recipient.split('@')[1] as string }).category;
      expect(byName[destination].categories[item.status], item.recipient).toHaveProperty(expected);
    }
    // The top replies quote the personas' status codes.
    const replies: string = report.topReplies.map((reply: { reply: string }) => reply.reply).join('\n');
    for (const code of ['5.1.1', '5.7.26', '4.2.2', '5.1.10', '5.7.606', '4.7.650', 'TSS04', 'PH01'])
      expect(replies).toContain(code);
    expect(report.suppress.map((item: { recipient: string }) => item.recipient).sort()).toEqual(
      cases
        .filter((item) => item.reply !== undefined && classify(item.reply).suppressRecipient)
        .map((item) => item.recipient)
        .sort(),
    );
    expect(result.code).toBe(1);
  });

  it('prints the text report: destinations, top replies explained, whose move, recipients to suppress', async () => {
    const result = await runCli(['scan', postfix?.logFile ?? '']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('sent 6  deferred 3  bounced 5');
    expect(result.stdout).toMatch(/^ {2}google +1 +1 +2 +0$/m);
    expect(result.stdout).toContain('Top replies');
    expect(result.stdout).toContain('What to do:');
    expect(result.stdout).toContain('Ours to fix');
    expect(result.stdout).toContain('unknown@gmail.com');
    expect(result.stdout).not.toContain('\u001b['); // piped: no colours
  });
});
