import type { Field } from './fields';

/** A MIME part the decoders may read: everything but the readable text body. */
export interface MailPart {
  /** Lowercased MIME type without parameters (`message/delivery-status`). */
  readonly type: string;
  /** The decoded content as text (UTF-8, capped). */
  readonly text: string;
}

/** One email, read once at the edge into what the decoders need. */
export interface Mail {
  /** Top-level header fields, in order, names lowercased, values unfolded. */
  readonly headers: readonly Field[];
  /** Decoded subject, `''` when none. */
  readonly subject: string;
  /** The From address (lowercased), `''` when none. */
  readonly from: string;
  /** Lowercased top-level MIME type with its parameters (`multipart/report; report-type=…`). */
  readonly contentType: string;
  /** The readable body: text parts, or HTML turned into text; capped. */
  readonly text: string;
  /** `text` split into lines (computed once). */
  readonly lines: readonly string[];
  /** The non-body parts in order: delivery-status, feedback-report, returned message or headers. */
  readonly parts: readonly MailPart[];
  /** What went wrong reading it (a MIME limit, truncated input). */
  readonly problems: readonly string[];
}

/** The first value of a top-level header (name lowercase). */
export function headerOf(mail: Mail, name: string): string | undefined {
  for (const field of mail.headers) if (field.name === name) return field.value;
  return undefined;
}

/** The first part of `type`. */
export function partOf(mail: Mail, type: string): MailPart | undefined {
  for (const part of mail.parts) if (part.type === type) return part;
  return undefined;
}
