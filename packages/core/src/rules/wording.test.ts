import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';

// Replies worded the way each provider and MTA words them (documentation pages, common variants),
// beyond the labelled corpus: the rules must capture the wording, not the corpus samples.
const cases: readonly [string, string][] = [
  [
    '421-4.7.0 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp',
    'reputation',
  ],
  [
    '550-5.7.1 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked. - gsmtp',
    'reputation',
  ],
  [
    '452-4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp',
    'mailbox-full',
  ],
  [
    '550-5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [example.com] does not pass with ip: [192.0.2.1]. - gsmtp',
    'authentication',
  ],
  ['421-4.7.0 TLS required for RCPT domain, closing connection. - gsmtp', 'tls-failure'],
  [
    '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. - gsmtp',
    'policy',
  ],
  ['552-5.7.0 Our system detected an illegal attachment on your message. - gsmtp', 'virus'],
  [
    '450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. - gsmtp',
    'rate-limited',
  ],
  [
    '550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions.',
    'blocklisted',
  ],
  ['451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714)', 'reputation'],
  [
    '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]',
    'mailbox-unknown',
  ],
  ['554 5.2.252 SendAsDenied; user@example.com not allowed to send as other@example.com', 'account-issue'],
  ['550 5.7.520 Access denied, Your organization does not allow external forwarding.', 'policy'],
  [
    '421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel',
    'rate-limited',
  ],
  [
    '550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS3130)',
    'blocklisted',
  ],
  ['550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)', 'mailbox-unknown'],
  ['421 4.7.0 [TSS11] Excessive unknown recipients - possible Open Relay', 'reputation'],
  [
    '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes',
    'reputation',
  ],
  ['554 30 Sorry, your message size exceeds 41943040 bytes.', 'message-too-large'],
  ['552 1 Requested mail action aborted, mailbox not found', 'mailbox-unknown'],
  [
    '553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html',
    'blocklisted',
  ],
  [
    '421 4.7.1 [TS03] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.',
    'reputation',
  ],
  [
    '554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    'policy',
  ],
  ['552 5.2.2 <user@icloud.com>: user is over quota', 'mailbox-full'],
  [
    '554 resimta-h1p-028482.sys.comcast.net comcast 192.0.2.1 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000',
    'blocklisted',
  ],
  [
    '421 resimta-po-23v.sys.comcast.net comcast 192.0.2.1 Too many sessions opened from this IP RL000001',
    'rate-limited',
  ],
  ['550 5.1.1 <user@comcast.net> Not our Customer', 'mailbox-unknown'],
  ['554 IB212 This message has been blocked. Please review our policy', 'policy'],
  [
    '550 Mailbox unavailable or access denied [MID:AAAA] http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728',
    'mailbox-unknown',
  ],
  ['550 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.', 'spam-content'],
  ['550 5.4.6 Unusual sending activity detected. Please try after sometime.', 'account-issue'],
  [
    '554-gmx.net (mxgmx016) Nemesis ESMTP Service not available\n554-No SMTP service\n554-Bad DNS PTR resource record.\n554 For explanation visit https://postmaster.gmx.net/en/case?c=r0101',
    'sender-infrastructure',
  ],
  [
    '554-web.de (mxweb111) Nemesis ESMTP Service not available\n554-No SMTP service\n554-Reject due to policy restrictions.\n554 For explanation visit https://postmaster.web.de/en/case?c=r0201',
    'policy',
  ],
  ['550 spam message rejected. Please visit http://help.mail.ru/notspam-support/id?c=abc', 'spam-content'],
  [
    '550 Message was not accepted -- invalid mailbox. Local mailbox user@mail.ru is unavailable: user not found',
    'mailbox-unknown',
  ],
  ['451 4.7.1 Greylisting in action, please come back in 00:05:00', 'greylisted'],
  [
    '450 4.2.0 <user@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html',
    'greylisted',
  ],
  ['550 5.7.1 Rejected by header based Anti-Spoofing policy', 'policy'],
  [
    "554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means.",
    'reputation',
  ],
  ['550 #5.1.0 Address rejected.', 'mailbox-unknown'],
  [
    '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.1',
    'blocklisted',
  ],
  ['550 5.7.1 Service unavailable; client [192.0.2.1] blocked using bl.spamcop.net', 'blocklisted'],
  [
    '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dnsbl-1.uceprotect.net; IP 192.0.2.1 is UCEPROTECT-Level 1 listed.',
    'blocklisted',
  ],
  [
    '550 5.7.1 <user@example.org>: Recipient address rejected: Message rejected due to: SPF fail - not authorized.',
    'authentication',
  ],
  ['550 5.7.23 The message was rejected because of Sender Policy Framework violation', 'authentication'],
  ['554 5.7.5 Permanent error evaluating DMARC policy', 'authentication'],
  ['550 5.7.1 Relaying denied', 'relay-denied'],
  ['550 Insecure Mail Relay', 'relay-denied'],
  [
    '550-REJECTED - Blacklisted URL in message. (example.com) in [black]. See http://lookup.uribl.com.',
    'spam-content',
  ],
  ['mx.example.net: host name lookup failure', 'dns-failure'],
  ['530 5.7.0 Must issue a STARTTLS command first', 'tls-failure'],
  ['535 5.7.8 Error: authentication failed: authentication failure', 'client-auth'],
  ['454 4.7.0 Temporary authentication failure', 'client-auth'],
  ['452 4.5.3 Too many recipients', 'transaction-limit'],
  ['421 4.7.0 Too many connections from 192.0.2.1, please try again later', 'rate-limited'],
  ['450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]', 'sender-infrastructure'],
  ['504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', 'sender-infrastructure'],
  ['550 5.7.1 Message contains a virus (Eicar-Test-Signature)', 'virus'],
  ['554 5.7.0 Reject, id=12345 - spam', 'spam-content'],
  ['550 High probability of spam', 'spam-content'],
  ['552 5.3.4 Message too big for system', 'message-too-large'],
  ['550 5.1.2 Host unknown (Name server: example.invalid: host not found)', 'domain-invalid'],
  ['550 5.1.6 Recipient has moved; please try newaddress@example.org', 'recipient-moved'],
  ['421 4.4.2 mx.example.org Error: timeout exceeded', 'network'],
  ['451 4.3.5 Server configuration problem', 'server-error'],
  ['452 4.3.1 Insufficient system storage', 'server-busy'],
  ['550 5.2.1 Mailbox disabled, not accepting messages', 'mailbox-disabled'],
  ['550 5.1.1 Recipient address rejected: User unknown in relay recipient table', 'mailbox-unknown'],
  ['550 Requested action not taken: mailbox unavailable', 'mailbox-unknown'],
  ['550 5.7.1 Your message was rejected by this user and was not delivered.', 'blocked-by-recipient'],
  ['550 Sender verify failed', 'sender-rejected'],
  [
    '553 5.1.8 <sender@nonexistent.example>... Domain of sender address sender@nonexistent.example does not exist',
    'sender-rejected',
  ],
  [
    "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).",
    'blocklisted',
  ],
  [
    "550 OU-002 (COL004-MC1F27) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.",
    'sender-infrastructure',
  ],
  [
    "421 RP-001 (COL004-MC1F13) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.",
    'rate-limited',
  ],
  ['550 5.7.0 Local Policy Violation', 'policy'],
  ['451 Temporary local problem - please try later', 'server-error'],
  ['421 Too many concurrent SMTP connections; please try again later.', 'rate-limited'],
  ['550 Administrative prohibition', 'policy'],
  ['550 5.7.1 Delivery not authorized, message refused', 'policy'],
  ['550 Mailbox quota usage exceeded', 'mailbox-full'],
  ['552 Requested mail action aborted: exceeded storage allocation', 'mailbox-full'],
  ['550 5.1.1 <user@orange.fr>: Recipient address rejected: orange.fr', 'mailbox-unknown'],
  [
    '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    'rate-limited',
  ],
  ['554 Refus de message, pourriel', 'spam-content'],
  ['550 5.7.1 Nachricht wurde als Spam erkannt', 'spam-content'],
  ['550 Benutzer nicht gefunden', 'mailbox-unknown'],
  ['452 Das Postfach ist voll', 'mailbox-full'],
  ['550 5.1.1 Adresse inexistante', 'mailbox-unknown'],
  ['550 Mailbox is full / Blocks limit exceeded / Inode limit exceeded', 'mailbox-full'],
  ['554 5.7.1 Rejected: content filter', 'spam-content'],
  ['550 5.7.27 SPF check failed for sender domain example.com', 'authentication'],
  [
    '421 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address.',
    'reputation',
  ],
];

