/** What the caller knows about the send that produced a provider's result or error. */
export interface SendContext {
  /** The recipients of the send (`to`, plus `cc`/`bcc` if you want outcomes for them): one outcome each. */
  readonly to?: string | readonly string[];
}

/**
 * The recipients of `context.to` as a new array (empty when not given). A `context` that is not an object, or a
 * `to` that is neither a string nor an array of strings, is a `TypeError` naming `caller`.
 */
export function listRecipients(context: SendContext, caller: string): string[] {
  if (typeof context !== 'object' || context === null) {
    throw new TypeError(`${caller}: \`context\` must be an object`);
  }
  const { to } = context;
  if (to === undefined) return [];
  const list = typeof to === 'string' ? [to] : to;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    throw new TypeError(`${caller}: \`context.to\` must be a string or an array of strings`);
  }
  return [...list];
}
