import { describe, expect, it } from 'vitest';
import { judgeEvent, replyTextOf } from '../scan/judge-event';
import { eximLines, type LogLineFixture, postfixLines, sendmailLines } from './__fixtures__/log-lines';
import { parseEximLine } from './exim-line';
import { parseLogLine } from './parse-log-line';
import { parsePostfixLine } from './postfix-line';
import { parseSendmailLine } from './sendmail-line';

const suites: [string, readonly LogLineFixture[], typeof parseLogLine][] = [
  ['Postfix', postfixLines, parsePostfixLine],
  ['Exim', eximLines, parseEximLine],
  ['Sendmail', sendmailLines, parseSendmailLine],
];

describe.each(suites)('%s log lines', (_name, fixtures, parse) => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_title, fixture) => {
    const event = parse(fixture.line);
    if (fixture.expected === undefined) expect(event).toBeUndefined();
    else expect(event).toMatchObject(fixture.expected);
    // The dispatcher reads the line the same way.
    expect(parseLogLine(fixture.line)).toEqual(event);
  });
});

describe('each parser keeps to its own MTA', () => {
  it('a Postfix line is not read as Exim or Sendmail, and the other way round', () => {
    for (const fixture of postfixLines) {
      expect(parseEximLine(fixture.line)).toBeUndefined();
      expect(parseSendmailLine(fixture.line)).toBeUndefined();
    }
    for (const fixture of [...eximLines, ...sendmailLines])
      expect(parsePostfixLine(fixture.line)).toBeUndefined();
    for (const fixture of sendmailLines) expect(parseEximLine(fixture.line)).toBeUndefined();
  });

  it('Exim multi-line replies are kept as logged; the scan gives them their line breaks back', () => {
    const event = parseEximLine(eximLines.find((fixture) => fixture.name.includes('over quota'))?.line ?? '');
    expect(event?.reply).toMatch(
      /^452-4\.2\.2 The email account .*\\n452-4\.2\.2 the recipient to\\n452 4\.2\.2 /,
    );
    expect(event === undefined ? '' : replyTextOf(event)).toMatch(
      /^452-4\.2\.2 The email account .*\n452-4\.2\.2 the recipient to\n452 /,
    );
    expect(event === undefined ? undefined : judgeEvent(event).verdict.category).toBe('mailbox-full');
  });

  it('Postfix text without a said: has no reply; the dsn stays', () => {
    const event = parsePostfixLine(postfixLines[2]?.line ?? '');
    expect(event?.reply).toBeUndefined();
    expect(event?.dsn).toBe('4.4.1');
  });

  it('a dsn= that is not an enhanced status code is left out, the line still read', () => {
    const event = parsePostfixLine(
      'Jan  1 00:00:00 h postfix/smtp[1]: ABC: to=<a@b.example>, relay=none, dsn=9.9.9, status=bounced (x)',
    );
    expect(event?.status).toBe('bounced');
    expect(event?.dsn).toBeUndefined();
  });

  it('non-strings give undefined', () => {
    expect(parseLogLine(undefined as unknown as string)).toBeUndefined();
    expect(parseLogLine(42 as unknown as string)).toBeUndefined();
  });
});
