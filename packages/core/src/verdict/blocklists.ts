// Named block lists (DNSBLs and provider-owned lists with a delisting route, docs/taxonomy.md#decision-6).
// `phrases` are the lowercase strings a rejection uses to name the list; the classifier turns every
// entry into a `blocklisted` rule (`spam-content` for the URI lists, `content`) of the generic text layer, in this order, so a specific list
// ("spamhaus sbl") is declared before the family name that also matches it ("spamhaus").
// URLs are each operator's own lookup / removal pages.

export interface Blocklist {
  /** Stable id kept on the verdict: `spamhaus-sbl`, `spamcop`, … */
  readonly id: string;
  readonly name: string;
  /** Where to look the listing up. */
  readonly lookupUrl: string;
  /** Where to ask for removal, when it differs from the lookup page. */
  readonly delistUrl?: string;
  /** Lowercase phrases that name the list in a reply. */
  readonly phrases: readonly string[];
  /** The mailbox provider that owns the list, for provider-owned lists (docs/taxonomy.md#decision-6). */
  readonly provider?: string;
  /** A real or documented reply naming the list (tested to classify to this list; left out of the published bundle). */
  readonly example?: string;
  /**
   * A list of domains found in message bodies (a URI block list): a hit judges the content, not our
   * sending host, so the verdict is `spam-content` (docs/taxonomy.md, spam-content: "a URL on a
   * domain block list"), still naming the list.
   */
  readonly content?: true;
}

