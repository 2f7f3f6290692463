import { readBodyText } from './read-body-text';

/** A webhook body read as JSON, or why it could not be. */
export type WebhookBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * What every `fromWebhook` accepts: the raw body (a string, bytes, an `ArrayBuffer`) is parsed as JSON; any
 * other value is taken as already parsed. Never throws.
 */
export function readWebhookBody(input: unknown): WebhookBody {
  const text = readBodyText(input);
  if (text === undefined) return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
}
