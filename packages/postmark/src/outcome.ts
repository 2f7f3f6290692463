import type { DeliveryEvent, DeliveryOutcome, OutcomeOrigin, SmtpReply, Verdict } from '@mailverdict/core';

export const provider = 'postmark';

export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** An ISO 8601 time (Postmark sends up to 7 fractional digits) → epoch ms, or undefined. */
export function epochMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/** Copies the primitive values of `fields` that are present; undefined and objects are left out. */
export function detail(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    ) {
      result[key] = value;
    }
  }
  return result;
}

interface OutcomeFields {
  readonly event: DeliveryEvent;
  readonly recipient?: string | undefined;
  readonly messageId?: string | undefined;
  readonly occurredAt?: number | undefined;
  readonly origin: OutcomeOrigin;
  readonly reply?: SmtpReply | undefined;
  readonly providerDetail: Readonly<Record<string, unknown>>;
  readonly retryAfterMs?: number | undefined;
  readonly verdict: Verdict;
  readonly raw: unknown;
}

/** Builds an outcome, leaving out the optional fields that are unknown. */
export function outcome(fields: OutcomeFields): DeliveryOutcome {
  return {
    provider,
    event: fields.event,
    ...(fields.recipient === undefined ? {} : { recipient: fields.recipient }),
    ...(fields.messageId === undefined ? {} : { messageId: fields.messageId }),
    ...(fields.occurredAt === undefined ? {} : { occurredAt: fields.occurredAt }),
    origin: fields.origin,
    ...(fields.reply === undefined ? {} : { reply: fields.reply }),
    providerDetail: fields.providerDetail,
    ...(fields.retryAfterMs === undefined ? {} : { retryAfterMs: fields.retryAfterMs }),
    verdict: fields.verdict,
    raw: fields.raw,
  };
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 80))})`;
  return typeof value;
}
