// The returned message's headers, wherever the report put them: a message/rfc822 or
// text/rfc822-headers part (RFC 3462 §2: the third part of a multipart/report), the RFC 6533
// message/global forms, or quoted inline after a marker line by MTAs that send plain text.
import { type Field, readHeaderBlock, splitLines } from '../mail/fields';
import type { Mail } from '../mail/mail';

const originalTypes: ReadonlySet<string> = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
  'message/partial',
]);

/** Headers of the first returned-message part, if any. */
export function originalFromParts(mail: Mail): Field[] | undefined {
  for (const part of mail.parts) {
    if (!originalTypes.has(part.type)) continue;
    const fields = readHeaderBlock(splitLines(part.text));
    if (fields.length > 0) return fields;
  }
  return undefined;
}

/** Headers quoted in `lines` from `from` on: the first header block within a few lines. */
export function originalFromLines(lines: readonly string[], from: number): Field[] | undefined {
  for (let index = from; index < lines.length && index < from + 8; index++) {
    const fields = readHeaderBlock(lines, index);
    // One stray `Note: …` line is not a header block; two fields are.
    if (fields.length >= 2) return fields;
  }
  return undefined;
}