describe('provider and MTA wording', () => {
  it.each(cases)('%s', (reply, category) => {
    expect(classify(reply).category).toBe(category);
  });
});

// Category (alternatives separated by |), permanence and scope; * = any.
const verdicts: readonly [string, string, string, string][] = [
  [
    '450 4.1.1 <user@example.org>: Recipient address rejected: unverified address: Connection timed out',
    'mailbox-unknown|network',
    'transient',
    '*',
  ],
  [
    '450 4.7.1 <user@example.org>: Recipient address rejected: Policy Rejection- Abuse. Go away',
    'policy',
    'transient',
    'destination',
  ],
  [
    '421 4.7.0 [GL01] Message from (192.0.2.1) temporarily deferred - 4.16.50. Please refer to http://postmaster.yahoo.com/errors/postmaster-21.html',
    'reputation',
    'transient',
    'sender',
  ],
  [
    '554 5.7.9 Message not accepted for policy reasons.  See https://help.yahoo.com/kb/postmaster/SLN7253.html',
    'policy',
    'permanent',
    'destination',
  ],
  [
    '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    'reputation',
    'transient',
    'sender',
  ],
  ['550 5.2.2 mailbox full', 'mailbox-full', 'transient', 'recipient'],
  [
    '552 5.2.2 The email account that you tried to reach is over quota. - gsmtp',
    'mailbox-full',
    'transient',
    'recipient',
  ],
  [
    '550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 The message was rejected because it contains prohibited virus or spam content',
    'spam-content|virus',
    'permanent',
    'message',
  ],
  [
    '550 5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address. - gsmtp',
    'reputation',
    'permanent',
    'sender',
  ],
  [
    '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address. - gsmtp',
    'reputation',
    'transient',
    'sender',
  ],
  ['550 5.7.1 Message rejected due to content restrictions', 'policy|spam-content', 'permanent', '*'],
  ['421 4.7.1 Intrusion prevention active for [192.0.2.1]', '*', 'transient', '*'],
  ['550 5.7.0 Mail from this IP address is banned', 'reputation', 'permanent', 'sender'],
  // docs/taxonomy.md#decision-11: the refusal names our client host, so it is ours to change
  ['554 5.7.1 Client host rejected: Access denied', 'policy', 'permanent', 'sender'],
  ['550 5.7.1 Client host [192.0.2.1] blocked by local policy', 'policy', 'permanent', 'sender'],
  ['421 4.7.0 Your IP 192.0.2.1 is not allowed to connect', 'policy', 'transient', 'sender'],
  ['554 5.7.1 Rejected, your IP is listed', 'blocklisted', 'permanent', 'sender'],
  [
    '550 5.7.1 Email rejected because 192.0.2.1 is listed by sbl.example.net',
    'blocklisted',
    'permanent',
    'sender',
  ],
  // …but "contact your domain administrator" names the reader, and a recipient's policy stays theirs
  [
    '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. Please contact your domain administrator for further details.',
    'policy|blocked-by-recipient',
    'permanent',
    'destination',
  ],
  [
    '554 5.7.1 <user@example.org>: Recipient address rejected: Access denied',
    'policy',
    'permanent',
    'destination',
  ],
  // docs/taxonomy.md#decision-12: Postfix's malformed DNS answer, bounced (5.4.4) or deferred (4.4.3)
  [
    'Name service error for name=example.org type=MX: Malformed or unexpected name server reply',
    'dns-failure',
    'permanent',
    'destination',
  ],
  [
    '451 4.4.3 Name service error for name=example.org type=MX: Malformed or unexpected name server reply',
    'dns-failure',
    'transient',
    'destination',
  ],
  ['550 Host blocked due to spam', 'reputation', 'permanent', 'sender'],
  ['550 5.7.1 Sender not allowed', 'sender-rejected', 'permanent', 'sender'],
  ['550 5.7.1 MAIL FROM domain is not allowed', 'sender-rejected', 'permanent', 'sender'],
  [
    '550 5.7.1 Sender is not authorized to send to this group',
    'policy|blocked-by-recipient',
    'permanent',
    '*',
  ],
  ['554 5.7.1 Your EHLO hostname is not allowed', 'sender-infrastructure', 'permanent', 'sender'],
  ['550 5.7.1 Your account is not allowed to send email', 'account-issue', 'permanent', 'provider'],
  [
    '554 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded.',
    'account-limit',
    'transient',
    'provider',
  ],
  // RFC 5321 §4.2.3: 553 names the address syntax; a mailbox not known to be missing is not suppressed
  ['553 Requested action not taken: mailbox name not allowed', 'mailbox-unknown', 'permanent', 'recipient'],
  [
    '504 5.5.2 <user>: Recipient address rejected: need fully-qualified address',
    'mailbox-unknown',
    'permanent',
    'recipient',
  ],
  // sendmail's "Remote protocol error" is the remote server's fault
  ['554 <user@example.org>... Remote protocol error', 'server-error', 'permanent', 'destination'],
  // docs/taxonomy.md#decision-13: Microsoft bans our own sending account
  ['550 5.7.501 Access denied, spam abuse detected.', 'account-issue', 'permanent', 'provider'],
  ['550 5.7.503 Access denied, banned sender', 'account-issue', 'permanent', 'provider'],
  ['450 4.3.2 Service currently unavailable', 'server-busy', 'transient', 'destination'],
  ['451 4.4.1 No answer from host', 'network', 'transient', 'destination'],
  ['550 4.4.7 Message expired', 'expired', 'permanent', 'destination'],
  ['550 5.4.300 Message expired', 'expired', 'permanent', 'destination'],
  [
    '554 5.4.4 [internal] no MXs for this domain could be reached at this time',
    'routing|domain-invalid',
    'permanent',
    '*',
  ],
  ['550 5.1.2 [example.invalid]: Domain not found', 'domain-invalid', 'permanent', 'recipient'],
  [
    '450 4.1.2 <user@example.invalid>: Recipient address rejected: Domain not found',
    'domain-invalid',
    'transient',
    'recipient',
  ],
  [
    '553 5.1.3 The recipient address <user at example.org> is not a valid RFC 5321 address.',
    'mailbox-unknown',
    'permanent',
    'recipient',
  ],
  [
    "550 5.7.1 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.",
    'authentication',
    'permanent',
    'sender',
  ],
  ['421 4.7.0 Temporary System Problem.  Try again later (10).', 'server-error', 'transient', 'destination'],
  ['550 5.7.1 Mail refused - IP blacklisted', 'blocklisted|reputation', 'permanent', 'sender'],
  [
    '554 5.7.1 This message has been blocked because it contains a banned attachment',
    'virus',
    'permanent',
    'message',
  ],
  ['550 Rejected by SpamAssassin', 'spam-content', 'permanent', 'message'],
  ['451 Could not complete sender verify callout', 'sender-rejected', 'transient', 'sender'],
  ['421 Too many messages from your IP address, try again later', 'rate-limited', 'transient', 'destination'],
  [
    '550 5.7.1 Recipient mailbox is not allowed to receive mail from you',
    'blocked-by-recipient|policy',
    'permanent',
    '*',
  ],
  [
    '550 5.1.1 <user@example.org>: Recipient address rejected: undeliverable address: host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown',
    'mailbox-unknown',
    'permanent',
    'recipient',
  ],
  ['550 5.0.0 <user@example.org>... User unknown', 'mailbox-unknown', 'permanent', 'recipient'],
  ['554 5.0.0 Service unavailable', 'server-busy', 'transient', 'destination'],
  ['550 Message rejected: Sending paused for this account.', 'account-issue', 'permanent', 'provider'],
  ['554 Message rejected: Sending suspended for this account.', 'account-issue', 'permanent', 'provider'],
  ['454 Throttling failure: Maximum sending rate exceeded.', 'account-limit', 'transient', 'provider'],
  ['454 Throttling failure: Daily message quota exceeded.', 'account-limit', 'transient', 'provider'],
  // round 2026-12-06c: wordings of the development half's misses, each said another way
  ['450 Requested mail action not taken: mailbox unavailable', 'deferred', 'transient', 'destination'],
  ['550 <user@example.org>: account inactive', 'mailbox-disabled', 'permanent', 'recipient'],
  ['550 Inactive user: user@example.org', 'mailbox-disabled', 'permanent', 'recipient'],
  ['550 user@example.org is now disabled', 'mailbox-disabled', 'permanent', 'recipient'],
  ['550 <user@example.org>: status is locked', 'mailbox-disabled', 'permanent', 'recipient'],
  ['550 user@example.org: user not exist', 'mailbox-unknown', 'permanent', 'recipient'],
  ['550 5.1.1 The recipient address no longer exists', 'mailbox-unknown', 'permanent', 'recipient'],
  ['452 user storage full, try again later', 'mailbox-full', 'transient', 'recipient'],
  ['552 Quota exceed: user@example.org', 'mailbox-full', 'transient', 'recipient'],
  ['550 mailbox of user@example.org is full', 'mailbox-full', 'transient', 'recipient'],
  [
    'cannot update mailbox /var/mail/user for user user. error writing message: File too large',
    'mailbox-full',
    'transient',
    'recipient',
  ],
  ['452 4.3.1 Mail system queue is full', 'server-busy', 'transient', 'destination'],
  ['550 relaying to <user@example.org> denied', 'relay-denied', 'permanent', 'destination'],
  ['553 Possible forgery (#5.7.1)', 'policy', 'permanent', 'destination'],
  ['550 Mail without To: field rejected', 'message-format', 'permanent', 'message'],
  ['550 Sender email user@example.com not allowed here', 'sender-rejected', 'permanent', 'sender'],
  ['550 verify mailfrom failed', 'sender-rejected', 'permanent', 'sender'],
  ['550 MAIL FROM is mismatched with message header from', 'authentication', 'permanent', 'sender'],
  ['554 Rejected as junk mail', 'spam-content', 'permanent', 'message'],
  ['550 No permit for this sender', 'policy', 'permanent', 'destination'],
  ['550 recipient rejected', 'mailbox-unknown', 'permanent', 'recipient'],
  [
    '550 Ambiguous recipient: several matches found in the directory',
    'server-error',
    'permanent',
    'destination',
  ],
];

