// How a named format is recognized, as data: phrases in a header or in the first lines of the body.
// Cheap (a few `includes` over at most `headLines` lines), so every format can be asked in turn.
import type { Mail } from '../mail/mail';
import { headerOf } from '../mail/mail';
import type { Decoded, Decoder } from './decoder';
import { type TextLayout, textDecode } from './text-report';

/** How far into the body a signature is looked for. */
const headLines = 40;

export interface Signature {
  /** Lowercase phrases, any of which in the first lines of the body names the format. */
  readonly body?: readonly string[];
  /** `[header name, lowercase phrase]`: the header's value holds the phrase. */
  readonly headers?: readonly (readonly [string, string])[];
  /** Endings of the From address (`@googlemail.com`). Alone they name nothing; with `body` or `headers` they must hold too. */
  readonly from?: readonly string[];
}

/** The first lines of the body, lowercased, computed once per email. */
const heads = new WeakMap<Mail, string>();

/** The first lines of the body, lowercased (shared by every cheap recognizer). */
export function headOf(mail: Mail): string {
  let head = heads.get(mail);
  if (head === undefined) {
    head = mail.lines.slice(0, headLines).join('\n').toLowerCase();
    heads.set(mail, head);
  }
  return head;
}

export function matchesSignature(mail: Mail, signature: Signature): boolean {
  if (signature.from !== undefined && !signature.from.some((ending) => mail.from.endsWith(ending)))
    return false;
  if (signature.headers !== undefined) {
    for (const [name, phrase] of signature.headers) {
      if (headerOf(mail, name)?.toLowerCase().includes(phrase)) return true;
    }
  }
  if (signature.body !== undefined) {
    const head = headOf(mail);
    for (const phrase of signature.body) if (head.includes(phrase)) return true;
  }
  return false;
}

/** A plain-text format: its signature and its layout, read by the shared engine (text-report.ts). */
export function textFormat(
  name: string,
  signature: Signature,
  layout: TextLayout,
  decode?: (mail: Mail) => Decoded | undefined,
): Decoder {
  return {
    name,
    recognize: (mail) => matchesSignature(mail, signature),
    decode: decode ?? textDecode(layout),
  };
}
