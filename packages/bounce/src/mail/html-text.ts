// The words of an HTML body, for notices sent as text/html only (Exchange 5.5's HTML NDR, Chinese
// and webmail MTAs that write `<br>` into their notice). One pass over the characters: tags dropped,
// line-breaking tags turned into newlines, the common entities decoded. Not a renderer: decoders only
// need the lines and the addresses in them.

/** Tags after which a reader sees a new line. */
const breaking: ReadonlySet<string> = new Set([
  'br',
  'p',
  '/p',
  'div',
  '/div',
  'tr',
  '/tr',
  'li',
  '/li',
  'h1',
  'h2',
  'h3',
  '/h1',
  '/h2',
  '/h3',
  'hr',
  '/title',
  '/table',
]);

/** Tags whose content is not text. */
const hidden: ReadonlySet<string> = new Set(['style', 'script', 'head']);

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The longest entity read (`&#1114111;`); longer runs are text. */
const maxEntity = 10;

function tagName(tag: string): string {
  let end = 0;
  while (end < tag.length && tag.charCodeAt(end) > 32 && tag.charCodeAt(end) !== 47) end++;
  // `</p>` keeps its slash; `<br/>` does not.
  if (end === 0 && tag.charCodeAt(0) === 47) {
    end = 1;
    while (end < tag.length && tag.charCodeAt(end) > 32) end++;
  }
  return tag.slice(0, end).toLowerCase();
}

function entity(html: string, at: number): { text: string; end: number } | undefined {
  // Looked for only within `maxEntity` characters: a long run of `&` stays linear.
  const found = html.slice(at + 1, at + 1 + maxEntity).indexOf(';');
  if (found < 0) return undefined;
  const semicolon = at + 1 + found;
  const name = html.slice(at + 1, semicolon);
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return undefined;
    return { text: String.fromCodePoint(code), end: semicolon + 1 };
  }
  const text = entities[name.toLowerCase()];
  return text === undefined ? undefined : { text, end: semicolon + 1 };
}

export function htmlText(html: string): string {
  const out: string[] = [];
  let index = 0;
  /** Inside `<style>`, `<script>` or `<head>`: the name of the closing tag awaited. */
  let skipping: string | undefined;
  // The next `<` and `&`, searched again only once passed: every character is scanned a bounded number of times.
  let open = -1;
  let ampAt = -1;
  while (index < html.length) {
    if (open !== -2 && open < index) open = html.indexOf('<', index);
    if (open === -1) open = -2;
    if (ampAt !== -2 && ampAt < index) ampAt = html.indexOf('&', index);
    if (ampAt === -1) ampAt = -2;
    const amp = skipping === undefined && ampAt >= 0 ? ampAt : -1;
    const tagAt = open >= 0 ? open : -1;
    const next = tagAt < 0 ? amp : amp < 0 ? tagAt : Math.min(tagAt, amp);
    if (next < 0) {
      if (skipping === undefined) out.push(html.slice(index));
      break;
    }
    if (skipping === undefined) out.push(html.slice(index, next));
    if (next === amp) {
      const decoded = entity(html, amp);
      out.push(decoded === undefined ? '&' : decoded.text);
      index = decoded === undefined ? amp + 1 : decoded.end;
      continue;
    }
    const close = html.indexOf('>', tagAt + 1);
    if (close < 0) {
      if (skipping === undefined) out.push(html.slice(tagAt));
      break;
    }
    const inside = html.slice(tagAt + 1, close);
    // `<user@example.com>` written raw into the HTML is an address, not a tag (an attribute has `=`).
    if (skipping === undefined && inside.includes('@') && !inside.includes('=')) {
      out.push(html.slice(tagAt, close + 1));
      index = close + 1;
      continue;
    }
    const name = tagName(inside);
    if (skipping !== undefined) {
      if (name === `/${skipping}`) skipping = undefined;
    } else if (hidden.has(name)) {
      skipping = name;
    } else if (breaking.has(name)) {
      out.push('\n');
    }
    index = close + 1;
  }
  return out.join('');
}
