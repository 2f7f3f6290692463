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
