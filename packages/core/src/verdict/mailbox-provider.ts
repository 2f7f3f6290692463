// Mailbox providers and filtering services recognized from a recipient domain or an MX host name.
// Domains are matched on a label boundary: `alt1.gmail-smtp-in.l.google.com` ends with `google.com`,
// `notgmail.com` does not end with `gmail.com`. Lookup walks the host's suffixes from longest to
// shortest, so the answer never depends on the order of a table.

export interface MailboxProvider {
  readonly id: string;
  readonly name: string;
  /** Recipient domains and MX host suffixes that belong to this provider. */
  readonly domains: readonly string[];
}

export const mailboxProviders: readonly MailboxProvider[] = [
  {
    id: 'google',
    name: 'Google (Gmail, Google Workspace)',
    domains: ['gmail.com', 'googlemail.com', 'google.com', 'googlegroups.com'],
  },
  {
    id: 'microsoft',
    name: 'Microsoft (Outlook.com, Exchange Online)',
    domains: [
      'outlook.com',
      'hotmail.com',
      'live.com',
      'msn.com',
      'passport.com',
      'hotmail.co.uk',
      'hotmail.fr',
      'hotmail.de',
      'hotmail.it',
      'hotmail.es',
      'live.co.uk',
      'live.fr',
      'outlook.fr',
      'outlook.de',
      'protection.outlook.com',
    ],
  },
  {
    id: 'yahoo',
    name: 'Yahoo and AOL',
    domains: [
      'yahoo.com',
      'yahoo.co.uk',
      'yahoo.fr',
      'yahoo.de',
      'yahoo.es',
      'yahoo.it',
      'yahoo.ca',
      'yahoo.com.br',
      'ymail.com',
      'rocketmail.com',
      'aol.com',
      'aim.com',
      'verizon.net',
      'yahoodns.net',
    ],
  },
  { id: 'apple', name: 'Apple iCloud', domains: ['icloud.com', 'me.com', 'mac.com'] },
  { id: 'comcast', name: 'Comcast (Xfinity)', domains: ['comcast.net', 'xfinity.com'] },
  { id: 'cox', name: 'Cox', domains: ['cox.net'] },
  { id: 'spectrum', name: 'Charter Spectrum', domains: ['charter.net', 'rr.com', 'twc.com', 'spectrum.net'] },
  { id: 'godaddy', name: 'GoDaddy', domains: ['secureserver.net'] },
  { id: 'orange', name: 'Orange', domains: ['orange.fr', 'wanadoo.fr'] },
  { id: 'sfr', name: 'SFR', domains: ['sfr.fr', 'neuf.fr'] },
  { id: 'free', name: 'Free', domains: ['free.fr'] },
  {
    id: 'gmx',
    name: 'GMX and WEB.DE (United Internet)',
    domains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.com', 'web.de', 'mail.com'],
  },
  { id: 'mailru', name: 'Mail.ru', domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru'] },
  { id: 'yandex', name: 'Yandex', domains: ['yandex.ru', 'yandex.com', 'ya.ru'] },
  { id: 'qq', name: 'Tencent QQ Mail', domains: ['qq.com', 'foxmail.com'] },
  { id: 'zoho', name: 'Zoho Mail', domains: ['zoho.com', 'zohomail.com', 'zoho.eu'] },
  { id: 'proofpoint', name: 'Proofpoint', domains: ['pphosted.com', 'ppe-hosted.com'] },
  { id: 'mimecast', name: 'Mimecast', domains: ['mimecast.com'] },
  { id: 'barracuda', name: 'Barracuda', domains: ['barracudanetworks.com'] },
  { id: 'ironport', name: 'Cisco IronPort', domains: ['iphmx.com'] },
];

const providerByDomain: ReadonlyMap<string, string> = new Map(
  mailboxProviders.flatMap((provider) => provider.domains.map((domain) => [domain, provider.id] as const)),
);

const providerIds: ReadonlySet<string> = new Set(mailboxProviders.map((provider) => provider.id));

export function isMailboxProvider(id: unknown): id is string {
  return typeof id === 'string' && providerIds.has(id);
}

/** Longest host label chain we look at; real host names are far shorter, hostile ones are cut here. */
const maxHostLength = 253;

/**
 * The provider id for a recipient domain, an address (`user@gmail.com`) or an MX host name, or
 * `undefined` when it is not one we know. Never throws.
 */
export function recognizeProvider(domainOrHost: string): string | undefined {
  if (typeof domainOrHost !== 'string') return undefined;
  const at = domainOrHost.lastIndexOf('@');
  let host = (at >= 0 ? domainOrHost.slice(at + 1) : domainOrHost).trim().toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host.length > maxHostLength) return undefined;
  let suffix = host;
  for (;;) {
    const id = providerByDomain.get(suffix);
    if (id !== undefined) return id;
    const dot = suffix.indexOf('.');
    if (dot < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}
