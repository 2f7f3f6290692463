import type { Rule } from './rule';

/**
 * A block list that refused to answer the destination's query is the destination's DNS set-up, not
 * a listing of ours: Spamhaus answers queries from open or public resolvers, and resolvers that send
 * too many queries, with an error code that receivers' filters then quote in their rejection. These
 * rules come before the named lists (rules/index.ts), which would read the same text as a listing.
 */
export const blocklistErrorRules: readonly Rule[] = [
  {
    id: 'blocklist:query-refused',
    category: 'server-error',
    phrases: ['open resolver', 'public resolver', 'excessive number of queries'],
    scope: 'destination',
    permanence: 'permanent',
    reason:
      'every attempt meets the same refused query until the destination changes its resolver (Spamhaus DNSBL return codes 127.255.255.254/255)',
    example:
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.53/',
    source:
      'Spamhaus DNSBL return codes (127.255.255.252–255: typing error, public or open resolver, excessive queries)',
  },
  {
    // the destination could not look us up in the list this time: nothing is known about a listing
    id: 'blocklist:lookup-failed',
    category: 'deferred',
    phrases: ['temporary lookup failure', 'lookup failure of', 'dnsbl lookup failed', 'dnsbl lookup error'],
    also: ['spamhaus', 'dnsbl', 'rbl', 'spamcop', 'sorbs', 'uceprotect', 'blocklist', 'blacklist'],
    classes: [4],
    scope: 'destination',
    reason: 'the destination’s query of the list failed; it says nothing about us',
    example: '451 4.4.3 Temporary lookup failure of 192.0.2.1 at zen.spamhaus.org',
    source: 'sendmail cf/feature/dnsbl.m4 (Debian sendmail-cf): the DNSBL query did not complete',
  },
];
