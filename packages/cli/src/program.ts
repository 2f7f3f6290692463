// The command line: commander parses it and prints help; each command lives in commands/.
// Exit codes (exit-codes.ts): 0 done, 1 failures that need action (bounce, scan), 2 usage errors.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runBounce } from './commands/bounce';
import { runClassify } from './commands/classify';
import { runExplain } from './commands/explain';
import { runScan } from './commands/scan';
import { type ExitCode, exitCodes } from './exit-codes';

declare const PACKAGE_VERSION: string;

function positive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return number;
}

const exitText = (codes: string) =>
  `\nExit codes:\n${codes}\n  2  usage error (unknown option, missing argument, unreadable file)\n`;

export function createProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('mailverdict')
    .description(
      'Explain SMTP replies, read bounce emails and triage mail server logs: what failed, whose problem it is, what to do.',
    )
    .version(typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ mailverdict explain "451 4.7.0 Temporary server error. Please try again later. PRX2."
  $ cut -f3 replies.tsv | mailverdict classify > verdicts.jsonl
  $ mailverdict bounce ~/Maildir/.bounces
  $ mailverdict scan /var/log/mail.log /var/log/mail.log.2.gz
${exitText('  0  done\n  1  found failures that need action (bounce, scan)')}`,
    );

  program
    .command('explain')
    .description(
      'Explain one SMTP reply: the verdict, likely causes, steps to fix and the provider’s own pages.',
    )
    .argument('[reply...]', 'the reply text; read from stdin when not given')
    .option('--json', 'the verdict and the explanation as JSON')
    .option('--markdown', 'Markdown, to paste into a ticket')
    .option('--destination <domain>', 'the recipient domain or MX host (recognises the mailbox provider)')
    .option(
      '--command <command>',
      'the SMTP command the reply answered: CONNECT, EHLO, MAIL, RCPT, DATA, END-OF-DATA',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ mailverdict explain "550 5.7.26 This mail has been blocked because the sender is unauthenticated."
  $ mailverdict explain --markdown "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred" > ticket.md
  $ echo "552 5.2.2 Mailbox full" | mailverdict explain --json
  $ mailverdict explain --destination outlook.com --command RCPT "550 5.7.1 Unfortunately, messages from [192.0.2.25] weren't sent."
${exitText('  0  explained')}`,
    )
    .action(async (words: string[], options) => setExit(await runExplain(words, options)));

  program
    .command('classify')
    .description(
      'Classify replies from stdin, one per line (or one JSON object with a "reply" field, and optional "destination" and "command"), into one JSON verdict per line.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ printf '550 5.1.1 User unknown\\n452 4.2.2 Mailbox full\\n' | mailverdict classify
  $ echo '{"reply":"421 4.7.0 Try again later","destination":"gmail.com","command":"RCPT"}' | mailverdict classify
  $ mailverdict classify < replies.txt | jq -r .category | sort | uniq -c
A line that cannot be read answers {"line":N,"error":"…"}, so output line N always belongs to input line N.
${exitText('  0  every line classified')}`,
    )
    .action(async () => setExit(await runClassify()));

  program
    .command('bounce')
    .description(
      'Read bounce emails (delivery status notifications, delay notices, complaints, auto-replies) from files, directories, mbox files and Maildirs; stdin when no path is given.',
    )
    .argument('[paths...]', 'email files, directories, mbox files or Maildirs')
    .option('--json', 'one JSON object per outcome, then a summary object')
    .addHelpText(
      'after',
      `
Examples:
  $ mailverdict bounce returned.eml
  $ mailverdict bounce /var/mail/bounces          # an mbox file
  $ mailverdict bounce ~/Maildir/.Bounces         # a Maildir: new/ and cur/
  $ mailverdict bounce --json bounces/ | jq 'select(.event == "bounced") | .recipient'
${exitText('  0  no bounce or complaint found\n  1  some email reports a bounce or a complaint')}`,
    )
    .action(async (paths: string[], options) => setExit(await runBounce(paths, options)));

  program
    .command('scan')
    .description(
      'Triage Postfix, Exim and Sendmail logs (plain or gzipped; stdin when no path is given): per destination the deferrals and bounces by category, the top replies explained, whose move each failure is, and recipients to suppress.',
    )
    .argument('[logs...]', 'log files (rotated .gz files are read as they are); - for stdin')
    .option('--json', 'the report as JSON')
    .option(
      '-f, --follow',
      'follow one growing log like tail -f: print failures as they are written, the report on Ctrl-C',
    )
    .option('--top <n>', 'destinations and replies to show', positive, 10)
    .option('--recipients <n>', 'recipients to list in the text report', positive, 20)
    .option(
      '--no-progress',
      'never show the progress bar (it shows only on a terminal, for inputs over 16 MB)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ mailverdict scan /var/log/mail.log
  $ mailverdict scan /var/log/mail.log.*.gz --top 20
  $ journalctl --since today --no-pager | mailverdict scan
  $ mailverdict scan --json /var/log/exim4/mainlog | jq -r '.suppress[].recipient' > suppress.txt
  $ mailverdict scan -f /var/log/maillog
${exitText('  0  no failure that needs action\n  1  failures that are ours to fix (authentication, reputation, block lists, content, account), or recipients to suppress')}`,
    )
    .action(async (paths: string[], options) =>
      setExit(
        await runScan(paths, {
          ...options,
          // commander's --no-progress gives progress: false; leave undefined to decide by the terminal.
          progress: options.progress === false ? false : undefined,
        }),
      ),
    );

  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}

/** Runs the command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = exitCodes.ok;
  const program = createProgram((value) => {
    code = value;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return exitCodes.ok;
      return exitCodes.usage;
    }
    throw error;
  }
  return code;
}
