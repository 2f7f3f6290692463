// Small readers for untrusted objects: they never throw and never coerce (a number is not a string).

export type Fields = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, key: string): unknown {
  if (!isObject(value)) return undefined;
  try {
    return value[key];
  } catch {
    // A getter that throws (a Proxy, a hostile object) reads as absent.
    return undefined;
  }
}

export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' ? found : undefined;
}

export function numberField(value: unknown, key: string): number | undefined {
  const found = field(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

export function arrayField(value: unknown, key: string): readonly unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

/** Epoch ms of an ISO-8601 time, or `undefined`. */
export function isoTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** The domain part of an address, lowercase, for the classifier's `destination` context. */
export function domainOf(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return undefined;
  return address
    .slice(at + 1)
    .replace(/>$/, '')
    .toLowerCase();
}

/** Includes `key: value` only when the value is defined (keeps outcome objects free of `undefined` keys). */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

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
