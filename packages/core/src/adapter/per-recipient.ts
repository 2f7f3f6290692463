/**
 * One outcome per recipient from an outcome that concerns the whole send (an API error, a send
 * result): the outcome itself when the caller named no recipients, so nothing the provider said is
 * dropped. The outcome is copied, never mutated.
 */
export function perRecipient<T extends object>(
  outcome: T,
  recipients: readonly string[],
): (T & { readonly recipient?: string })[] {
  if (recipients.length === 0) return [outcome];
  return recipients.map((recipient) => ({ ...outcome, recipient }));
}