describe('permanence and scope of real-world wording', () => {
  it.each(verdicts)('%s', (reply, category, permanence, scope) => {
    const verdict = classify(reply);
    if (category !== '*') expect(category.split('|')).toContain(verdict.category);
    if (permanence !== '*') expect(verdict.permanence).toBe(permanence);
    if (scope !== '*') expect(verdict.scope).toBe(scope);
  });
});

// Replies as worded in Google's SMTP error reference and Microsoft's Exchange Online NDR table.
const documented: readonly [string, string][] = [
  ['421 4.7.0 IP not in whitelist for RCPT domain, closing connection.', 'policy'],
  [
    '452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.',
    'transaction-limit',
  ],
  ['454 4.7.0 Cannot authenticate due to temporary system problem. Try again later.', 'client-auth'],
  ['454 5.5.1 STARTTLS may not be repeated.', 'protocol'],
  ['501 5.5.4 HELO/EHLO argument is invalid.', 'sender-infrastructure'],
  ['502 5.5.1 Unimplemented command.', 'protocol'],
  ['503 5.5.1 EHLO/HELO first.', 'protocol'],
  ['504 5.7.4 Unrecognized authentication type.', 'client-auth'],
  ['534 5.7.9 Application-specific password required.', 'client-auth'],
  ['534 5.7.14 Please log in with your web browser and then try again.', 'client-auth'],
  ['550 5.7.1 Email quota exceeded.', 'account-limit'],
  ['550 5.7.1 Daily SMTP relay limit exceeded for user.', 'account-limit'],
  [
    "553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors.",
    'domain-invalid',
  ],
  ['554 5.6.0 Mail message is malformed. Not accepted.', 'message-format'],
  ['554 5.7.0 Too many unauthenticated commands.', 'protocol'],
  ['450 4.2.1 Peak SMTP relay limit exceeded for customer.', 'account-limit'],
  ['451 4.4.7 Message delayed', 'deferred'],
  ['550 5.1.0 Sender denied', 'sender-rejected'],
  ['550 5.7.12 The sender was not authenticated by organization', 'blocked-by-recipient'],
  ['550 5.7.124 Sender not in allowed-senders list', 'blocked-by-recipient'],
  [
    '451 4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.',
    'tls-failure',
  ],
  ['550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds', 'message-format'],
  ['550 5.7.0 Mail relay denied', 'relay-denied'],
  ['550 5.4.5 Daily sending quota exceeded.', 'account-limit'],
];

