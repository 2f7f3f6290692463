import { isSmtpCommand, type SmtpCommand } from '@mailverdict/core';
import { explain, formatExplanation } from '@mailverdict/core/explain';
import { type ExitCode, exitCodes } from '../exit-codes';
import { readStdin } from '../input/read-stdin';
import { type Colors, colorsFor } from '../output/colors';
import { complain, errorMessage, write } from '../output/write';

export interface ExplainOptions {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly destination?: string;
  readonly command?: string;
}

/** Plain text from formatExplanation, with the headline and section titles picked out on a terminal. */
function colour(text: string, permanence: string, colors: Colors): string {
  const lines = text.split('\n');
  const paint =
    permanence === 'permanent' ? colors.red : permanence === 'transient' ? colors.yellow : colors.green;
  return lines
    .map((line, index) => {
      if (index === 0) return colors.bold(paint(line));
      if (line.endsWith(':') && !line.startsWith(' ')) return colors.bold(line);
      return line;
    })
    .join('\n');
}

export async function runExplain(words: readonly string[], options: ExplainOptions): Promise<ExitCode> {
  let reply = words.join(' ').trim();
  if (reply === '' && process.stdin.isTTY !== true) {
    try {
      reply = (await readStdin()).trim();
    } catch (error) {
      complain('explain', errorMessage(error));
      return exitCodes.usage;
    }
  }
  if (reply === '') {
    complain(
      'explain',
      'give a reply to explain, as an argument or on stdin (see mailverdict explain --help)',
    );
    return exitCodes.usage;
  }
  if (options.json === true && options.markdown === true) {
    complain('explain', '--json and --markdown cannot be used together');
    return exitCodes.usage;
  }
  let command: SmtpCommand | undefined;
  if (options.command !== undefined) {
    const upper = options.command.toUpperCase();
    if (!isSmtpCommand(upper)) {
      complain(
        'explain',
        `--command must be one of CONNECT, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END-OF-DATA (got ${options.command})`,
      );
      return exitCodes.usage;
    }
    command = upper;
  }
  const explanation = explain(reply, {
    ...(options.destination === undefined ? {} : { destination: options.destination }),
    ...(command === undefined ? {} : { command }),
  });
  if (options.json === true) await write(process.stdout, `${JSON.stringify(explanation, null, 2)}\n`);
  else if (options.markdown === true) await write(process.stdout, formatExplanation(explanation, 'markdown'));
  else
    await write(
      process.stdout,
      colour(
        formatExplanation(explanation, 'text'),
        explanation.verdict.permanence,
        colorsFor(process.stdout),
      ),
    );
  return exitCodes.ok;
}
