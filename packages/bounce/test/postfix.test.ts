// Real bounces from a real MTA: Debian's Postfix relays to a testkit Gmail-like fake MX on loopback,
// the persona rejects or defers, and Postfix writes its DSNs (and a delay notice, and an expiry
// bounce) to a local mailbox. parseBounce must find the recipients, statuses and categories the
// persona said.
import { gmailLike, gmailReplies, type RunningFakeSmtp, startFakeSmtp } from '@mailverdict/testkit';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BounceReport, parseBounce } from '../src/index';
import { bounceDomain, ensurePostfix, type RunningPostfix, startPostfix } from './postfix-instance';

const sender = `app@${bounceDomain}`;
const times = { delayWarningSeconds: 2, queueLifetimeSeconds: 10 };

let mx: RunningFakeSmtp;
let postfix: RunningPostfix;

/** The first report in the bounce mailbox that `accept` takes, waiting up to `timeoutMs`. */
async function waitForReport(
  accept: (report: BounceReport) => boolean,
  timeoutMs: number,
): Promise<BounceReport> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const message of postfix.messages()) {
      const report = await parseBounce(message);
      if (accept(report)) return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `no matching report within ${timeoutMs} ms; mailbox has ${postfix.messages().length}; Postfix log:\n${postfix.log()}`,
  );
}

function about(subject: string): (report: BounceReport) => boolean {
  return (report) => report.original?.subject === subject;
}

async function send(to: string[], subject: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: postfix.port,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({ from: sender, to, subject, text: 'Hello', headers: { 'X-Outbox-Id': subject } });
  transport.close();
}

function statusOf(reply: string): string {
  return reply.slice(4, reply.indexOf(' ', 4));
}

beforeAll(async () => {
  await ensurePostfix();
  mx = await startFakeSmtp(gmailLike({ localParts: { unauth: 'unauthenticated' } }), {
    name: 'mx.gmail.test',
  });
  postfix = await startPostfix(mx.port, times);
}, 600_000);

afterAll(async () => {
  await postfix?.stop();
  await mx?.close();
});

describe('bounces written by a real Postfix', () => {
  it('a message two recipients of which are refused at RCPT: one DSN, both recipients, in order', async () => {
    await send(['unknown@gmail.test', 'disabled@gmail.test', 'jane@gmail.test'], 'two refused');
    const report = await waitForReport(about('two refused'), 30_000);
    expect(report.kind).toBe('bounce');
    expect(report.format).toBe('rfc3464');
    expect(report.reportingMta).toBe('relay.mailverdict.test');
    // In the order the DSN lists them (Postfix's own order, not the order they were sent in).
    const listed = [...report.outcomes.map((outcome) => outcome.recipient)];
    const raw = postfix.messages().find((message) => message.includes('Subject: two refused'));
    const positions = listed.map((recipient) => raw?.indexOf(`Final-Recipient: rfc822; ${recipient}`) ?? -1);
    expect(
      positions.every((position, index) => position > 0 && (index === 0 || position > positions[index - 1]!)),
    ).toBe(true);
    const byRecipient = [...report.outcomes].sort((a, b) =>
      String(a.recipient).localeCompare(String(b.recipient)),
    );
    expect(
      byRecipient.map((outcome) => [
        outcome.recipient,
        outcome.event,
        outcome.verdict.category,
        outcome.reply?.enhanced?.code,
        outcome.reply?.command,
      ]),
    ).toEqual([
      ['disabled@gmail.test', 'bounced', 'mailbox-disabled', statusOf(gmailReplies.disabled.reply), 'RCPT'],
      ['unknown@gmail.test', 'bounced', 'mailbox-unknown', statusOf(gmailReplies.unknown.reply), 'RCPT'],
    ]);
    expect(byRecipient.map((outcome) => outcome.verdict.provider)).toEqual(['google', 'google']);
    expect(report.original?.headers.find((header) => header.name === 'x-outbox-id')?.value).toBe(
      'two refused',
    );
  });

  it('a message refused after the body: the DMARC failure, answered to end of DATA', async () => {
    await send(['unauth@gmail.test'], 'after data');
    const report = await waitForReport(about('after data'), 30_000);
    expect(
      report.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['unauth@gmail.test', 'bounced', 'authentication']]);
    expect(report.outcomes[0]?.reply?.enhanced?.code).toBe('5.7.26');
    expect(report.outcomes[0]?.reply?.command).toBe('END-OF-DATA');
  });

  it('a deferred message: first a delay notice, then the expiry bounce, both with the persona’s reason', async () => {
    await send(['full@gmail.test'], 'over quota');
    const delay = await waitForReport(
      (report) => about('over quota')(report) && report.kind === 'delay',
      30_000,
    );
    expect(
      delay.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['full@gmail.test', 'deferred', 'mailbox-full']]);
    expect(delay.outcomes[0]?.providerDetail.action).toBe('delayed');
    expect(delay.outcomes[0]?.reply?.enhanced?.code).toBe('4.2.2');
    const expiry = await waitForReport(
      (report) => about('over quota')(report) && report.kind === 'bounce',
      60_000,
    );
    expect(
      expiry.outcomes.map((outcome) => [outcome.recipient, outcome.event, outcome.verdict.category]),
    ).toEqual([['full@gmail.test', 'bounced', 'mailbox-full']]);
    expect(expiry.outcomes[0]?.providerDetail.status).toBe('4.2.2');
  }, 120_000);
});
