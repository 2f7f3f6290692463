// The real thing: Postfix relays to the testkit's fake MX personas over loopback, writes its own
// log and returns bounces to a Maildir and an mbox; `mailverdict scan` over that log and
// `mailverdict bounce` over those mailboxes must report what each persona answered.
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
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
  /** The envelope sender: its bounces go to the Maildir (`app@`) or the mbox (`list@`). */
  readonly from: 'app@sender.test' | 'list@sender.test';
  /** What the persona answers, from its exported table (undefined for an accepted recipient). */
  readonly reply?: string;
}

const cases: readonly Case[] = [
  { recipient: 'jane@gmail.com', from: 'app@sender.test', status: 'sent' },
  {
    recipient: 'unknown@gmail.com',
    from: 'app@sender.test',
    status: 'bounced',
    reply: gmailReplies.unknown.reply,
  },
  {
    recipient: 'full@gmail.com',
    from: 'app@sender.test',
    status: 'deferred',
    reply: gmailReplies.full.reply,
  },
  {
    recipient: 'unauth@gmail.com',
    from: 'app@sender.test',
    status: 'bounced',
    reply: gmailReplies.unauthenticated.reply,
  },
  {
    recipient: 'unknown@hotmail.com',
    from: 'app@sender.test',
    status: 'bounced',
    reply: microsoftReplies.unknown.reply,
  },
  {
    recipient: 'banned@hotmail.com',
    from: 'list@sender.test',
    status: 'bounced',
    reply: microsoftReplies.banned.reply,
  },
  {
    recipient: 'ratelimit@hotmail.com',
    from: 'list@sender.test',
    status: 'deferred',
    reply: microsoftReplies.ratelimit.reply,
  },
  {
    recipient: 'spam@yahoo.com',
    from: 'list@sender.test',
    status: 'bounced',
    reply: yahooReplies.spam.reply,
  },
  {
    recipient: 'ratelimit@yahoo.com',
    from: 'list@sender.test',
    status: 'deferred',
    reply: yahooReplies.ratelimit.reply,
  },
];

let postfix: PostfixInstance | undefined;
const servers: RunningFakeSmtp[] = [];
let log = '';
const bouncesSeen = new Map<string, number>();

beforeAll(async () => {
  const gmail = await startFakeSmtp(gmailLike());
  const microsoft = await startFakeSmtp(microsoftLike());
  const yahoo = await startFakeSmtp(yahooLike());
  servers.push(gmail, microsoft, yahoo);
  postfix = await startPostfix({
    routes: { 'gmail.com': gmail.port, 'hotmail.com': microsoft.port, 'yahoo.com': yahoo.port },
    mailboxes: { 'app@sender.test': 'app/', 'list@sender.test': 'list.mbox' },
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
      from: item.from,
      to: item.recipient,
      subject: `mailverdict cli test for ${item.recipient}`,
      text: 'Hello from the mailverdict scan test.',
    });
    const instance = postfix;
    log = await waitForLog(instance, (text) =>
      text.split('\n').some((line) => line.includes(`to=<${item.recipient}>`) && line.includes(' status=')),
    );
    // A bounce is returned to the sender's mailbox: wait for that delivery too.
    if (item.status === 'bounced') {
      const returned = (text: string) =>
        text.split('\n').filter((line) => line.includes(`to=<${item.from}>`) && line.includes('status=sent'))
          .length;
      const before = bouncesSeen.get(item.from) ?? 0;
      log = await waitForLog(instance, (text) => returned(text) > before);
      bouncesSeen.set(item.from, before + 1);
    }
  }
  transport.close();
  // To look at what Postfix wrote: MAILVERDICT_KEEP_POSTFIX=<directory> pnpm test
  const keep = process.env.MAILVERDICT_KEEP_POSTFIX;
  if (keep !== undefined && keep !== '') {
    copyFileSync(postfix.logFile, join(keep, 'maillog'));
    cpSync(postfix.mailDir, join(keep, 'mail'), { recursive: true });
  }
}, 300_000);

afterAll(async () => {
  postfix?.stop();
  await Promise.all(servers.map((server) => server.close()));
});

describe('scan over the log the real Postfix wrote', () => {
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
    // sent: jane@gmail.com, and the five bounce notices Postfix returned to the senders' mailboxes.
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

describe('bounce over the DSNs the real Postfix returned', () => {
  const bounced = (from: string) =>
    cases.filter((item) => item.status === 'bounced' && item.from === from).map((item) => item.recipient);

  it('reads the Maildir: one bounced outcome per recipient, with the status and category of the persona’s reply', async () => {
    const result = await runCli(['bounce', '--json', join(postfix?.mailDir ?? '', 'app')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const outcomes = lines.filter((line) => line.type === 'outcome');
    expect(outcomes.map((outcome) => outcome.recipient).sort()).toEqual(bounced('app@sender.test').sort());
    for (const outcome of outcomes) {
      const item = cases.find((entry) => entry.recipient === outcome.recipient);
      expect(outcome).toMatchObject({ kind: 'bounce', event: 'bounced' });
      const expected = classify(item?.reply ?? '', { destination: outcome.recipient.split('@')[1] });
      expect(outcome.status, outcome.recipient).toBe(expected.status);
      expect(outcome.category, outcome.recipient).toBe(expected.category);
    }
    expect(lines.at(-1)).toMatchObject({ type: 'summary', emails: outcomes.length, unreadable: 0 });
  });

  it('reads the mbox as a table, with a summary by category and destination', async () => {
    const result = await runCli(['bounce', join(postfix?.mailDir ?? '', 'list.mbox')]);
    expect(result.code).toBe(1);
    for (const recipient of bounced('list@sender.test')) expect(result.stdout).toContain(recipient);
    expect(result.stdout).toMatch(/^2 emails: bounce 2$/m);
    expect(result.stdout).toMatch(/by destination: +microsoft 1, yahoo 1$/m);
  });

  it('an unreadable path is named, the rest is still read, and the exit code is 2', async () => {
    const result = await runCli([
      'bounce',
      '/nonexistent/bounces',
      join(postfix?.mailDir ?? '', 'list.mbox'),
    ]);
    expect(result.stderr).toContain('cannot read /nonexistent/bounces: no such file or directory');
    expect(result.stdout).toMatch(/^2 emails, 1 unreadable: bounce 2$/m);
    expect(result.code).toBe(2);
  });
});
