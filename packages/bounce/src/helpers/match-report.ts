// Finding the message a report is about, for an outbox: by the returned message's Message-ID
// (RFC 5322 §3.6.4, compared without angle brackets or surrounding blanks), or by a header the
// application put on every message it sent (`X-Outbox-Id`), when the report includes the headers.
import type { BounceReport } from '../bounce-report';

export interface SentMessage {
  readonly messageId?: string;
  /** Header values the application set, by name (any case). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MatchOptions {
  /** Match on this header of the returned message instead of (and before) Message-ID. */
  readonly header?: string;
}

function normalizeId(value: string): string {
  let id = value.trim();
  if (id.startsWith('<') && id.endsWith('>')) id = id.slice(1, -1).trim();
  return id;
}

/** The value of header `name` (any case) in the returned message, as the report includes it. */
export function originalHeader(report: BounceReport, name: string): string | undefined {
  if (typeof name !== 'string') throw new TypeError('originalHeader: `name` must be a string');
  const lower = name.toLowerCase();
  return report.original?.headers.find((header) => header.name === lower)?.value;
}

function headerOf(message: SentMessage, name: string): string | undefined {
  const headers = message.headers;
  if (headers === undefined) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/**
 * The first of `sent` that the report is about: the custom header's value when `options.header`
 * is given and the report includes it, else the Message-ID. Undefined when none matches or the
 * report includes neither.
 */
export function matchReport<T extends SentMessage>(
  report: BounceReport,
  sent: Iterable<T>,
  options: MatchOptions = {},
): T | undefined {
  const name = options.header?.toLowerCase();
  const wanted = name === undefined ? undefined : originalHeader(report, name)?.trim();
  const messageId =
    report.original?.messageId === undefined ? undefined : normalizeId(report.original.messageId);
  for (const message of sent) {
    if (wanted !== undefined && name !== undefined && headerOf(message, name)?.trim() === wanted)
      return message;
    if (wanted === undefined && messageId !== undefined && message.messageId !== undefined) {
      if (normalizeId(message.messageId) === messageId) return message;
    }
  }
  return undefined;
}
