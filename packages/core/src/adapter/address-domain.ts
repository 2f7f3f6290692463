/**
 * The domain part of an address, lowercase (`Bob@Example.COM>` → `example.com`), for the classifier's
 * `destination` context; `undefined` when there is no domain.
 */
export function addressDomain(address: string | undefined): string | undefined {
  if (typeof address !== 'string') return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return undefined;
  return address
    .slice(at + 1)
    .replace(/>$/, '')
    .toLowerCase();
}
