// The library side of the `mailverdict` package: the log-line parsers `mailverdict scan` is built on,
// for people who feed their own pipeline. The command line itself is `cli.ts`.
export { parseEximLine } from './logs/exim-line';
export type { LogEvent, LogFormat, LogStatus } from './logs/log-event';
export { parseLogLine } from './logs/parse-log-line';
export { parsePostfixLine } from './logs/postfix-line';
export { parseSendmailLine } from './logs/sendmail-line';
