// Chunks → lines, in batches (one array per chunk: an await per batch, not per line). Only whole
// lines are decoded, so a UTF-8 character split across two chunks stays whole. A line longer than
// `maxLineBytes` is dropped and counted (a log line is never that long; the cap keeps memory flat).

export interface SplitOptions {
  /** `utf8` for logs; `latin1` keeps every byte as one char, so mail can be re-encoded exactly. */
  readonly encoding?: 'utf8' | 'latin1';
  readonly maxLineBytes?: number;
  /** Called once per dropped over-long line. */
  readonly onOverlong?: () => void;
}

export const defaultMaxLineBytes = 1024 * 1024;

function decodeLines(bytes: Buffer, encoding: 'utf8' | 'latin1'): string[] {
  const lines = bytes.toString(encoding).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.endsWith('\r')) lines[index] = line.slice(0, -1);
  }
  return lines;
}

export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  options: SplitOptions = {},
): AsyncGenerator<string[]> {
  const encoding = options.encoding ?? 'utf8';
  const maxLineBytes = options.maxLineBytes ?? defaultMaxLineBytes;
  let carry: Buffer = Buffer.alloc(0);
  let skipping = false;
  for await (const chunk of chunks) {
    let data = chunk;
    if (skipping) {
      const newline = data.indexOf(10);
      if (newline < 0) continue;
      data = data.subarray(newline + 1);
      skipping = false;
    }
    const last = data.lastIndexOf(10);
    if (last < 0) {
      carry = carry.length === 0 ? Buffer.from(data) : Buffer.concat([carry, data]);
      if (carry.length > maxLineBytes) {
        carry = Buffer.alloc(0);
        skipping = true;
        options.onOverlong?.();
      }
      continue;
    }
    const whole =
      carry.length === 0 ? data.subarray(0, last) : Buffer.concat([carry, data.subarray(0, last)]);
    carry = Buffer.from(data.subarray(last + 1));
    const lines = decodeLines(whole, encoding);
    const kept = lines.filter((line) => line.length <= maxLineBytes);
    for (let dropped = lines.length - kept.length; dropped > 0; dropped--) options.onOverlong?.();
    yield kept;
  }
  if (carry.length > 0 && !skipping) yield decodeLines(carry, encoding);
}