describe('replies from provider error references', () => {
  it.each(documented)('%s', (reply, category) => {
    expect(classify(reply).category).toBe(category);
  });
});

// Held-out wording (not from replies.jsonl): each reply verbatim from the source named above it.
// Every case here failed before the rule change that now decides it.
const heldOut: readonly [string, string][] = [
  // sisimai set-of-emails lhost-postfix-79 (procmail as the local delivery program)
  [
    'procmail: Lock failure on "/var/virtmail/k/ij/it/kijitora/mailbox.lock" procmail: Error while writing to "/var/virtmail/k/ij/it/kijitora/mailbox"',
    'server-error',
  ],
  // sisimai set-of-emails lhost-dragonfly-27 (DragonFly Mail Agent)
  [
    '525 5.7.13 <neko-nyaan@example.org>: Recipient address rejected: Disabled recipient address',
    'mailbox-disabled',
  ],
  // sisimai set-of-emails lhost-imailserver-06 (Ipswitch IMail): a URL list without a name is content
  ['550-REJECTED - Blacklisted URL in message. (example.com) in [black].', 'spam-content'],
  // sisimai set-of-emails lhost-v5sendmail-05: the named cause is the network, not the protocol
  [
    '554 <kijitora@example.edu>... Remote protocol error: Connection reset by peer during result wait with example.edu',
    'network',
  ],
  // Google SMTP error reference (support.google.com/a/answer/3726730)
  [
    '550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.',
    'spam-content',
  ],
  [
    '550 5.7.0 Mail Sending denied. This error occurs if the sender account is disabled or not registered within your Google Workspace domain.',
    'account-issue',
  ],
  ['503 5.7.0 No identity changes permitted.', 'protocol'],
  ['535 5.5.4 Optional Argument not permitted for that AUTH mode.', 'protocol'],
  // Outlook.com / Hotmail (foxpa.ws and blog.radarhill.net quoting the live replies)
  [
    '550 SC-001 Mail rejected by Windows Live Hotmail for policy reasons. Reasons for rejection may be related to content with spam-like characteristics or IP/domain reputation problems.',
    'reputation',
  ],
  [
    "550 5.7.0 (BAY004-MC1F43) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.",
    'sender-infrastructure',
  ],
  // Tencent QQ: service.mail.qq.com/detail/122/57 and /122/66
  [
    '550 Suspected bounce attacks https://service.mail.qq.com/cgi-bin/help?id=20022&no=1001602&subtype=1',
    'reputation',
  ],
  ['550 Suspected spam ip', 'reputation'],
  // Yahoo (blog post "554 Message not allowed - Headers are not RFC compliant[291]")
  ['554 Message not allowed - Headers are not RFC compliant[291]', 'message-format'],
  // Mail.ru (Net::SMTPFatalError quoted in a list.ru application)
  [
    '550 Message was not accepted -- invalid mailbox.  Local mailbox user@list.ru is unavailable: user is terminated',
    'mailbox-disabled',
  ],
  // GoDaddy help "What does my email bounceback mean?" (as quoted in sisimai Rhost/GoDaddy.pm)
  [
    '550 jane@coolexample.com Blank From: addresses are not allowed. Provide a valid From. IB501',
    'message-format',
  ],
  [
    '550 jane@coolexample.com IP addresses are not allowed as a From: Address. Provide a valid From. IB502',
    'message-format',
  ],
  ['550 coolexample.com From: Domain is invalid. Provide a valid From: IB506', 'sender-rejected'],
  [
    '421 Connection refused, too many sessions from This IP. Lower the number of concurrent sessions. IB007',
    'rate-limited',
  ],
  [
    '554 Connection refused. This IP address is listed on the Exploits Block List (XBL). IB105',
    'blocklisted',
  ],
  ['554 Connection refused. This IP address is listed on the Policy Block List (PBL). IB106', 'blocklisted'],
  [
    "451 Sorry, I wasn't able to establish an SMTP connection. I'm not going to try again; this message has been in the queue too long.",
    'expired',
  ],
  // Orange / La Poste (sisimai Rhost/FrancePTT.pm code table)
  ['550 5.5.3 Mail from not owned by user. LPN105_421.', 'sender-rejected'],
  // Cox email error codes page: the documented wording in Cox's "cox.net cox …" reply frame
  ['552 cox.net cox attachment extension is forbidden', 'virus'],
  ['554 cox.net cox too many invalid recipients', 'reputation'],
  // typical German-provider bounces (sitepackage.de list: Web.de, Lycos, Domino)
  [
    '550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space.',
    'mailbox-full',
  ],
  [
    '550 Benutzer hat zuviele Mails auf dem Server. / User has too many messages on the server.',
    'mailbox-full',
  ],
  ['550 <user@lycos.com>: Recipient address rejected: Account Closed', 'mailbox-disabled'],
  ['User user@example.org not listed in Domino Directory', 'mailbox-unknown'],
  // Mimecast SMTP error codes page: code and text as documented, in Mimecast's "- <doc URL>" frame
  ['451 IP temporarily blacklisted - https://community.mimecast.com/docs/DOC-1369#451', 'rate-limited'],
  ['554 Maximum email size exceeded - https://community.mimecast.com/docs/DOC-1369#554', 'message-too-large'],
  [
    '553 This route requires encryption (TLS) - https://community.mimecast.com/docs/DOC-1369#553',
    'tls-failure',
  ],
  [
    '553 This route requires high-strength ciphers - https://community.mimecast.com/docs/DOC-1369#553',
    'tls-failure',
  ],
  [
    '451 Unable to process connection at this time - https://community.mimecast.com/docs/DOC-1369#451',
    'server-busy',
  ],
  // GoDaddy's documented IB108 / IB212 texts (sisimai Rhost/GoDaddy.pm) in the inbound frame of real
  // GoDaddy replies ("554 p3plibsmtp02-03.prod.phx3.secureserver.net bizsmtp IB103. Connection refused. …")
  [
    '421 p3plibsmtp01-11.prod.phx3.secureserver.net bizsmtp IB108. Temporarily rejected. Reverse DNS for this IP failed.',
    'sender-infrastructure',
  ],
  [
    '552 p3plibsmtp02-03.prod.phx3.secureserver.net bizsmtp IB212. This message has been rejected due to content judged to be spam by the internet community.',
    'spam-content',
  ],
  // Proofpoint (pphosted.com) rejecting MAIL FROM, Postfix bounce quoted at pastebin.com/ZZzdk8Vg
  ['553 5.1.8 Domain of sender address does not exist', 'sender-rejected'],
  // Outlook.com / Exchange Online 4.7.652 (S3115), as logged by several senders (e.g. Sweego bounce tests)
  [
    '451 4.7.652 The mail server [192.0.2.1] has exceeded the maximum number of connections. (S3115)',
    'rate-limited',
  ],
  // Gmail submission (smtp.gmail.com), quoted in github.com/ClearVolume/ClearVolume/issues/57
  ['454 4.7.0 Too many login attempts, please try again later. e13sm15101671pgf.48 - gsmtp', 'client-auth'],
  // Charter / Spectrum AUP#I-10xx IP block, quoted at suped.com ("AUP#I-1010 bounce codes")
  ['554 dnvrco-cmimta15 esmtp ESMTP server not available AUP#I-1010', 'blocklisted'],
  // Microsoft "Email non-delivery reports and SMTP errors in Exchange Online" (5.7.504, 5.7.13x, 5.7.32x)
  ['550 5.7.504 [email@contoso.com]: Recipient address rejected: Access denied', 'mailbox-unknown'],
  ['550 5.7.133 Sender not authenticated for group', 'blocked-by-recipient'],
  ['550 5.7.136 Sender was not authenticated', 'blocked-by-recipient'],
  ["550 5.7.322 certificate-expired: Destination mail server's certificate is expired.", 'tls-failure'],
  ['550 5.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC records', 'tls-failure'],
  [
    '550 5.7.325 certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)',
    'tls-failure',
  ],
  // Mimecast SMTP error codes (community.mimecast.com article 842605754, as transcribed in sisimai Rhost/Mimecast.pm)
  [
    '550 Envelope rejected - Block policy for Envelope From address - https://community.mimecast.com/docs/DOC-1369#550',
    'blocked-by-recipient',
  ],
];