export const blocklists: readonly Blocklist[] = [
  {
    id: 'spamhaus-sbl',
    name: 'Spamhaus Block List (SBL)',
    lookupUrl: 'https://check.spamhaus.org/',
    delistUrl: 'https://www.spamhaus.org/sbl/',
    phrases: [
      'spamhaus sbl',
      'spamhaus block list',
      'sbl.spamhaus.org',
      'spamhaus.org/sbl',
      'spamhaus (sbl)',
    ],
    example:
      '550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=x.x.x.x',
  },
  {
    id: 'spamhaus-xbl',
    name: 'Spamhaus Exploits Block List (XBL / CBL)',
    lookupUrl: 'https://check.spamhaus.org/',
    phrases: [
      'spamhaus xbl',
      'spamhaus exploits block list',
      'xbl.spamhaus.org',
      'spamhaus.org/xbl',
      'abuseat.org',
    ],
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using xbl.spamhaus.org',
  },
  {
    id: 'spamhaus-pbl',
    name: 'Spamhaus Policy Block List (PBL)',
    lookupUrl: 'https://check.spamhaus.org/',
    delistUrl: 'https://www.spamhaus.org/pbl/',
    phrases: ['spamhaus pbl', 'spamhaus policy block list', 'pbl.spamhaus.org', 'spamhaus.org/pbl'],
    example:
      '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using pbl.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10',
  },
  {
    id: 'spamhaus-dbl',
    name: 'Spamhaus Domain Block List (DBL)',
    lookupUrl: 'https://check.spamhaus.org/',
    delistUrl: 'https://www.spamhaus.org/dbl/',
    phrases: ['spamhaus dbl', 'spamhaus domain block list', 'dbl.spamhaus.org', 'spamhaus.org/dbl'],
    example:
      '550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/',
  },
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN (SBL + XBL + PBL)',
    lookupUrl: 'https://check.spamhaus.org/',
    phrases: ['spamhaus zen', 'zen.spamhaus.org'],
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org',
  },
  {
    id: 'spamhaus',
    name: 'Spamhaus',
    lookupUrl: 'https://check.spamhaus.org/',
    phrases: ['spamhaus'],
    example:
      '550-5.1.0 MXIN506 MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/',
  },
  {
    id: 'spamcop',
    name: 'SpamCop Blocking List',
    lookupUrl: 'https://www.spamcop.net/bl.shtml',
    phrases: ['spamcop'],
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using bl.spamcop.net',
  },
  {
    id: 'barracuda-brbl',
    name: 'Barracuda Reputation Block List (BRBL)',
    lookupUrl: 'https://www.barracudacentral.org/lookups',
    delistUrl: 'https://www.barracudacentral.org/rbl/removal-request',
    phrases: ['barracudacentral.org', 'barracuda reputation', 'barracudanetworks.com/reputation', ' brbl'],
    example:
      '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.10',
  },
  {
    id: 'sorbs',
    name: 'SORBS',
    lookupUrl: 'http://www.sorbs.net/lookup.shtml',
    phrases: ['sorbs.net', ' sorbs'],
    example:
      '521 5.7.1 Service unavailable; client [203.0.113.225] blocked using dnsbl.sorbs.net Please see http://support.mailhostbox.com/email-administrators-guide-error-codes/',
  },
  {
    id: 'cloudmark-csi',
    name: 'Cloudmark Sender Intelligence (CSI)',
    lookupUrl: 'https://csi.cloudmark.com/en/reset/',
    delistUrl: 'https://csi.cloudmark.com/en/reset/',
    phrases: ['cloudmark'],
    example:
      '554 Connection refused. This IP has a poor reputation on Cloudmark Sender Intelligence (CSI). IB103',
  },
  {
    id: 'uceprotect',
    name: 'UCEPROTECT Network',
    lookupUrl: 'https://www.uceprotect.net/en/rblcheck.php',
    phrases: ['uceprotect'],
    example: '550 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using dnsbl-1.uceprotect.net',
  },
  {
    id: 'invaluement',
    name: 'Invaluement',
    lookupUrl: 'https://www.invaluement.com/lookup/',
    delistUrl: 'https://www.invaluement.com/removal/',
    phrases: ['invaluement'],
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using ivmSIP (invaluement)',
  },
  {
    id: 'psbl',
    name: 'Passive Spam Block List (PSBL)',
    lookupUrl: 'https://psbl.org/',
    phrases: ['psbl.surriel.com', 'psbl.org', ' psbl'],
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using psbl.surriel.com',
  },
  {
    id: 'abusix',
    name: 'Abusix Mail Intelligence',
    lookupUrl: 'https://lookup.abusix.com/',
    phrases: ['abusix'],
    example:
      '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using combined.mail.abusix.zone',
  },
  {
    id: 'surbl',
    name: 'SURBL (URI block list)',
    lookupUrl: 'https://www.surbl.org/surbl-analysis',
    phrases: ['surbl'],
    example: '554 5.7.1 Message rejected: URL in message body listed at multi.surbl.org',
    content: true,
  },
  {
    id: 'uribl',
    name: 'URIBL',
    lookupUrl: 'https://admin.uribl.com/',
    phrases: ['uribl'],
    example: '554 5.7.1 Message rejected: URL in message body blocked by black.uribl.com',
    content: true,
  },
  {
    id: 'proofpoint-dnsbl',
    name: 'Proofpoint Dynamic Reputation',
    lookupUrl: 'https://ipcheck.proofpoint.com/',
    provider: 'proofpoint',
    phrases: ['proofpoint.com/dnsbl-lookup', 'ipcheck.proofpoint.com'],
    example: '554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.225',
  },
  {
    id: 'microsoft',
    name: 'Microsoft (Outlook.com / Exchange Online) block list',
    lookupUrl: 'https://sender.office.com/',
    delistUrl: 'https://sender.office.com/',
    provider: 'microsoft',
    phrases: ['(s3140)', '(s3150)', '(s3114)', 'on our block list', 'sender.office.com'],
    example:
      "550 5.7.1 Unfortunately, messages from [192.0.2.44] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).",
  },
  {
    id: 'yahoo',
    name: 'Yahoo block list',
    lookupUrl: 'https://senders.yahooinc.com/contact',
    provider: 'yahoo',
    phrases: ['[bl21]', '550-bl23', 'postmaster.yahoo.com/550-bl', '[bl22]', '[bl23]'],
    example:
      '553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in the blocklist; see http://postmaster.yahoo.com/550-bl23.html',
  },
  {
    id: 'gmx',
    name: 'GMX / WEB.DE block list',
    lookupUrl: 'https://postmaster.gmx.net/en/contact',
    provider: 'gmx',
    phrases: ['ip address is block listed', 'ip address is black listed'],
    example:
      '554 IP address is block listed. For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42',
  },
  {
    id: 'comcast',
    name: 'Comcast block list',
    lookupUrl: 'https://spa.xfinity.com/',
    provider: 'comcast',
    phrases: ['comcast block for spam', 'comcast block list', ' bl0000', '#bl0000'],
    example:
      '554 resimta-ch2-18v.sys.comcast.net comcast 192.0.2.10 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000',
  },
  {
    id: 'cox',
    name: 'Cox block list',
    lookupUrl: 'https://www.cox.com/residential/support/email-error-codes.html',
    provider: 'cox',
    phrases: ['aup#cxbl', 'aup#rbl', 'aup#cxrbl', 'aup#ipbl'],
    example: '554 cxr.mx.east.cox.net cox 192.0.2.10 rejected by Cox block list AUP#CXBL',
  },
];

export const blocklistIds: ReadonlySet<string> = new Set(blocklists.map((list) => list.id));

/** The block list with this id, or `undefined`. */
export function findBlocklist(id: string): Blocklist | undefined {
  return blocklists.find((list) => list.id === id);
}
