// Readers for untrusted objects (a provider's JSON, an SDK error, a webhook body): they never throw and never
// coerce (a number is not a string). A getter that throws or a hostile Proxy reads as absent.

/** A plain object (not `null`, not an array) whose fields can be read with `readField`. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // `Array.isArray` throws on a revoked Proxy: nothing can be read from it.
    return false;
  }
}

/** `value[key]` when `value` is a plain object; `undefined` otherwise or when reading it throws. */
export function readField(value: unknown, key: string): unknown {
  if (!isRecord(value)) return undefined;
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/** The field when it is a string; `undefined` otherwise. */
export function readString(value: unknown, key: string): string | undefined {
  const found = readField(value, key);
  return typeof found === 'string' ? found : undefined;
}

/** The field when it is a finite number; `undefined` otherwise (`NaN`, `Infinity`, numeric strings). */
export function readNumber(value: unknown, key: string): number | undefined {
  const found = readField(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

/** The field when it is an array; an empty array otherwise. */
export function readArray(value: unknown, key: string): readonly unknown[] {
  const found = readField(value, key);
  try {
    return Array.isArray(found) ? found : [];
  } catch {
    return [];
  }
}

/** `value` when it is a plain object (see `isRecord`); `undefined` otherwise. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isRecord(value) ? value : undefined;
}

/** `value` trimmed when it is a string with something other than spaces; `undefined` otherwise. */
export function asText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The field when it is a string with something other than spaces, trimmed (`asText`); `undefined` otherwise. */
export function readText(value: unknown, key: string): string | undefined {
  return asText(readField(value, key));
}
