// Postfix delivery lines (smtp, lmtp, local, virtual, error, discard agents), as written to syslog
// or to `maillog_file`:
//   … postfix/smtp[1234]: 4XyZ1: to=<a@b>, relay=mx[192.0.2.1]:25, delay=1, delays=…, dsn=5.1.1,
//     status=bounced (host mx[192.0.2.1] said: 550 5.1.1 … (in reply to RCPT TO command))
// Field order and wording follow Postfix's log_adhoc.c and smtp_proto.c ("said:", "in reply to …
// command", "refused to talk to me:"); see the package README, "Log formats".
import type { SmtpCommand } from '@mailverdict/core';
import { commandNamed, fieldValue, isStatusCode, unbracket } from './field-reader';
import type { LogEvent, LogStatus } from './log-event';

const statuses: Readonly<Record<string, LogStatus>> = {
  sent: 'sent',
  deferred: 'deferred',
  bounced: 'bounced',
  expired: 'expired',
};

/** Markers after which Postfix quotes the remote server's reply. */
const replyMarkers: readonly { readonly marker: string; readonly command?: 'CONNECT' }[] = [
  { marker: ' said: ' },
  { marker: ' refused to talk to me: ', command: 'CONNECT' },
];

function readWord(line: string, start: number): string {
  let end = start;
  while (end < line.length) {
    const code = line.charCodeAt(end);
    if (code < 97 || code > 122) break; // a–z only: status words are lowercase
    end++;
  }
  return line.slice(start, end);
}

function readReply(text: string): Pick<LogEvent, 'reply' | 'command'> {
  for (const { marker, command } of replyMarkers) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    let reply = text.slice(at + marker.length);
    let named: SmtpCommand | undefined = command;
    const inReply = reply.lastIndexOf(' (in reply to ');
    if (inReply >= 0) {
      named = commandNamed(reply.slice(inReply + 14)) ?? named;
      reply = reply.slice(0, inReply);
    }
    reply = reply.trim();
    return reply === '' ? {} : named === undefined ? { reply } : { reply, command: named };
  }
  return {};
}

/** One Postfix log line → the delivery it records, or undefined when it records none. Never throws. */
export function parsePostfixLine(line: string): LogEvent | undefined {
  const statusAt = line.indexOf(' status=');
  if (statusAt < 0) return undefined;
  const toAt = line.indexOf(' to=<');
  if (toAt < 0 || toAt > statusAt) return undefined;
  const head = line.slice(0, toAt);
  if (!head.includes('postfix')) return undefined;
  const status = statuses[readWord(line, statusAt + 8)];
  if (status === undefined) return undefined;
  const close = line.indexOf('>', toAt + 5);
  if (close < 0 || close > statusAt) return undefined;
  const recipient = unbracket(line.slice(toAt + 4, close + 1));
  const fields = line.slice(close, statusAt + 1);
  const dsn = fieldValue(fields, ' dsn=');
  const relay = fieldValue(fields, ' relay=');
  const open = line.indexOf(' (', statusAt);
  let text = '';
  if (open >= 0) {
    text = line.slice(open + 2).trimEnd();
    if (text.endsWith(')')) text = text.slice(0, -1);
  }
  const queueEnd = head.trimEnd();
  const queueId = queueEnd.endsWith(':')
    ? queueEnd.slice(queueEnd.lastIndexOf(' ') + 1, -1) || undefined
    : undefined;
  return {
    format: 'postfix',
    status,
    recipients: recipient === undefined ? [] : [recipient],
    ...(queueId === undefined ? {} : { queueId }),
    ...(relay === undefined || relay === 'none' ? {} : { relay }),
    ...(isStatusCode(dsn) ? { dsn } : {}),
    ...readReply(text),
    text,
  };
}
