// `classify`: one reply (or one JSON object with a `reply` field) per stdin line → one JSON verdict
// per line, in order, for pipelines. A line that cannot be read gives `{"line":n,"error":…}` in its
// place, so output line n always answers input line n (blank lines are skipped on both sides).
import { type ClassifyContext, classify, isSmtpCommand } from '@mailverdict/core';
import { type ExitCode, exitCodes } from '../exit-codes';
import { readChunks } from '../input/read-chunks';
import { splitLines } from '../input/split-lines';
import { complain, errorMessage, write } from '../output/write';

type Input = { reply: string; context: ClassifyContext } | { error: string };

function readInput(line: string): Input {
  if (!line.startsWith('{')) return { reply: line, context: {} };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON: ${errorMessage(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  if (typeof record.reply !== 'string') return { error: 'the object has no string "reply" field' };
  const context: { destination?: string; command?: ClassifyContext['command'] } = {};
  if (record.destination !== undefined) {
    if (typeof record.destination !== 'string') return { error: '"destination" must be a string' };
    context.destination = record.destination;
  }
  if (record.command !== undefined) {
    const command = typeof record.command === 'string' ? record.command.toUpperCase() : record.command;
    if (!isSmtpCommand(command)) return { error: '"command" must be an SMTP command (RCPT, DATA, …)' };
    context.command = command;
  }
  return { reply: record.reply, context };
}

export async function runClassify(): Promise<ExitCode> {
  if (process.stdin.isTTY === true) {
    complain('classify', 'reads replies from stdin, one per line (see mailverdict classify --help)');
    return exitCodes.usage;
  }
  let lineNumber = 0;
  let bad = 0;
  try {
    for await (const lines of splitLines(readChunks('-').chunks)) {
      let out = '';
      for (const line of lines) {
        lineNumber++;
        if (line.trim() === '') continue;
        const input = readInput(line);
        if ('error' in input) {
          bad++;
          complain('classify', `line ${lineNumber}: ${input.error}`);
          out += `${JSON.stringify({ line: lineNumber, error: input.error })}\n`;
          continue;
        }
        out += `${JSON.stringify(classify(input.reply, input.context))}\n`;
      }
      if (out !== '') await write(process.stdout, out);
    }
  } catch (error) {
    complain('classify', `cannot read stdin: ${errorMessage(error)}`);
    return exitCodes.usage;
  }
  return bad > 0 ? exitCodes.usage : exitCodes.ok;
}
