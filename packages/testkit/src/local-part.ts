/** The part of an address before the last `@`, lowercased. */
export function localPartOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(0, at) : address).toLowerCase();
}

/** `unknown` matches `unknown`, `unknown+tag`, `unknown-42` and `unknown.x`. */
export function matchesLocalPart(local: string, key: string): boolean {
  if (local === key) return true;
  if (!local.startsWith(key)) return false;
  const next = local.charAt(key.length);
  return next === '+' || next === '-' || next === '.';
}

/**
 * A matcher over local-part rules. Keys are lowercased; the longest matching key wins (so `bad-address` beats
 * `bad`), whatever order the rules object was written in.
 */
export function localPartMatcher<Value>(
  rules: Readonly<Record<string, Value>>,
): (address: string) => Value | undefined {
  const entries = Object.entries(rules).map(([key, value]) => [key.toLowerCase(), value] as const);
  entries.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return (address) => {
    const local = localPartOf(address);
    for (const [key, value] of entries) {
      if (matchesLocalPart(local, key)) return value;
    }
    return undefined;
  };
}
