// Every email under the paths `bounce` is given: a single message file, a directory of them, a
// Maildir (its `new/` and `cur/`, RFC-less but documented at cr.yp.to/proto/maildir.html), or an
// mbox (messages separated by `From ` lines, mboxrd quoting of `>From `). mbox files are streamed,
// one message in memory at a time. Problems are reported per path and per message, never thrown.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../output/write';
import { readChunks } from './read-chunks';
import { splitLines } from './split-lines';

/** One email, or the reason one could not be read. */
export type MailItem =
  | { readonly source: string; readonly raw: Uint8Array }
  | { readonly source: string; readonly error: string };

/** Larger messages are reported, not read (a bounce is rarely over a few MB). */
export const maxMessageBytes = 64 * 1024 * 1024;

async function startsWithFrom(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === 'From ';
  } finally {
    await handle.close();
  }
}

async function* readMbox(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<MailItem> {
  let lines: string[] = [];
  let size = 0;
  let number = 0;
  let tooLarge = false;
  let previousBlank = true;
  const flush = (): MailItem | undefined => {
    if (number === 0) return undefined;
    const source = `${name}#${number}`;
    const item: MailItem = tooLarge
      ? { source, error: `message larger than ${maxMessageBytes} bytes, skipped` }
      : { source, raw: Buffer.from(lines.join('\n'), 'latin1') };
    lines = [];
    size = 0;
    tooLarge = false;
    return item;
  };
  for await (const batch of splitLines(chunks, {
    encoding: 'latin1',
    maxLineBytes: maxMessageBytes,
  })) {
    for (const line of batch) {
      if (previousBlank && line.startsWith('From ')) {
        const item = flush();
        if (item !== undefined) yield item;
        number++;
        previousBlank = false;
        continue;
      }
      previousBlank = line === '';
      if (tooLarge) continue;
      // mboxrd: one `>` was added in front of every `>*From ` line; take it away again.
      const unquoted =
        line.startsWith('>') && line.replace(/^>+/, '').startsWith('From ') ? line.slice(1) : line;
      size += unquoted.length + 1;
      if (size > maxMessageBytes) {
        tooLarge = true;
        lines = [];
        continue;
      }
      lines.push(unquoted);
    }
  }
  const last = flush();
  if (last !== undefined) yield last;
}

async function* readFileItem(path: string): AsyncGenerator<MailItem> {
  const info = await stat(path);
  if (info.size > maxMessageBytes) {
    yield { source: path, error: `larger than ${maxMessageBytes} bytes, skipped` };
    return;
  }
  if (await startsWithFrom(path)) {
    yield* readMbox(readChunks(path).chunks, path);
    return;
  }
  yield { source: path, raw: await readFile(path) };
}

async function filesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(directory, entry.name))
    .sort();
}

async function* readDirectory(directory: string): AsyncGenerator<MailItem> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const maildir = names.has('cur') && names.has('new');
  const files = maildir
    ? [...(await filesIn(join(directory, 'new'))), ...(await filesIn(join(directory, 'cur')))]
    : await filesIn(directory);
  for (const file of files) {
    try {
      yield* readFileItem(file);
    } catch (error) {
      yield { source: file, error: errorMessage(error) };
    }
  }
}

/** stdin: an mbox when it starts with a `From ` line (streamed), else one email. */
async function* readStdinMail(): AsyncGenerator<MailItem> {
  const iterator = readChunks('-').chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return; // nothing on stdin: no email
  const head: Buffer = first.value;
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  if (head.subarray(0, 5).toString('latin1') === 'From ') {
    yield* readMbox(rest(), 'stdin');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of rest()) {
    size += chunk.length;
    if (size > maxMessageBytes) {
      yield { source: 'stdin', error: `larger than ${maxMessageBytes} bytes, skipped` };
      return;
    }
    chunks.push(chunk);
  }
  yield { source: 'stdin', raw: Buffer.concat(chunks) };
}

/** Every email under `paths` (`-` is stdin: an mbox or one message), in order: paths as given, files sorted by name. */
export async function* mailItems(paths: readonly string[]): AsyncGenerator<MailItem> {
  for (const path of paths) {
    try {
      if (path === '-') {
        yield* readStdinMail();
        continue;
      }
      const info = await stat(path);
      if (info.isDirectory()) yield* readDirectory(path);
      else yield* readFileItem(path);
    } catch (error) {
      yield { source: path === '-' ? 'stdin' : path, error: errorMessage(error) };
    }
  }
}
