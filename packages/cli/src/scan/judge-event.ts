// A failed delivery from a log line → core's verdict. The remote reply is classified when the line
// quotes one; otherwise the MTA's own words, behind the `dsn=` it logged (`4.4.1 connect to …:
// Connection timed out`), so the status the MTA chose is not lost.
import { classify, type Verdict } from '@mailverdict/core';
import type { LogEvent } from '../logs/log-event';

/** The recipient's domain, lowercased; undefined for a local name or an empty domain. */
export function domainOf(recipient: string | undefined): string | undefined {
  if (recipient === undefined) return undefined;
  const at = recipient.lastIndexOf('@');
  const domain = at < 0 ? '' : recipient.slice(at + 1).toLowerCase();
  return domain === '' ? undefined : domain;
}

/** What is classified for an event: the reply it quotes, or its dsn and text. */
export function replyTextOf(event: LogEvent): string {
  // Exim logs a multi-line reply with a literal `\n` between its lines (exim-line.ts).
  if (event.reply !== undefined)
    return event.format === 'exim' ? event.reply.replaceAll('\\n', '\n') : event.reply;
  if (event.dsn !== undefined) return event.text === '' ? event.dsn : `${event.dsn} ${event.text}`;
  return event.text;
}

/** The event's verdict, and the text it was classified from (passed through `copy` first, when given). */
export function judgeEvent(
  event: LogEvent,
  copy: (text: string) => string = (text) => text,
): { verdict: Verdict; text: string } {
  const destination = domainOf(event.recipients[0]);
  const text = copy(replyTextOf(event));
  const verdict = classify(text, {
    ...(destination === undefined ? {} : { destination: copy(destination) }),
    ...(event.command === undefined ? {} : { command: event.command }),
  });
  return { verdict, text };
}
