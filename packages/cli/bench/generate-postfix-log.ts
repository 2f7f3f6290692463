// A synthetic Postfix log shaped like a busy relay's: for each message the smtpd, cleanup, qmgr and
// delivery lines, then "removed". Deliveries: ~85 % sent, ~10 % deferred, ~5 % bounced, spread
// over the big mailbox providers with the replies they really give (texts from the testkit personas
// and core's reply corpus). Seeded, so every run scans the same bytes.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '@mailverdict/testkit';

const domains = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'hotmail.com',
  'example.org',
  'icloud.com',
  'web.de',
];
const deferrals = [
  '421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. 421 4.7.28 To protect our users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp (in reply to end of DATA command)',
  '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. (in reply to RCPT TO command)',
  '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)',
  '450 4.2.0 <x@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html (in reply to RCPT TO command)',
  '452-4.2.2 The email account that you tried to reach is over quota. 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp - gsmtp (in reply to RCPT TO command)',
];
const bounces = [
  "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp (in reply to RCPT TO command)",
  '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup (in reply to RCPT TO command)',
  '550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (in reply to RCPT TO command)',
  '554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
  "550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's DMARC policy. 550 5.7.26 - gsmtp (in reply to end of DATA command)",
];

export interface GeneratedLog {
  readonly bytes: number;
  readonly lines: number;
  readonly deliveries: number;
}

/** Writes about `targetBytes` of log to `path`. */
export async function generatePostfixLog(path: string, targetBytes: number): Promise<GeneratedLog> {
  const next = seededRandom(17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  let deliveries = 0;
  let message = 0;
  while (bytes < targetBytes) {
    let chunk = '';
    for (let index = 0; index < 2000; index++) {
      message++;
      const id = `${(0x10000000 + message).toString(16).toUpperCase()}A`;
      const second = String(message % 60).padStart(2, '0');
      const time = `Dec  6 04:${String(Math.floor(message / 60) % 60).padStart(2, '0')}:${second}`;
      const domain = pick(domains);
      const user = `user${Math.floor(next() * 1_000_000)}@${domain}`;
      const host = `mx${Math.floor(next() * 4)}.${domain}[192.0.2.${Math.floor(next() * 250)}]:25`;
      const roll = next();
      const delivery =
        roll < 0.85
          ? `dsn=2.0.0, status=sent (250 2.0.0 OK ${message} - queued as ${id})`
          : roll < 0.95
            ? `dsn=4.7.0, status=deferred (host ${host.slice(0, -3)} said: ${pick(deferrals)})`
            : `dsn=5.1.1, status=bounced (host ${host.slice(0, -3)} said: ${pick(bounces)})`;
      chunk +=
        `${time} relay1 postfix/smtpd[2101]: connect from app[10.0.0.5]\n` +
        `${time} relay1 postfix/smtpd[2101]: ${id}: client=app[10.0.0.5]\n` +
        `${time} relay1 postfix/cleanup[2102]: ${id}: message-id=<${message}@app.example>\n` +
        `${time} relay1 postfix/qmgr[2000]: ${id}: from=<app@example.net>, size=${2000 + (message % 5000)}, nrcpt=1 (queue active)\n` +
        `${time} relay1 postfix/smtp[2103]: ${id}: to=<${user}>, relay=${host}, delay=0.5, delays=0.1/0/0.2/0.2, ${delivery}\n` +
        `${time} relay1 postfix/qmgr[2000]: ${id}: removed\n`;
      lines += 6;
      deliveries++;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { bytes, lines, deliveries };
}
