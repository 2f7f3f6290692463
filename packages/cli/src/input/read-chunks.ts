// The bytes of one input (a file, or stdin as `-`), gunzipped when they start with gzip's magic
// bytes (RFC 1952 §2.3.1) — so `maillog.2.gz` from logrotate reads as it is, whatever its name.
// `onRaw` counts the bytes read from disk, for the progress bar.
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface ChunkSource {
  /** What error messages call it: the path, or `stdin`. */
  readonly name: string;
  readonly chunks: AsyncIterable<Buffer>;
}

async function* gunzipIfNeeded(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const head: Buffer = first.value;
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    pipeline(Readable.from(all()), gunzip, () => {});
    yield* gunzip;
  } else {
    yield* all();
  }
}

async function* counted(
  source: AsyncIterable<Buffer>,
  onRaw: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onRaw(chunk.length);
    yield chunk;
  }
}

/** `path` (`-` for stdin) as decompressed chunks. Errors (missing file, bad gzip) surface while iterating. */
export function readChunks(path: string, onRaw: (bytes: number) => void = () => {}): ChunkSource {
  const raw: AsyncIterable<Buffer> =
    path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
  return { name: path === '-' ? 'stdin' : path, chunks: gunzipIfNeeded(counted(raw, onRaw)) };
}
