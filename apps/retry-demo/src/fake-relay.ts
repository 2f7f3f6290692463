// Our own relay (a smarthost), for the destination whose mail goes through it: it accepts every
// message with 250 and passes it on later; what the next hop said comes back BY EMAIL, as a
// delivery status notification in the bounce mailbox, the way Postfix reports (RFC 3464 inside an
// RFC 6522 multipart/report, the returned headers as text/rfc822-headers because the sender asked
// for RET=HDRS, RFC 3461 §4.3). The next hop is a Microsoft-like MX (Exchange Online for a company
// domain): it refuses `unknown-*` with its RCPT reply, so the relay writes a failure report;
// everything else is delivered, and the relay writes a success report (what a relay does when the
// sender asks for NOTIFY=SUCCESS,FAILURE, RFC 3461 §4.1; smtp-server does not offer DSN, so the fake
// writes both kinds whatever was asked). Reports are written `reportDelayMs` of simulated time
// after the relay accepted the message, into a Maildir (tmp/ then rename into new/, as a Maildir
// writer must), so the demo reads them from disk in either fakes mode.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  microsoftReplies,
  type RunningFakeSmtp,
  type SmtpLogMessage,
  slowHost,
  startFakeSmtp,
} from '@mailverdict/testkit';

export interface FakeRelay {
  readonly server: RunningFakeSmtp;
  /** The bounce mailbox (a Maildir: `tmp/`, `new/`, `cur/`). */
  readonly maildir: string;
  /** Writes the reports due by now into `new/`. */
  deliverReports(): void;
  /** Whether the next hop takes mail for this recipient (the relay's copy reaches the mailbox). */
  delivers(recipient: string): boolean;
}

const relayName = 'relay.shop.example';
const nextHop = 'mx.corp.example';

/** The next hop's answer: its RCPT reply when it refuses the recipient, else undefined. */
function refusal(recipient: string): string | undefined {
  return recipient.toLowerCase().startsWith('unknown-') ? microsoftReplies.unknown.reply : undefined;
}

/** The returned message's header section (RET=HDRS): everything before the first empty line. */
function headerSection(body: Buffer): string {
  const text = body.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n/g, '\r\n');
}

/** One RFC 3464 report about one recipient of one accepted message, as Postfix words it. */
export function deliveryReport(message: SmtpLogMessage, recipient: string, at: number, id: string): string {
  const refused = refusal(recipient);
  const boundary = `${id}/${relayName}`;
  const date = new Date(at).toUTCString().replace('GMT', '+0000');
  const arrival = new Date(message.at).toUTCString().replace('GMT', '+0000');
  const status = refused === undefined ? '2.0.0' : (refused.split(' ')[1] as string);
  const human =
    refused === undefined
      ? [
          `This is the mail system at host ${relayName}.`,
          '',
          'Your message was successfully delivered to the destination(s) listed below.',
          '',
          `<${recipient}>: delivery via ${nextHop}: 250 2.6.0 Queued mail for delivery`,
        ]
      : [
          `This is the mail system at host ${relayName}.`,
          '',
          "I'm sorry to have to inform you that your message could not be delivered to one or more",
          'recipients.',
          '',
          `<${recipient}>: host ${nextHop} said: ${refused} (in reply to RCPT TO command)`,
        ];
  return [
    `From: MAILER-DAEMON@${relayName} (Mail Delivery System)`,
    `To: ${message.from}`,
    `Subject: ${refused === undefined ? 'Successful Mail Delivery Report' : 'Undelivered Mail Returned to Sender'}`,
    `Date: ${date}`,
    `Message-ID: <${id}@${relayName}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...human,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${relayName}`,
    `Arrival-Date: ${arrival}`,
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Original-Recipient: rfc822;${recipient}`,
    `Action: ${refused === undefined ? 'delivered' : 'failed'}`,
    `Status: ${status}`,
    `Remote-MTA: dns; ${nextHop}`,
    `Diagnostic-Code: smtp; ${refused ?? '250 2.6.0 Queued mail for delivery'}`,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    headerSection(message.body),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export async function startFakeRelay(
  now: () => number,
  maildir: string,
  reportDelayMs: number,
): Promise<FakeRelay> {
  for (const folder of ['tmp', 'new', 'cur']) mkdirSync(join(maildir, folder), { recursive: true });
  // The relay itself accepts everything at once.
  const server = await startFakeSmtp(slowHost({ replyDelayMs: 0 }).script, { now, name: relayName });
  let reported = 0;
  return {
    server,
    maildir,
    deliverReports() {
      const messages = server.log.messages;
      while (reported < messages.length) {
        const message = messages[reported] as SmtpLogMessage;
        if (message.at + reportDelayMs > now()) break;
        message.to.forEach((recipient, index) => {
          const id = `${message.at}.r${reported}.${index}`;
          const file = `${id}.${relayName}`;
          writeFileSync(join(maildir, 'tmp', file), deliveryReport(message, recipient, now(), id));
          renameSync(join(maildir, 'tmp', file), join(maildir, 'new', file));
        });
        reported++;
      }
    },
    delivers: (recipient) => refusal(recipient) === undefined,
  };
}
