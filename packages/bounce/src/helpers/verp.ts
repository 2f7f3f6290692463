// VERP (variable envelope return paths, D. J. Bernstein's qmail convention, also used by Postfix's
// `smtpd_authorized_verp_clients` and most ESPs): the return path carries the recipient,
// `bounces+user=example.com@sender.example`, so a bounce names its recipient even when its body
// does not. No regular expressions: the address is cut at its last `@` and last `=`.

export interface VerpOptions {
  /** The local part before the separator (`bounces`); when given, other return paths are not VERP. */
  readonly prefix?: string;
  /** `+` (default) or `-`. */
  readonly separator?: '+' | '-';
}

function separatorOf(options: VerpOptions): string {
  const separator = options.separator ?? '+';
  if (separator !== '+' && separator !== '-') throw new TypeError("VERP separator must be '+' or '-'");
  return separator;
}

/**
 * `bounces+user=example.com@sender.example` → `user@example.com`; undefined when `address` is not
 * a VERP return path (with `prefix`, not one with that prefix). Throws `TypeError` on a non-string.
 */
export function decodeVerp(address: string, options: VerpOptions = {}): string | undefined {
  if (typeof address !== 'string') throw new TypeError('decodeVerp: `address` must be a string');
  const separator = separatorOf(options);
  let value = address.trim();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1);
  const at = value.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = value.slice(0, at);
  let start: number;
  if (options.prefix !== undefined) {
    if (!local.startsWith(options.prefix + separator)) return undefined;
    start = options.prefix.length + 1;
  } else {
    start = local.indexOf(separator) + 1;
    if (start === 0) return undefined;
  }
  const encoded = local.slice(start);
  const equals = encoded.lastIndexOf('=');
  if (equals <= 0 || equals === encoded.length - 1) return undefined;
  const domain = encoded.slice(equals + 1);
  if (!domain.includes('.')) return undefined;
  return `${encoded.slice(0, equals)}@${domain}`.toLowerCase();
}

/**
 * The VERP return path for `recipient`: `encodeVerp('user@example.com', 'bounces@sender.example')`
 * → `bounces+user=example.com@sender.example`. Throws `TypeError` when either is not an address.
 */
export function encodeVerp(
  recipient: string,
  returnPath: string,
  options: Pick<VerpOptions, 'separator'> = {},
): string {
  const separator = separatorOf(options);
  if (typeof recipient !== 'string' || typeof returnPath !== 'string') {
    throw new TypeError('encodeVerp: `recipient` and `returnPath` must be strings');
  }
  const at = recipient.lastIndexOf('@');
  const returnAt = returnPath.lastIndexOf('@');
  if (at <= 0 || at === recipient.length - 1)
    throw new TypeError(`encodeVerp: ${JSON.stringify(recipient)} is not an address`);
  if (returnAt <= 0 || returnAt === returnPath.length - 1) {
    throw new TypeError(`encodeVerp: ${JSON.stringify(returnPath)} is not an address`);
  }
  return `${returnPath.slice(0, returnAt)}${separator}${recipient.slice(0, at)}=${recipient.slice(at + 1)}${returnPath.slice(returnAt)}`;
}
