// What a deliverability engineer tells you about a verdict, as data: one base entry per category
// (docs/taxonomy.md) and more specific entries keyed on the mailbox provider, the enhanced status code or
// the block list. `explain` puts the most specific matching entries first, then the base entry.
// Links are the operators' own pages (provider postmaster sites, RFCs).
import type { Category } from '../verdict/taxonomy';

export interface GuidanceLink {
  readonly title: string;
  readonly url: string;
}

export interface Guidance {
  /** Stable id, listed on the explanation so a reader can tell which advice applied. */
  readonly id: string;
  readonly category: Category;
  /** Mailbox provider id (`google`, `microsoft`, `yahoo`, …; see mailbox-provider.ts). */
  readonly provider?: string;
  /** The enhanced status code of the verdict (`5.7.26`). */
  readonly status?: string;
  /** Block list id (see blocklists.ts). */
  readonly blocklist?: string;
  /** Plain words for the category; base entries only. */
  readonly title?: string;
  readonly causes?: readonly string[];
  readonly steps?: readonly string[];
  readonly links?: readonly GuidanceLink[];
}

const rfc = (number: number, what: string): GuidanceLink => ({
  title: `RFC ${number}: ${what}`,
  url: `https://www.rfc-editor.org/rfc/rfc${number}`,
});

const gmailGuidelines: GuidanceLink = {
  title: 'Gmail: Email sender guidelines',
  url: 'https://support.google.com/a/answer/81126',
};
const gmailErrors: GuidanceLink = {
  title: 'Gmail: SMTP error reference',
  url: 'https://support.google.com/a/answer/3726730',
};
const googlePostmaster: GuidanceLink = {
  title: 'Google Postmaster Tools',
  url: 'https://postmaster.google.com/',
};
const yahooErrors: GuidanceLink = {
  title: 'Yahoo Sender Hub: SMTP error codes',
  url: 'https://senders.yahooinc.com/smtp-error-codes',
};
const yahooPractices: GuidanceLink = {
  title: 'Yahoo Sender Hub: best practices',
  url: 'https://senders.yahooinc.com/best-practices/',
};
const microsoftDelist: GuidanceLink = {
  title: 'Microsoft: Office 365 delist portal',
  url: 'https://sender.office.com',
};
const microsoftPostmaster: GuidanceLink = {
  title: 'Outlook.com postmaster (SNDS, JMRP, support)',
  url: 'https://sendersupport.olc.protection.outlook.com/pm/',
};
const microsoftNdr: GuidanceLink = {
  title: 'Microsoft: Email non-delivery reports and SMTP errors in Exchange Online',
  url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
};
const applePostmaster: GuidanceLink = {
  title: 'Apple: Postmaster information for iCloud Mail',
  url: 'https://support.apple.com/en-us/HT204137',
};

const authenticationCauses = [
  'SPF does not list the sending IP, or the SPF record is broken (syntax, too many lookups).',
  'No DKIM signature, or it breaks in transit (content changed after signing).',
  'DMARC fails: neither SPF nor DKIM passes aligned with the From: domain.',
];

