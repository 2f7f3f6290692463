// A webhook's raw body as text, whatever the framework handed over (a string, a Buffer, a
// Uint8Array): signature checks and JSON parsing need the exact text. `TextDecoder` is a global in
// every runtime core supports, but lib ES2022 does not declare it.
declare const TextDecoder: new (
  label: string,
  options: { ignoreBOM: boolean },
) => { decode(input: Uint8Array): string };

// A byte-order mark is kept, as `Buffer#toString` keeps it: the signed text is the text as sent.
let decoder: { decode(input: Uint8Array): string } | undefined;

/**
 * The text of a raw body given as a string, bytes or an `ArrayBuffer` (what `fetch`'s `arrayBuffer()` returns),
 * decoded as UTF-8; `undefined` for anything else (never throws).
 */
export function readBodyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  try {
    if (value instanceof Uint8Array) {
      decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
      return decoder.decode(value);
    }
    if (value instanceof ArrayBuffer) {
      decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
      return decoder.decode(new Uint8Array(value));
    }
  } catch {
    // `instanceof` on a hostile Proxy throws (getPrototypeOf trap): not a body.
  }
  return undefined;
}
