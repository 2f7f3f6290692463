import { splitAddressList } from '@mailverdict/core/adapter';

/**
 * The addresses a 406 message lists: `… Found inactive addresses: a@x, b@y. Inactive recipients are …`
 * or `… these inactive addresses: a@x.` (the two forms the postmark client parses,
 * packages/postmark/PROVIDER.md §2). indexOf instead of the client's lazy regexes; no list gives an empty array.
 */
export function inactiveAddresses(message: string): string[] {
  for (const marker of ['Found inactive addresses:', 'these inactive addresses:']) {
    const at = message.indexOf(marker);
    if (at === -1) continue;
    let list = message.slice(at + marker.length);
    const end = list.indexOf('Inactive');
    if (end !== -1) list = list.slice(0, end);
    list = list.trim();
    if (list.endsWith('.')) list = list.slice(0, -1);
    return splitAddressList(list);
  }
  return [];
}