describe('held-out provider and MTA wording', () => {
  it.each(heldOut)('%s', (reply, category) => {
    expect(classify(reply).category).toBe(category);
  });
});

// Issue 14: kinds of replies, each in a wording the rules were not written from.
const kinds: readonly [string, string, string, string, boolean][] = [
  // transcripts: judged by the first failing reply, not the greeting or an earlier success
  [
    '220 mx.example.net ESMTP ready\r\n421 4.3.2 Service shutting down, closing transmission channel',
    'server-busy',
    'transient',
    'destination',
    false,
  ],
  [
    '250 2.1.0 Sender OK\n550 5.1.1 <user@example.net>: Recipient address rejected: User unknown',
    'mailbox-unknown',
    'permanent',
    'recipient',
    true,
  ],
  // RFC 3463 subjects when the text is silent
  ['553 5.1.7 Address rejected', 'sender-rejected', 'permanent', 'sender', false],
  ['550 5.1.8 Rejected', 'sender-rejected', 'permanent', 'sender', false],
  ['451 4.4.0 Delivery failed', 'routing', 'transient', 'destination', false],
  ['554 5.5.0 Rejected', 'protocol', 'permanent', 'message', false],
  ['554 5.6.0 Rejected', 'message-format', 'permanent', 'message', false],
  ['451 4.3.0 Rejected', 'server-error', 'transient', 'destination', false],
  ['451 4.1.2', 'dns-failure', 'transient', 'destination', false],
  // loops and hop counts are permanent even as 4xx
  ['451 4.4.6 Mail loop detected for this address', 'routing', 'permanent', 'destination', false],
  // rate wording beats a mailbox-status code
  [
    '550 5.2.1 <user@example.net>: this mailbox is receiving mail too quickly, slow down',
    'rate-limited',
    'transient',
    'recipient',
    false,
  ],
  // submission authentication is ours
  [
    '534-5.7.14 <https://accounts.google.com/signin/continue?x> Please log in via your web browser and then try again.',
    'client-auth',
    'permanent',
    'sender',
    false,
  ],
  [
    '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
    'client-auth',
    'permanent',
    'sender',
    false,
  ],
  // ESP identities and limits are the provider account's
  [
    '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: news@example.org',
    'account-issue',
    'permanent',
    'provider',
    false,
  ],
  [
    'The from address does not match a verified Sender Identity.',
    'account-issue',
    'permanent',
    'provider',
    false,
  ],
  ['454 Throttling failure: Daily message quota exceeded.', 'account-limit', 'transient', 'provider', false],
  // expiry, load, storage, synchronization, bare LF, TLS required
  ['Message could not be delivered for 4 days', 'expired', 'permanent', 'destination', false],
  [
    '452 4.3.1 Insufficient system storage, try again later',
    'server-busy',
    'transient',
    'destination',
    false,
  ],
  [
    '554 5.5.0 SMTP synchronization error: data sent before greeting',
    'protocol',
    'permanent',
    'message',
    false,
  ],
  ['550 5.6.2 Message contains bare linefeed characters', 'message-format', 'permanent', 'message', false],
  ['530 5.7.0 STARTTLS is required for this domain', 'tls-failure', 'permanent', 'sender', false],
  // no suppression without recipient evidence
  [
    '550 Requested action not taken: mailbox unavailable (policy rejection)',
    'policy',
    'permanent',
    'destination',
    false,
  ],
  ['550 5.5.4 Invalid domain name in HELO', 'sender-infrastructure', 'permanent', 'sender', false],
  // docs/taxonomy.md#decision-1: a 4xx X.7.x "service unavailable" is a deferral, a 5xx one is not (521:
  // RFC 7504 "does not accept mail"); decision 11: it names our client, so it is ours; a bare 521 says
  // nothing about the address
  ['521 5.7.1 Service unavailable; client [192.0.2.1] blocked', 'policy', 'permanent', 'sender', false],
  ['554 5.7.1 Service unavailable', 'policy', 'permanent', 'destination', false],
  ['450 4.7.1 Service unavailable', 'deferred', 'transient', 'destination', false],
  // the reason named in words beats the 5.7.x fallback; scope follows whose thing is named (decision 11)
  ['550 5.7.1 Recipient does not exist here', 'mailbox-unknown', 'permanent', 'recipient', true],
  ['550 5.7.1 The mailbox is not active', 'mailbox-disabled', 'permanent', 'recipient', true],
  ['550 5.7.1 Message rate exceeded', 'rate-limited', 'transient', 'destination', false],
  ['550 5.7.1 Host 192.0.2.1 is not allowed to connect', 'policy', 'permanent', 'sender', false],
  ['550 5.7.1 Sender IP not authorized', 'policy', 'permanent', 'sender', false],
  ['550 5.7.1 Message from this domain is not accepted', 'policy', 'permanent', 'sender', false],
  ['550 5.7.1 The sender is blocked', 'sender-rejected', 'permanent', 'sender', false],
  ['550 5.7.1 Sender account is locked', 'account-issue', 'permanent', 'provider', false],
  ['550 5.7.1 No such local user', 'mailbox-unknown', 'permanent', 'recipient', true],
  ['535 5.7.8 Authentication failed: Invalid user', 'client-auth', 'permanent', 'sender', false],
  ['550 5.7.1 Recipient mailbox has been closed', 'mailbox-disabled', 'permanent', 'recipient', true],
  ['450 4.7.1 Too many messages for this mailbox', 'rate-limited', 'transient', 'recipient', false],
  ['550 5.7.1 Your host is not authorized to relay', 'relay-denied', 'permanent', 'destination', false],
  ['554 Too many invalid commands', 'protocol', 'permanent', 'message', false],
  ['550 5.7.0 Your account has exceeded its sending limit', 'account-limit', 'transient', 'provider', false],
  ['550 5.7.1 Sending disabled for this account', 'account-issue', 'permanent', 'provider', false],
  ['530 5.7.0 Must issue STARTTLS first', 'tls-failure', 'permanent', 'sender', false],
  ['550 5.7.1 Unencrypted connections not accepted', 'tls-failure', 'permanent', 'sender', false],
  ['552 5.3.4 Message rejected by policy', 'message-too-large', 'permanent', 'message', false],
  [
    '550 5.7.1 This recipient does not want to receive your mail',
    'blocked-by-recipient',
    'permanent',
    'recipient',
    false,
  ],
  [
    '553 5.7.1 Sender address does not match the authenticated user',
    'sender-rejected',
    'permanent',
    'sender',
    false,
  ],
];

describe('issue 14: kinds of replies the rules must reach', () => {
  it.each(kinds)('%s', (reply, category, permanence, scope, suppress) => {
    const verdict = classify(reply);
    expect({
      category: verdict.category,
      permanence: verdict.permanence,
      scope: verdict.scope,
      suppress: verdict.suppressRecipient,
    }).toEqual({ category, permanence, scope, suppress });
  });
});
