/**
 * The Message-ID header of a message (RFC 5322 §3.6.4), with its angle brackets, or `undefined`.
 * Reads only the header section (up to the first empty line) and unfolds continuation lines (§2.2.3).
 */
export function parseMessageId(message: Buffer | string): string | undefined {
  if (typeof message !== 'string' && !Buffer.isBuffer(message)) return undefined;
  const text = typeof message === 'string' ? message : message.toString('latin1');
  const crlfEnd = text.indexOf('\r\n\r\n');
  const lfEnd = text.indexOf('\n\n');
  const ends = [crlfEnd, lfEnd].filter((index) => index >= 0);
  const header = ends.length > 0 ? text.slice(0, Math.min(...ends)) : text;
  const lines = header.split(/\r\n|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.slice(0, 11).toLowerCase() !== 'message-id:') continue;
    let value = line.slice(11);
    for (let next = index + 1; next < lines.length; next++) {
      const continuation = lines[next] ?? '';
      if (!continuation.startsWith(' ') && !continuation.startsWith('\t')) break;
      value += continuation;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return undefined;
}
