/** What the outbound message search needs of the `postmark` client (`ServerClient#getOutboundMessages`). */
export interface OutboundSearchClient {
  getOutboundMessages(filter: {
    count: number;
    offset: number;
    [key: string]: string | number;
  }): Promise<{ readonly TotalCount: number | string }>;
}

/**
 * Whether Postmark stored a message sent with this `metadata` (and to `recipient`, when given): the
 * answer for an attempt whose reply was lost. It asks the outbound message search (packages/postmark/PROVIDER.md §9),
 * which filters on `metadata_<key>`, so send a key unique per attempt as metadata. A search that
 * fails rejects: ask again later, never read it as "absent". Postmark indexes a message for search a
 * little after accepting it, so "absent" is only safe some time after the attempt.
 */
export async function hasOutboundMessage(
  client: OutboundSearchClient,
  metadata: Readonly<Record<string, string>>,
  recipient?: string,
): Promise<boolean> {
  const entries = Object.entries(metadata);
  if (entries.length === 0) throw new TypeError('hasOutboundMessage: give at least one metadata field');
  const filter: { count: number; offset: number; [key: string]: string | number } = { count: 1, offset: 0 };
  for (const [key, value] of entries) filter[`metadata_${key}`] = value;
  if (recipient !== undefined) filter.recipient = recipient;
  const result = await client.getOutboundMessages(filter);
  // postmark@5.1.0 types TotalCount as a string; the API sends a number. Anything else is no answer.
  const total = Number(result?.TotalCount);
  if (!Number.isFinite(total))
    throw new Error('hasOutboundMessage: the search answered without a TotalCount');
  return total > 0;
}
