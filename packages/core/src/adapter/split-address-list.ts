/**
 * Splits an address list (`"Ann, Bee" <a@example.org>, b@example.org (Bob); Team: c@example.org;`,
 * RFC 5322 §3.4: mailboxes, groups, quoted display names with `\` escapes, comments §3.2.2) into bare
 * addresses, in order. One pass over the characters, so linear on any input: commas and semicolons inside
 * quotes, angle brackets or comments do not split; comments are dropped; a group's name is dropped.
 */
export function splitAddressList(list: string): string[] {
  if (typeof list !== 'string') return [];
  const result: string[] = [];
  let part = '';
  let quoted = false;
  let angle = false;
  let comment = 0;
  let escaped = false;
  for (let index = 0; index <= list.length; index++) {
    const char = list[index];
    if (char === undefined) break;
    if (escaped) {
      escaped = false;
      if (comment === 0) part += char;
      continue;
    }
    if (char === '\\' && (quoted || comment > 0)) {
      escaped = true;
      if (comment === 0) part += char;
      continue;
    }
    if (comment > 0) {
      if (char === '(') comment += 1;
      else if (char === ')') comment -= 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') {
      comment = 1;
      continue;
    } else if (!quoted && char === '<') angle = true;
    else if (!quoted && char === '>') angle = false;
    else if (!quoted && !angle && (char === ',' || char === ';')) {
      push(result, part);
      part = '';
      continue;
    }
    part += char;
  }
  push(result, part);
  return result;
}

function push(result: string[], part: string): void {
  const address = bareAddress(part);
  if (address !== '') result.push(address);
}

/** `Ann <a@example.org>` → `a@example.org`; `Group: a@example.org` → `a@example.org`. */
function bareAddress(part: string): string {
  const open = part.lastIndexOf('<');
  if (open !== -1) {
    const close = part.indexOf('>', open);
    return part.slice(open + 1, close === -1 ? undefined : close).trim();
  }
  // A group's display name ends with a colon outside quotes: `Friends: a@example.org` (RFC 5322 §3.4).
  const colon = part.lastIndexOf(':');
  const quote = part.lastIndexOf('"');
  return (colon > quote ? part.slice(colon + 1) : part).trim();
}
