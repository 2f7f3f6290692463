// Which parser reads a line: each looks for its own markers first and returns undefined on lines
// that are not its own, so the order only decides which MTA's reading is tried first.
import { parseEximLine } from './exim-line';
import type { LogEvent } from './log-event';
import { parsePostfixLine } from './postfix-line';
import { parseSendmailLine } from './sendmail-line';

const parsers = [parsePostfixLine, parseEximLine, parseSendmailLine] as const;

/**
 * One log line from Postfix, Exim or Sendmail → the delivery attempt it records, or undefined for
 * every other line (connections, queue manager notes, garbage). Never throws on a string.
 */
export function parseLogLine(line: string): LogEvent | undefined {
  if (typeof line !== 'string') return undefined;
  for (const parse of parsers) {
    const event = parse(line);
    if (event !== undefined) return event;
  }
  return undefined;
}
