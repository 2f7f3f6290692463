// Exim main log delivery lines (Exim specification, chapter "Log files", "Logging message
// delivery"):
//   2015-10-19 09:47:35 1Zo722-001wKm-7T ** a@b R=lookuphost T=remote_smtp H=mx [192.0.2.1]:
//     SMTP error from remote mail server after RCPT TO:<a@b>: 550 5.1.1 …
// Flags: `=>` delivered, `->` another address delivered in the same transport, `==` deferred,
// `**` failed (bounced), `*>` suppressed by -N (not a delivery). Older Exims put
// `host mx [192.0.2.1]:` after the command instead of `H=` before it; both are read. A `==` line
// saying "retry time not reached" records that no attempt was made (Exim specification, "Retry
// configuration"): it is not a delivery, and counting it would inflate every queue run's deferrals.
import { commandNamed, unbracket } from './field-reader';
import type { LogEvent, LogStatus } from './log-event';

const flags: readonly { readonly flag: string; readonly status: LogStatus }[] = [
  { flag: ' => ', status: 'sent' },
  { flag: ' -> ', status: 'sent' },
  { flag: ' == ', status: 'deferred' },
  { flag: ' ** ', status: 'bounced' },
];

const errorMarkers = ['SMTP error from remote mail server after ', 'SMTP error from remote mailer after '];

/** Exim message ids: three dash-separated base-62 parts (`1Zo722-001wKm-7T`, 4.97's `1rBxyz-00000000ABC-1234`). */
function isMessageId(token: string): boolean {
  if (token.length < 16 || token.length > 24) return false;
  let dashes = 0;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code === 45) dashes++;
    else if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)))
      return false;
  }
  return dashes === 2;
}

function findFlag(line: string): { at: number; flag: string; status: LogStatus } | undefined {
  let found: { at: number; flag: string; status: LogStatus } | undefined;
  for (const { flag, status } of flags) {
    const at = line.indexOf(flag);
    if (at >= 0 && (found === undefined || at < found.at)) found = { at, flag, status };
  }
  return found;
}

function readReply(text: string): Pick<LogEvent, 'reply' | 'command'> {
  for (const marker of errorMarkers) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    const after = at + marker.length;
    const command = commandNamed(text.slice(after, after + 20));
    const colon = text.indexOf(': ', after);
    if (colon < 0) return command === undefined ? {} : { command };
    let reply = text.slice(colon + 2);
    if (reply.startsWith('host ')) {
      const hostEnd = reply.indexOf(']: ');
      if (hostEnd >= 0) reply = reply.slice(hostEnd + 3);
    }
    // Kept as logged: Exim writes a multi-line reply with a literal `\n` between the lines, which
    // judge-event.ts turns back into line breaks before classifying.
    reply = reply.trim();
    if (reply === '') return command === undefined ? {} : { command };
    return command === undefined ? { reply } : { reply, command };
  }
  return {};
}

function readRelay(rest: string): string | undefined {
  const at = rest.indexOf(' H=');
  if (at < 0) return undefined;
  let end = at + 3;
  while (end < rest.length && rest[end] !== ' ' && rest[end] !== ':') end++;
  const host = rest.slice(at + 3, end);
  return host === '' ? undefined : host;
}

/** One Exim main log line → the delivery it records, or undefined when it records none. Never throws. */
export function parseEximLine(line: string): LogEvent | undefined {
  const found = findFlag(line);
  if (found === undefined) return undefined;
  const idStart = line.lastIndexOf(' ', found.at - 1) + 1;
  const queueId = line.slice(idStart, found.at);
  if (!isMessageId(queueId)) return undefined;
  const start = found.at + found.flag.length;
  let end = line.indexOf(' ', start);
  if (end < 0) end = line.length;
  let first = line.slice(start, end);
  let rest = line.slice(end);
  if (first.endsWith(':')) {
    first = first.slice(0, -1);
    rest = `:${rest}`;
  }
  let recipient = unbracket(first);
  // `=> daniel <root@host>`: a local delivery names the local part, then the address it came from.
  if (rest.startsWith(' <')) {
    const close = rest.indexOf('>');
    const original = close < 0 ? undefined : unbracket(rest.slice(1, close + 1));
    if (recipient !== undefined && !recipient.includes('@') && original !== undefined) recipient = original;
    if (close >= 0) rest = rest.slice(close + 1);
  }
  const text = rest.startsWith(':') ? rest.slice(1).trim() : rest.trim();
  if (found.status === 'deferred' && text.includes('retry time not reached')) return undefined;
  const relay = readRelay(rest);
  return {
    format: 'exim',
    status: found.status,
    recipients: recipient === undefined ? [] : [recipient],
    queueId,
    ...(relay === undefined ? {} : { relay }),
    ...(found.status === 'sent' ? {} : readReply(text)),
    text,
  };
}
