// Writes that respect back-pressure: a large `classify` or `bounce --json` output piped into a slow
// reader must not pile up in memory.
import { once } from 'node:events';

export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** `mailverdict <command>: <message>` on stderr. */
export function complain(command: string, message: string): void {
  process.stderr.write(`mailverdict ${command}: ${message}\n`);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return `not valid gzip data (${error.message})`;
    return error.message;
  }
  return String(error);
}
