// Node-only (Buffer): stays in the adapter, unlike the runtime-neutral readers in core's adapter toolkit.

/** The text of a raw body given as a string or bytes; `undefined` for anything else (never throws). */
export function bodyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  try {
    if (value instanceof Uint8Array) {
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
    }
  } catch {
    // `instanceof` on a hostile Proxy throws (getPrototypeOf trap): not a body.
  }
  return undefined;
}
