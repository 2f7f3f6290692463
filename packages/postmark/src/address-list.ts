/**
 * Splits a Postmark address field (`"Ann <a@example.org>, b@example.org"`, RFC 5322 §3.4) into bare
 * addresses. One pass over the characters: commas inside quotes or angle brackets do not split.
 */
export function splitAddressList(list: string): string[] {
  const result: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  let escaped = false;
  for (let index = 0; index <= list.length; index++) {
    const char = list[index];
    if (escaped) escaped = false;
    else if (char === '\\' && quoted) escaped = true;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') angle = true;
    else if (!quoted && char === '>') angle = false;
    else if (char === undefined || (!quoted && !angle && (char === ',' || char === ';'))) {
      const address = bareAddress(list.slice(start, index));
      if (address !== '') result.push(address);
      start = index + 1;
    }
  }
  return result;
}

function bareAddress(part: string): string {
  const open = part.lastIndexOf('<');
  if (open === -1) return part.trim();
  const close = part.indexOf('>', open);
  return part.slice(open + 1, close === -1 ? undefined : close).trim();
}

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