export const guidance: readonly Guidance[] = [
  // ── specific entries: provider, status or block list ────────────────────────────────────────
  {
    // issue 14: the reply the deliverability guides are written about (Exchange Online's PRX family)
    id: 'server-error:microsoft-prx',
    category: 'server-error',
    provider: 'microsoft',
    status: '4.7.0',
    causes: [
      'PRX1…PRX8 come from the front-end proxy of the RECIPIENT’s Exchange (Exchange Online or their own Exchange server): it took the connection but could not hand the message to one of their mailbox servers — a server restarting, a DNS lookup failing inside their network, or a hybrid connector pointing at a server that is down.',
      'Nothing about your IP, domain, content or authentication is judged: the reply is the same for every sender at that moment.',
    ],
    steps: [
      'Let your MTA retry on its normal schedule (minutes, then hours); most PRX deferrals clear within an hour. Do not suppress the recipient and do not change DNS or content for it.',
      'If one recipient domain keeps answering PRX for more than a few hours while other Microsoft 365 domains accept your mail, tell that domain’s administrator: the fault is in their Exchange (check the server named after "NextHop:" or in brackets).',
      'PRX5 on an Exchange 2013+ server of theirs is the known case of its front end failing to resolve its own mailbox servers in DNS.',
    ],
    links: [microsoftNdr],
  },
  {
    // what Microsoft means by "hosted tenant which has no mail-enabled subscriptions"
    id: 'routing:microsoft-unlicensed-tenant',
    category: 'routing',
    provider: 'microsoft',
    status: '4.4.4',
    causes: [
      'The recipient’s domain is added to a Microsoft 365 tenant whose MX points at Exchange Online, but that tenant has no Exchange Online licence (no mail-enabled subscription) — for example a tenant made only for Teams or Entra ID, or one whose subscription lapsed.',
      '"Received as unauthenticated" only says your message came from the internet rather than through one of their connectors: it is not an SPF, DKIM or DMARC failure of yours.',
    ],
    steps: [
      'Nothing on your side will fix it; do not change your authentication records and do not suppress the recipient on this reply alone.',
      'Tell the recipient (by another channel) that their administrator must license Exchange Online for the domain or point its MX to the mail service they really use.',
      'Keep the normal retry schedule: the moment they fix it, the queued message goes through; if it expires, treat it as undeliverable for now, not as a dead address.',
    ],
    links: [microsoftNdr],
  },
  {
    id: 'policy:4.7.1',
    category: 'policy',
    status: '4.7.1',
    causes: [
      '4.7.1 "access denied" is a temporary policy refusal: the receiver does not say which policy, and the same code is used for reputation throttling, for IPs not yet trusted (new IPs, greylisting-like checks) and for a local block of your IP or domain.',
    ],
    steps: [
      'Keep retrying on the normal schedule for a day; a policy that clears (new sender checks, greylisting) lets the retry through.',
      'If only one destination refuses while others accept, check your IP and domain against public block lists and that destination’s postmaster page; if it persists beyond a day, write to postmaster@ that domain with the full reply and your sending IP.',
      'Never suppress recipients on a 4.7.1: it says nothing about the address.',
    ],
  },
  {
    id: 'reputation:4.7.1',
    category: 'reputation',
    status: '4.7.1',
    causes: [
      'A 4.7.1 that names reputation, volume or complaints is the receiver throttling your IP or domain, not a verdict on the message or the recipient.',
    ],
    steps: [
      'Slow down to that destination (fewer connections and messages per hour) and let retries spread over hours, not minutes.',
      'Look at complaint and bounce rates of the recent campaigns to that provider; stop mailing recipients who never open.',
    ],
  },
  {
    id: 'server-busy:4.3.2',
    category: 'server-busy',
    status: '4.3.2',
    causes: [
      '4.3.2 "system not accepting network messages" is the receiving server shedding load or going into maintenance; Exchange also sends it when a transport queue or database is throttled.',
    ],
    steps: [
      'Back off that destination (RFC 5321 §4.5.4.1: at least 30 minutes between attempts) and reduce concurrent connections to it.',
      'Nothing is wrong with your message, IP or recipient; do not suppress and do not resend by hand — duplicates arrive when the server recovers.',
    ],
    links: [rfc(3463, 'Enhanced Mail System Status Codes (X.3.2)')],
  },
  {
    id: 'routing:4.4.4',
    category: 'routing',
    status: '4.4.4',
    causes: [
      '4.4.4 "unable to route" means the receiving system found no route to a server that holds the recipient’s mailbox: a broken MX, a missing or misconfigured connector, or a domain that is set up in one system while its mail lives in another.',
    ],
    steps: [
      'Check the recipient domain’s MX records (dig MX); if they point at a service that does not host the domain, only the domain’s administrator can fix it.',
      'Let the queue retry for its full lifetime; do not suppress the address because of a routing failure.',
    ],
    links: [rfc(3463, 'Enhanced Mail System Status Codes (X.4.4)')],
  },
  {
    id: 'server-error:4.3.0',
    category: 'server-error',
    status: '4.3.0',
    causes: [
      '4.3.0 is the receiving system’s own internal error (a crashed filter, a failed database or queue write): the server is up but could not process this message now.',
    ],
    steps: [
      'Retry on the normal schedule; if the same destination answers 4.3.0 for more than a few hours, send the full reply (it often carries a server name and queue id) to their postmaster.',
      'If only one message fails this way while others to the same domain pass, its content may crash their filter (a broken MIME part or huge header): try sending it again without attachments.',
    ],
    links: [rfc(3463, 'Enhanced Mail System Status Codes (X.3.0)')],
  },
  {
    id: 'server-error:4.3.5',
    category: 'server-error',
    status: '4.3.5',
    causes: [
      '4.3.5 "system incorrectly configured" is the receiver admitting a configuration mistake on its side (a missing table, a wrong transport, a broken milter).',
    ],
    steps: [
      'Nothing on your side changes the outcome; keep retrying and tell their postmaster if it lasts — they may not know.',
    ],
    links: [rfc(3463, 'Enhanced Mail System Status Codes (X.3.5)')],
  },
  {
    id: 'authentication:google',
    category: 'authentication',
    provider: 'google',
    causes: [
      'Gmail requires SPF or DKIM from every sender, and SPF, DKIM and DMARC with the From: domain aligned from bulk senders (5.7.26, 4.7.32, 5.7.30).',
    ],
    steps: [
      'Check SPF and DKIM alignment for the From: domain: the DKIM d= domain or the MAIL FROM domain must be the From: domain (or its organizational domain).',
      'In Gmail, "Show original" on a test message must show SPF, DKIM and DMARC PASS.',
      'Publish DMARC for the From: domain (p=none is enough to start).',
    ],
    links: [gmailGuidelines, gmailErrors],
  },
  {
    id: 'authentication:microsoft',
    category: 'authentication',
    provider: 'microsoft',
    causes: [
      'Microsoft rejects mail failing DMARC p=reject (5.7.509) or its authentication level for bulk senders (5.7.515).',
    ],
    steps: ['Make SPF and DKIM pass aligned with the From: domain; publish DMARC.'],
    links: [microsoftPostmaster, microsoftNdr],
  },
  {
    id: 'authentication:yahoo',
    category: 'authentication',
    provider: 'yahoo',
    causes: ['Yahoo and AOL require SPF or DKIM, and aligned DMARC from bulk senders (5.7.9).'],
    steps: ['Make SPF and DKIM pass for the From: domain and publish DMARC.'],
    links: [yahooPractices, yahooErrors],
  },
  {
    id: 'reputation:yahoo',
    category: 'reputation',
    provider: 'yahoo',
    causes: [
      'Yahoo defers an IP address for unexpected volume or user complaints ([TSS04], [TSS05]); [TS03] means the deferral became a block.',
    ],
    steps: [
      'Slow down to Yahoo and AOL and keep retrying over several hours: the deferral clears when the traffic looks normal.',
      'Reduce complaints: mail only people who asked, drop inactive addresses, offer one-click unsubscribe, join the Yahoo feedback loop.',
      'Ramp up new IP addresses gradually.',
    ],
    links: [yahooErrors, yahooPractices],
  },
  {
    id: 'reputation:google',
    category: 'reputation',
    provider: 'google',
    causes: [
      'Gmail limits or blocks mail from an IP or domain with low reputation: complaints, unwanted mail, sudden volume (4.7.28, 5.7.1).',
    ],
    steps: [
      'Check reputation and spam rate in Google Postmaster Tools; keep reported spam below 0.3 %.',
      'Slow down to Gmail and retry deferred messages gradually.',
      'Send only wanted mail: opt-in, no inactive recipients, one-click unsubscribe.',
    ],
    links: [googlePostmaster, gmailGuidelines],
  },
  {
    id: 'reputation:microsoft',
    category: 'reputation',
    provider: 'microsoft',
    causes: [
      'Microsoft throttles or blocks IPs and tenants with poor reputation (4.7.650, 5.7.7xx, S3140/S3150).',
    ],
    steps: [
      'Check the IP address in Microsoft SNDS and join JMRP to see complaints.',
      'If the IP is blocked, request delisting at the Office 365 delist portal.',
    ],
    links: [microsoftPostmaster, microsoftDelist],
  },
  {
    id: 'blocklisted:microsoft',
    category: 'blocklisted',
    provider: 'microsoft',
    causes: ['The sending IP is on Microsoft’s own block list (5.7.606–5.7.649, S3140).'],
    steps: [
      'Request delisting at https://sender.office.com with the IP address from the reply.',
      'Find out why it was listed (compromised account, spam, volume) first.',
    ],
    links: [microsoftDelist, microsoftPostmaster],
  },
  {
    id: 'account-limit:google',
    category: 'account-limit',
    provider: 'google',
    causes: ['The Gmail or Workspace account hit its daily sending limit (5.4.5).'],
    steps: ['Wait for the rolling 24-hour limit to reset, or use a bulk-mail service.'],
    links: [
      { title: 'Google Workspace: Gmail sending limits', url: 'https://support.google.com/a/answer/166852' },
    ],
  },
  {
    id: 'reputation:apple',
    category: 'reputation',
    provider: 'apple',
    steps: ['Follow the iCloud Mail postmaster guidance; contact iCloud postmaster if it persists.'],
    links: [applePostmaster],
  },
  {
    id: 'policy:apple',
    category: 'policy',
    provider: 'apple',
    causes: ['iCloud rejected it by local policy ([CS01]), usually for reputation or content.'],
    links: [applePostmaster],
  },
  {
    id: 'blocklisted:yahoo',
    category: 'blocklisted',
    provider: 'yahoo',
    steps: ['Check the Yahoo error code page for the listing and how to ask for a review.'],
    links: [yahooErrors],
  },
  {
    id: 'mailbox-unknown:microsoft',
    category: 'mailbox-unknown',
    provider: 'microsoft',
    causes: ['5.1.10 RecipientNotFound: the address is not in the recipient’s directory.'],
    links: [microsoftNdr],
  },
  {
    id: 'rate-limited:google',
    category: 'rate-limited',
    provider: 'google',
    steps: ['Lower and steady the rate to Gmail; watch Google Postmaster Tools.'],
    links: [gmailErrors, googlePostmaster],
  },
  {
    id: 'sender-infrastructure:google',
    category: 'sender-infrastructure',
    provider: 'google',
    causes: ['Gmail requires a PTR record for the sending IP that resolves back to it (5.7.25, 4.7.23).'],
    links: [gmailGuidelines],
  },
  {
    id: 'message-format:google',
    category: 'message-format',
    provider: 'google',
    causes: ['Gmail rejects messages breaking RFC 5322 (duplicate or missing headers, no Message-ID).'],
    links: [gmailGuidelines],
  },
  {
    id: 'deferred:4.7.0',
    category: 'deferred',
    status: '4.7.0',
    causes: [
      'An anti-spam check (SPF, content, sender) failed and the server gave a generic security deferral.',
      'A rate limit for the sending IP or domain.',
      'Blocklisting of the sending IP that the server does not name.',
    ],
  },

  // ── base entries: one per category ───────────────────────────────────────────────────────────
  {
    id: 'delivered',
    category: 'delivered',
    title: 'delivered',
    causes: ['The receiving server accepted responsibility for the message.'],
    steps: ['Nothing to do. Whether it reached the inbox is not visible in SMTP.'],
  },
  {
    id: 'accepted',
    category: 'accepted',
    title: 'accepted by the provider',
    causes: [
      'The email provider or relay took responsibility for the message; it has not reached the destination yet.',
    ],
    steps: [
      'Nothing to do now. Count it as sent, not as delivered: the delivery (or the bounce) arrives later as its own event.',
    ],
  },
  {
    id: 'auto-reply',
    category: 'auto-reply',
    title: 'automatic reply',
    causes: ['A vacation, out-of-office or challenge-response system answered.'],
    steps: ['Do not count it as a bounce; the address is valid.'],
  },
  {
    id: 'complaint',
    category: 'complaint',
    title: 'spam complaint',
    causes: ['The recipient pressed "report spam" (a feedback loop or the provider told us).'],
    steps: [
      'Stop sending marketing mail to this recipient.',
      'Review what was sent: complaints hurt the sender’s reputation.',
    ],
    links: [rfc(5965, 'An Extensible Format for Email Feedback Reports')],
  },
  {
    id: 'mailbox-unknown',
    category: 'mailbox-unknown',
    title: 'recipient address does not exist',
    causes: ['A typo, a person who left, or an address that never existed.'],
    steps: [
      'Suppress the address: mailing unknown users hurts reputation.',
      'Confirm new addresses with double opt-in.',
    ],
    links: [rfc(3463, 'Enhanced Mail System Status Codes (X.1.1)')],
  },
  {
    id: 'mailbox-disabled',
    category: 'mailbox-disabled',
    title: 'recipient mailbox disabled',
    causes: ['The account is disabled, suspended or inactive; abandoned ones can become spam traps.'],
    steps: ['Suppress the address.'],
  },
  {
    id: 'mailbox-full',
    category: 'mailbox-full',
    title: 'recipient mailbox full',
    causes: ['The recipient is over quota; the mailbox may be abandoned if it stays full.'],
    steps: [
      'Retry over the next days; do not suppress after a single bounce.',
      'Suppress only after repeated full-mailbox bounces over a longer period.',
    ],
  },
  {
    id: 'recipient-moved',
    category: 'recipient-moved',
    title: 'recipient moved',
    causes: ['The mailbox moved; the reply may give the new address (551, X.1.6).'],
    steps: ['Use the new address if the reply gives one; stop mailing the old one.'],
  },
  {
    id: 'domain-invalid',
    category: 'domain-invalid',
    title: 'recipient domain does not accept mail',
    causes: ['The domain does not exist, has no mail servers, or publishes a null MX (RFC 7505).'],
    steps: ['Check the domain for typos (gmial.com); suppress the address.'],
    links: [rfc(7505, 'A "Null MX" No Service Resource Record')],
  },
  {
    id: 'blocked-by-recipient',
    category: 'blocked-by-recipient',
    title: 'recipient blocks this sender',
    causes: ['The recipient (or their provider) blocked this sender.'],
    steps: [
      'Stop mailing this recipient from this sender; the address is valid, so do not suppress it globally.',
    ],
  },
  {
    id: 'greylisted',
    category: 'greylisted',
    title: 'greylisted',
    causes: ['The server refuses a first attempt from an unknown sender and accepts a later retry.'],
    steps: ['Retry the same message from the same IP after 5–15 minutes; nothing needs fixing.'],
    links: [rfc(6647, 'Email Greylisting: An Applicability Statement for SMTP')],
  },
  {
    id: 'deferred',
    category: 'deferred',
    title: 'temporarily deferred',
    causes: [
      'No reason given: anti-spam checks (SPF, content), a rate limit, overload or maintenance, configuration, a network problem, blocklisting, or the recipient’s server.',
    ],
    steps: [
      'Retry with backoff; the outcome of the retries tells more.',
      'If every attempt is deferred, check SPF/DKIM, the sending rate and block lists, then ask their postmaster.',
    ],
    links: [rfc(5321, 'SMTP, §4.5.4.1 retry strategy')],
  },
  {
    id: 'rate-limited',
    category: 'rate-limited',
    title: 'sending too fast',
    causes: ['Too many messages, connections or messages to one recipient in a short time.'],
    steps: ['Slow down for this destination and retry later.'],
  },
  {
    id: 'transaction-limit',
    category: 'transaction-limit',
    title: 'per-transaction limit reached',
    causes: ['Too many recipients in one envelope or too many messages on one connection.'],
    steps: ['Send the rest in a new transaction or connection now; no backoff.'],
    links: [rfc(5321, 'SMTP, §4.5.3.1.10 recipients buffer')],
  },
  {
    id: 'server-busy',
    category: 'server-busy',
    title: 'receiving server busy or unavailable',
    causes: ['The receiving server is overloaded, in maintenance, or out of storage.'],
    steps: ['Back off and retry later.'],
  },
  {
    id: 'server-error',
    category: 'server-error',
    title: 'receiving server error',
    causes: ['An internal or configuration error on the receiving side; not the recipient’s fault.'],
    steps: ['Retry if the reply was temporary; if it persists, tell the recipient’s postmaster.'],
  },
  {
    id: 'dns-failure',
    category: 'dns-failure',
    title: 'DNS lookup failed',
    causes: ['A temporary DNS failure looking up the destination (MX, A).'],
    steps: ['Retry later; if it persists, check the domain’s DNS (dig MX) and our resolver.'],
  },
  {
    id: 'routing',
    category: 'routing',
    title: 'routing failure or mail loop',
    causes: ['The message could not be routed, or it looped between servers (too many hops).'],
    steps: ['Check the destination’s MX records and forwarding.'],
  },
  {
    id: 'network',
    category: 'network',
    title: 'connection failed',
    causes: ['Refused, reset or timed out: server down, port 25 blocked, or a network problem.'],
    steps: ['Retry later; if it persists, check port 25 to the MX from the sending IP.'],
  },
  {
    id: 'tls-failure',
    category: 'tls-failure',
    title: 'TLS requirement not met',
    causes: [
      'TLS required but not offered, STARTTLS failed, or a certificate / DANE / MTA-STS / REQUIRETLS check failed.',
    ],
    steps: [
      'If the destination requires TLS: enable STARTTLS on the sending side.',
      'If their certificate is bad, tell their postmaster.',
    ],
    links: [
      rfc(3207, 'SMTP Service Extension for Secure SMTP over TLS'),
      rfc(8461, 'SMTP MTA Strict Transport Security'),
    ],
  },
  {
    id: 'reputation',
    category: 'reputation',
    title: 'sender reputation',
    causes: [
      'The sending IP or domain has a poor reputation here: complaints, traps, unwanted mail or sudden volume.',
    ],
    steps: [
      'Slow down for this destination and retry over hours.',
      'Send only wanted mail; remove inactive and unknown addresses.',
      'Do not suppress the recipient: the address is fine.',
    ],
  },
  {
    id: 'blocklisted',
    category: 'blocklisted',
    title: 'sender on a block list',
    causes: ['The sending IP or domain is listed on a block list the receiver uses.'],
    steps: [
      'Look up the listing, fix its cause (compromised account, open relay, spam), then request delisting.',
      'Retry only after the listing is gone.',
    ],
  },
  {
    id: 'authentication',
    category: 'authentication',
    title: 'authentication failed (SPF, DKIM, DMARC)',
    causes: authenticationCauses,
    steps: [
      'Make the SPF record of the envelope sender domain include the sending IP.',
      'Sign with DKIM using the From: domain, and publish DMARC for it.',
      'Retrying is pointless until the DNS records or the signing are fixed.',
    ],
    links: [
      rfc(7208, 'Sender Policy Framework (SPF)'),
      rfc(6376, 'DomainKeys Identified Mail (DKIM)'),
      rfc(7489, 'DMARC'),
    ],
  },
  {
    id: 'sender-infrastructure',
    category: 'sender-infrastructure',
    title: 'sending host not acceptable',
    causes: ['No PTR record (or one not resolving back), a bad HELO name, or a dynamic IP.'],
    steps: ['Set a PTR record that resolves back to the IP; use that name in HELO.'],
  },
  {
    id: 'sender-rejected',
    category: 'sender-rejected',
    title: 'sender address rejected',
    causes: ['The MAIL FROM address or domain is refused (no DNS, blocked, not allowed).'],
    steps: ['Use a sender address on a domain with valid DNS that you may send for.'],
  },
  {
    id: 'relay-denied',
    category: 'relay-denied',
    title: 'relaying denied',
    causes: ['Our relay lacks authentication, or the domain’s MX points at a server that does not host it.'],
    steps: [
      'If it is our relay: authenticate or allow the sending IP. If it is the destination’s MX: the recipient domain’s mail routing is broken; tell them.',
    ],
  },
  {
    id: 'client-auth',
    category: 'client-auth',
    title: 'SMTP login failed',
    causes: ['The relay or ESP refused the credentials, or requires authentication that was not given.'],
    steps: [
      'Check the SMTP user name, password or API key and the authentication method; a temporary 454 failure can be retried.',
    ],
    links: [rfc(4954, 'SMTP Service Extension for Authentication')],
  },
  {
    id: 'account-limit',
    category: 'account-limit',
    title: 'sending account limit reached',
    causes: [
      'Our provider account hit a sending quota or rate that resets (daily limit, maximum send rate).',
    ],
    steps: ['Wait for the window to reset, or raise the account’s limit with the provider.'],
  },
  {
    id: 'account-issue',
    category: 'account-issue',
    title: 'sending account not allowed to send',
    causes: [
      'The API key is wrong, the sender or domain is not verified, or the account is suspended, in a sandbox or pending review.',
    ],
    steps: [
      'Fix the account with the email provider (verify the domain or sender, check the key, leave the sandbox).',
    ],
  },
  {
    id: 'suppressed',
    category: 'suppressed',
    title: 'recipient on the provider’s suppression list',
    causes: [
      'The provider did not even try: the address bounced or complained before and is on its suppression list.',
    ],
    steps: [
      'Keep the address suppressed; remove it from the provider’s list only if you are sure it is valid again.',
    ],
  },
  {
    id: 'spam-content',
    category: 'spam-content',
    title: 'content judged as spam',
    causes: [
      'The receiving filter scored the content as spam: wording, links (possibly a URL on a domain block list), attachments or formatting.',
    ],
    steps: [
      'Change the content: check every linked domain against URL block lists, remove URL shorteners, and test with a spam filter.',
    ],
  },
  {
    id: 'virus',
    category: 'virus',
    title: 'virus or prohibited attachment',
    causes: [
      'A virus scanner flagged the message, or an attachment type is prohibited (executables, macros).',
    ],
    steps: ['Remove or replace the attachment (send a link instead) and scan the sending system.'],
  },
  {
    id: 'message-too-large',
    category: 'message-too-large',
    title: 'message too large',
    causes: [
      'The message (after encoding, about 4/3 of the attachment size) exceeds the receiver’s size limit.',
    ],
    steps: ['Send large files as links, or shrink the attachments.'],
  },
  {
    id: 'message-format',
    category: 'message-format',
    title: 'malformed message',
    causes: [
      'The message breaks RFC 5322 / MIME rules: missing or duplicate headers, a bad Message-ID, 8-bit headers, bare LF, lines over 998 octets.',
    ],
    steps: ['Fix the message generator; retrying the same message will fail again.'],
    links: [rfc(5322, 'Internet Message Format')],
  },
  {
    id: 'protocol',
    category: 'protocol',
    title: 'SMTP protocol error',
    causes: [
      'A command syntax or sequence error in the SMTP session. A follow-on error ("RCPT first", "no valid recipients") is not the cause: look at the first failing reply of the transaction.',
    ],
    steps: ['Fix the SMTP client or find the earlier failing reply.'],
    links: [rfc(5321, 'Simple Mail Transfer Protocol')],
  },
  {
    id: 'policy',
    category: 'policy',
    title: 'rejected by local policy',
    causes: [
      'The receiving server rejected the message by a local policy the reply does not explain further.',
    ],
    steps: [
      'Read the reply text and the receiver’s postmaster page; if nothing explains it, ask their postmaster.',
    ],
  },
  {
    id: 'expired',
    category: 'expired',
    title: 'delivery gave up (expired)',
    causes: [
      'Every attempt failed until the queue lifetime ran out; the last underlying cause is what needs fixing.',
    ],
    steps: ['Look at the last reply before expiry and treat that cause.'],
  },
  {
    id: 'unknown',
    category: 'unknown',
    title: 'not determined',
    causes: ['The reply did not match any known wording or code.'],
    steps: ['Read the reply text; if it repeats, add a custom rule for it.'],
  },
];
