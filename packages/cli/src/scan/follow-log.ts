// `scan -f`: like `tail -f`, start at the end of the log and print each failure as it is written;
// the report covers what was seen, and is printed on Ctrl-C (SIGINT) or SIGTERM. A log that shrinks
// was rotated or truncated: reading starts again from its beginning.
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { type ExitCode, exitCodes } from '../exit-codes';
import { parseLogLine } from '../logs/parse-log-line';
import { colorsFor } from '../output/colors';
import { complain, errorMessage, write } from '../output/write';
import type { ScanTally } from './scan-tally';

/** How often the file is checked for new lines, in milliseconds. */
export const followIntervalMs = 250;

export async function followLog(
  path: string,
  tally: ScanTally,
  report: () => Promise<void>,
): Promise<ExitCode> {
  let position: number;
  try {
    position = (await stat(path)).size;
  } catch (error) {
    complain('scan', `cannot read ${path}: ${errorMessage(error)}`);
    return exitCodes.usage;
  }
  const colors = colorsFor(process.stdout);
  let carry = '';
  // Keeps a UTF-8 character split across two reads whole.
  let decoder = new StringDecoder('utf8');
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const buffer = Buffer.alloc(256 * 1024);
  complain('scan', `following ${path} from its end; Ctrl-C prints the report`);
  while (!stopping) {
    try {
      const size = (await stat(path)).size;
      if (size < position) {
        position = 0;
        carry = '';
        decoder = new StringDecoder('utf8');
      }
      if (size > position) {
        const handle = await open(path, 'r');
        try {
          for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
            if (bytesRead === 0) break;
            position += bytesRead;
            const lines = (carry + decoder.write(buffer.subarray(0, bytesRead))).split('\n');
            carry = (lines.pop() ?? '').slice(-1024 * 1024);
            let out = '';
            for (const line of lines) {
              const found = tally.add(line.endsWith('\r') ? line.slice(0, -1) : line, parseLogLine);
              if (found?.verdict === undefined) continue;
              const { event, verdict } = found;
              const paint = event.status === 'deferred' ? colors.yellow : colors.red;
              out += `${paint(event.status.padEnd(8))} ${event.recipients.join(',')}  ${verdict.category}  ${
                verdict.reply?.raw ?? event.text
              }\n`.replaceAll('\r', '');
            }
            if (out !== '') await write(process.stdout, out);
          }
        } finally {
          await handle.close();
        }
      }
    } catch (error) {
      complain('scan', `cannot read ${path}: ${errorMessage(error)}; still trying`);
    }
    await new Promise((resolve) => setTimeout(resolve, followIntervalMs));
  }
  await report();
  return tally.needsAction() ? exitCodes.actionNeeded : exitCodes.ok;
}
