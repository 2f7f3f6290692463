import { describe, expect, it } from 'vitest';
import { hostileInput, measureLinearTime } from './__fixtures__/linear-time';
import { parseEximLine } from './exim-line';
import { parseLogLine } from './parse-log-line';
import { parsePostfixLine } from './postfix-line';
import { parseSendmailLine } from './sendmail-line';

// Repeated units built to make a parser rescan: markers it searches for, again and again. A linear
// parser takes about ten times longer on 1 MB than on 100 KB; a quadratic one ~100×.
const postfixHead = 'Jan  1 00:00:00 mx postfix/smtp[9]: Q: to=<a@b>, dsn=5.1.1, status=bounced (';
const eximHead = '2020-01-01 00:00:00 1Zo722-001wKm-7T ** a@b R=r T=t: ';
const sendmailHead = 'Jan  1 00:00:00 mx sendmail[1]: Q: to=';
const units: [string, (line: string) => unknown, string, string][] = [
  ['Postfix: said: markers', parsePostfixLine, postfixHead, 'host x said: '],
  ['Postfix: in reply to', parsePostfixLine, `${postfixHead}host x said: 550 `, ' (in reply to '],
  ['Postfix: to=< without status', parsePostfixLine, 'postfix/smtp[1]: ', ' to=<'],
  ['Postfix: status= words', parsePostfixLine, 'postfix ', ' status='],
  ['Postfix: fields', parsePostfixLine, 'postfix/smtp[1]: Q: to=<a@b>', ', dsn=, relay='],
  ['Exim: flags', parseEximLine, '2020-01-01 ', ' == '],
  ['Exim: id-shaped tokens and flags', parseEximLine, '', '1Zo722-001wKm-7T == '],
  ['Exim: error markers', parseEximLine, eximHead, 'SMTP error from remote mail server after '],
  [
    'Exim: host prefixes',
    parseEximLine,
    `${eximHead}SMTP error from remote mail server after RCPT TO:<a>: `,
    'host x',
  ],
  [
    'Exim: escaped line breaks',
    parseEximLine,
    `${eximHead}SMTP error from remote mail server after RCPT TO:<a>: 550`,
    '\\n',
  ],
  ['Sendmail: recipient lists', parseSendmailLine, sendmailHead, '<a@b>,'],
  ['Sendmail: stat= markers', parseSendmailLine, 'sendmail[1]: Q: to=<a@b>,', ' stat='],
  ['Sendmail: field separators', parseSendmailLine, sendmailHead, ', '],
  ['dispatcher: everything at once', parseLogLine, '', ' status= stat= == to=< said: '],
];

describe('log-line parsers run in linear time on hostile input', () => {
  it.each(units)('%s: 1 MB takes about 10× as long as 100 KB', (name, parse, prefix, unit) => {
    const smalls = Array.from({ length: 10 }, (_, index) => hostileInput(prefix, unit, 100_000, index));
    const large = hostileInput(prefix, unit, 1_000_000);
    const { ratio, bound } = measureLinearTime(parse, smalls, large);
    expect(ratio, `${name}: ratio ${ratio.toFixed(1)}, bound ${bound.toFixed(1)}`).toBeLessThan(bound);
  });
});
