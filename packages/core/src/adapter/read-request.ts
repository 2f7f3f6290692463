// Readers for what reaches a webhook endpoint. They never throw: a hostile object (a getter that throws, a
// Proxy) reads as absent. `TextEncoder`/`TextDecoder` are globals in every runtime core supports, but lib
// ES2022 does not declare them.
import type { HeadersLike } from './provider-adapter';

declare const TextEncoder: new () => { encode(input: string): Uint8Array };

let encoder: { encode(input: string): Uint8Array } | undefined;

/**
 * The bytes of a raw body: a string is UTF-8 encoded; a `Uint8Array` (a Node `Buffer`) or an `ArrayBuffer`
 * (what `fetch`'s `arrayBuffer()` returns) is used as it is. `undefined` for anything else (a parsed object).
 */
export function readBodyBytes(value: unknown): Uint8Array | undefined {
  if (typeof value === 'string') {
    encoder ??= new TextEncoder();
    return encoder.encode(value);
  }
  try {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
  } catch {
    // `instanceof` on a hostile Proxy throws (getPrototypeOf trap): not a body.
  }
  return undefined;
}

/**
 * A request header's first value (fetch `Headers#get`, or a plain object whose names are in any case, RFC 9110
 * §5.1), trimmed; `undefined` when absent, empty or unreadable.
 */
export function readRequestHeader(headers: HeadersLike | unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const lower = name.toLowerCase();
  let value: unknown;
  try {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') value = get.call(headers, lower);
    else {
      for (const [key, entry] of Object.entries(headers)) {
        if (key.toLowerCase() === lower) {
          value = entry;
          break;
        }
      }
    }
    if (Array.isArray(value)) value = value[0];
  } catch {
    return undefined;
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `request.body` and `request.headers` of a `{ body, headers }` request; `undefined` fields when unreadable. */
export function readRequest(request: unknown): { body: unknown; headers: unknown } {
  if (typeof request !== 'object' || request === null) return { body: undefined, headers: undefined };
  let body: unknown;
  let headers: unknown;
  try {
    body = (request as { body?: unknown }).body;
  } catch {
    body = undefined;
  }
  try {
    headers = (request as { headers?: unknown }).headers;
  } catch {
    headers = undefined;
  }
  return { body, headers };
}
