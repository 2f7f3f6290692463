// Microsoft (Outlook.com, Hotmail, Exchange Online Protection). Codes from "Email non-delivery
// reports and SMTP errors in Exchange Online" (learn.microsoft.com/exchange/mail-flow-best-practices/
// non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online) and the
// Outlook.com postmaster pages (sendersupport.olc.protection.outlook.com/pm/troubleshooting).
import type { Rule } from '../rule';

const ndr =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const olc = 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx';

/** `X.7.<from>` … `X.7.<to>` for the given classes: Microsoft numbers its families in ranges. */
function family(classes: readonly (4 | 5)[], subject: number, from: number, to: number): string[] {
  const codes: string[] = [];
  for (const digit of classes)
    for (let detail = from; detail <= to; detail++) codes.push(`${digit}.${subject}.${detail}`);
  return codes;
}

export const microsoftRules: readonly Rule[] = [
  {
    // PRX1…PRX8 mark Exchange's front-end transport proxy: it accepted the connection but could not
    // hand the message to a back-end (mailbox) server of the recipient's organization — their side,
    // usually brief (a server restarting, or DNS inside their Exchange failing), so retry.
    id: 'microsoft:proxy-prx',
    category: 'server-error',
    provider: 'microsoft',
    phrases: ['try again later. prx', 'try again later prx'],
    unless: ['resource forest'],
    summary:
      "The recipient's Exchange front-end proxy (PRX) could not pass the message to their mailbox server; a temporary fault on their side.",
    example: '451 4.7.0 Temporary server error. Please try again later. PRX2.',
    source:
      'https://smtpfieldmanual.com/spamfilter/exchangeonline (observed PRX2/PRX4/PRX5 replies); Exchange front-end transport proxy',
  },
  {
    id: 'microsoft:proxy-connections',
    category: 'rate-limited',
    provider: 'microsoft',
    phrases: ['concurrent connections per resource forest'],
    example:
      '421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. PRX8',
    source: 'https://smtpfieldmanual.com/spamfilter/exchangeonline (observed PRX8 reply)',
  },
  {
    // per-recipient receive limits: this mailbox, not the whole destination, is being throttled
    id: 'microsoft:recipient-receive-limit',
    category: 'rate-limited',
    provider: 'microsoft',
    enhanced: ['X.2.121', 'X.2.122'],
    scope: 'recipient',
    reason: 'docs/taxonomy.md decision 4: per-recipient limits are the recipient’s',
    example: "554 5.2.121 Recipient's per hour message receive limit from specific sender exceeded",
    source: `${ndr} (5.2.121, 5.2.122)`,
  },
  {
    // The recipient domain is an accepted domain of a Microsoft 365 tenant with no Exchange Online
    // licence (no mail-enabled subscription): Microsoft has no mailbox to deliver to. Not our
    // authentication — "unauthenticated" only says the mail came from the internet, not a connector.
    id: 'microsoft:unlicensed-tenant',
    category: 'routing',
    provider: 'microsoft',
    phrases: ['no mail-enabled subscriptions'],
    summary:
      "The recipient's domain sits in a Microsoft 365 tenant without Exchange Online mailboxes; only its administrator can fix this.",
    example:
      '451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions.',
    source: `${ndr} (4.4.4); go-sisimai rhost/for-microsoft.go lists it under "not accept"`,
  },
  {
    id: 'microsoft:recipient-not-found',
    category: 'mailbox-unknown',
    provider: 'microsoft',
    phrases: [
      'resolver.adr.recipientnotfound',
      'resolver.adr.recipnotfound',
      'recipient not found by smtp address lookup',
    ],
    example: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    source: `${ndr} (5.1.10)`,
  },
  {
    // docs/taxonomy.md: 5.4.1 "Recipient address rejected: Access denied" is a recipient that does not exist in the tenant
    // (5.7.504 is the same text: "The recipient address that you're attempting to contact isn't valid")
    id: 'microsoft:tenant-recipient-access-denied',
    category: 'mailbox-unknown',
    provider: 'microsoft',
    enhanced: ['5.4.1', '5.7.504'],
    phrases: ['recipient address rejected: access denied', 'recipient addresses rejected : access denied'],
    example:
      '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM12FT065.eop-nam12.prod.protection.outlook.com]',
    source: `${ndr} (5.4.1)`,
  },
  {
    id: 'microsoft:restricted-recipient',
    category: 'blocked-by-recipient',
    provider: 'microsoft',
    phrases: [
      'resolver.rst.authrequired',
      'resolver.rst.notauthorized',
      'resolver.rst.sendernotauthenticated',
      'rejected by recipient',
    ],
    example: '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required',
    source: `${ndr} (5.7.1, 5.7.133–5.7.136)`,
  },
  {
    id: 'microsoft:size-limit',
    category: 'message-too-large',
    provider: 'microsoft',
    phrases: ['recipsizelimit'],
    example: '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
    source: `${ndr} (5.2.3)`,
  },
  {
    id: 'microsoft:recipient-thread-limit',
    category: 'rate-limited',
    provider: 'microsoft',
    phrases: ['recipient thread limit'],
    scope: 'recipient',
    reason: 'too many concurrent deliveries to one mailbox (docs/taxonomy.md#decision-4)',
    example: '432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded',
    source: ndr,
  },
  {
    // STOREDRV.ClientSubmit is our own mailbox submitting through Microsoft 365: its limits are our account's
    id: 'microsoft:submission-thread-limit',
    category: 'rate-limited',
    provider: 'microsoft',
    phrases: ['sender thread limit'],
    scope: 'provider',
    reason:
      'too many concurrent submissions from our own Microsoft 365 mailbox (docs/taxonomy.md#decision-4)',
    example: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded',
    source: ndr,
  },
  {
    // Exchange Online refusing to send from our tenant because it judged our outbound mail spam
    id: 'microsoft:outbound-spam',
    category: 'account-issue',
    provider: 'microsoft',
    phrases: ['outboundspamexception'],
    example:
      '554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception',
    source: `${ndr}; docs/taxonomy.md#decision-13`,
  },
  {
    id: 'microsoft:tenant-block-list',
    category: 'policy',
    provider: 'microsoft',
    phrases: ['tenant allow block list'],
    scope: 'provider',
    changeRequired: true,
    reason:
      "our own tenant's block list refuses the recipient (docs/taxonomy.md#decision-4): an admin must change it",
    example:
      "550 5.7.703 Your message can't be delivered because messages to <recipients> are blocked by your organization using Tenant Allow Block List.",
    source: `${ndr} (5.7.703)`,
  },
  {
    id: 'microsoft:tenant-threshold',
    category: 'account-issue',
    provider: 'microsoft',
    phrases: [
      'tenant has exceeded threshold',
      'unregistered domains',
      'bad outbound sender',
      'client blocked from sending',
      'sendasdenied',
      'permissions to send as',
      'not allowed to send as',
    ],
    example: '550 5.7.705 Access denied, tenant has exceeded threshold.',
    source: `${ndr} (5.7.700–5.7.750, 5.1.8)`,
  },
  {
    id: 'microsoft:ip-not-accepted',
    category: 'reputation',
    provider: 'microsoft',
    phrases: ['traffic not accepted from this ip'],
    permanence: 'permanent',
    changeRequired: true,
    reason: 'Microsoft 5.7.708: the IP is refused until its reputation is repaired',
    example: '550 5.7.708 Access denied, traffic not accepted from this IP.',
    source: `${ndr} (5.7.708)`,
  },
  {
    id: 'microsoft:bad-helo',
    category: 'sender-infrastructure',
    provider: 'microsoft',
    phrases: ['access denied, bad helo', 'does not accept email over ipv'],
    example: '550 5.7.506 Access denied, Bad HELO',
    source: `${ndr} (5.7.506, 5.7.510)`,
  },
  {
    id: 'microsoft:banned-sender',
    category: 'blocklisted',
    provider: 'microsoft',
    blocklist: 'microsoft',
    phrases: ['banned sending ip', 'banned sender'],
    // 5.7.502/5.7.503 say "banned sender" of our Microsoft 365 account (microsoft:account-banned)
    notEnhanced: ['5.7.502', '5.7.503'],
    example: '550 5.7.511 Access denied, banned sender [192.0.2.1].',
    source: `${ndr} (5.7.511, 5.7.606–5.7.649); docs/taxonomy.md#decision-6`,
  },
  {
    // 5.7.606–5.7.649: "banned sending IP": delisting through sender.office.com (docs/retry.md §6)
    id: 'microsoft:banned-ip-family',
    category: 'blocklisted',
    provider: 'microsoft',
    blocklist: 'microsoft',
    enhanced: family([5], 7, 606, 649),
    example: '550 5.7.612 Access denied',
    source: `${ndr} (5.7.606–5.7.649); docs/taxonomy.md#decision-6`,
  },
  {
    // 4.7.500–4.7.699: "Access denied, please try again later" — throttling for IP reputation (4.7.650)
    id: 'microsoft:throttle-family',
    category: 'reputation',
    provider: 'microsoft',
    enhanced: [...family([4], 7, 500, 699), ...family([4], 7, 850, 899)],
    // 4.7.652 (S3115) is a pure connection cap: the generic text rule makes it a rate limit
    unless: ['number of connections'],
    example:
      '451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation.',
    source: `${ndr} (4.7.500–4.7.699)`,
  },
  {
    // Microsoft: "the sending account has been banned due to detected spam activity" — our own
    // Microsoft 365 account, returned to its sender by Exchange Online (docs/taxonomy.md#decision-13)
    id: 'microsoft:account-banned',
    category: 'account-issue',
    provider: 'microsoft',
    enhanced: ['5.7.501', '5.7.502', '5.7.503'],
    example: '550 5.7.501 Access denied, spam abuse detected.',
    source: `${ndr} (5.7.501–5.7.503)`,
  },
  {
    // 5.7.508: the sender's IPv6 range sent more than Microsoft permits
    id: 'microsoft:spam-abuse',
    category: 'reputation',
    provider: 'microsoft',
    enhanced: ['5.7.508'],
    example: '550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within /64 range',
    source: `${ndr} (5.7.508)`,
  },
  {
    // 5.7.133–5.7.136: the group, mailbox, public folder or mail user accepts only internal senders
    id: 'microsoft:customer-block',
    category: 'blocked-by-recipient',
    provider: 'microsoft',
    enhanced: ['5.7.507', '5.7.513', ...family([5], 7, 133, 136)],
    example:
      '550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.com using Customer Block list (AS16012607)',
    source: `${ndr} (5.7.507, 5.7.513, 5.7.133–5.7.136)`,
  },
  {
    // 5.7.321–5.7.325: Exchange Online's DANE / DNSSEC checks of the destination failed (the DANE result
    // token leads the text: certificate-expired, tlsa-invalid, dnssec-invalid, certificate-host-mismatch)
    id: 'microsoft:dane-family',
    category: 'tls-failure',
    provider: 'microsoft',
    enhanced: family([4, 5], 7, 321, 325),
    example: "550 5.7.322 certificate-expired: Destination mail server's certificate is expired.",
    source: `${ndr} (5.7.321–5.7.325)`,
  },
  {
    id: 'microsoft:anonymous-relay',
    category: 'client-auth',
    provider: 'microsoft',
    enhanced: ['5.7.57', '5.7.60'],
    example: '530 5.7.57 Client not authenticated to send mail during MAIL FROM',
    source: `${ndr} (5.7.57, 5.7.60)`,
  },
  {
    id: 'microsoft:relay-tenant',
    category: 'relay-denied',
    provider: 'microsoft',
    enhanced: ['5.7.64'],
    scope: 'sender',
    changeRequired: true,
    reason: 'TenantAttribution: our own connector set-up does not let us relay',
    example: '550 5.7.64 TenantAttribution; Relay Access Denied',
    source: `${ndr} (5.7.64)`,
  },
  {
    id: 'microsoft:daily-recipient-limit',
    category: 'account-limit',
    provider: 'microsoft',
    phrases: ['daily limit for message recipients', 'recipientrate', 'senderrate'],
    example:
      "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients.",
    source: `${ndr} (5.1.90, 5.2.121, 5.2.122)`,
  },
  {
    id: 'microsoft:olc-rate',
    category: 'rate-limited',
    provider: 'microsoft',
    phrases: [' rp-001', ' rp-002', ' rp-003'],
    example:
      "421 RP-001 (BAY0-MC1-F21) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.",
    source: olc,
  },
  {
    id: 'microsoft:olc-dynamic',
    category: 'sender-infrastructure',
    provider: 'microsoft',
    phrases: [' dy-001', ' dy-002', ' ou-002'],
    example:
      "550 DY-001 (SNT004-MC1F43) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.",
    source: olc,
  },
  {
    id: 'microsoft:olc-reputation',
    category: 'reputation',
    provider: 'microsoft',
    phrases: [' sc-001', ' sc-002', ' sc-003', ' sc-004', ' ou-001'],
    example:
      "550 OU-001 (SNT004-MC4F43) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider.",
    source: olc,
  },
];
