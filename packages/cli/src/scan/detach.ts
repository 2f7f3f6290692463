/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring as
 * a view of its parent: a recipient cut from a log line, itself cut from a 256 KB chunk, would keep
 * the whole chunk alive for as long as the report keeps the recipient — a scan of a 1 GB log kept
 * ~1.1 GB this way. Everything the report stores is detached first.
 */
export function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
