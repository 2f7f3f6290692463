// Real log lines, each with the public place it comes from and what the parser must read from it.
// Personal addresses in public samples are replaced by example ones (marked "address replaced").
import type { LogEvent } from '../log-event';

export interface LogLineFixture {
  readonly name: string;
  readonly source: string;
  readonly line: string;
  /** Undefined: the line records no delivery. */
  readonly expected: Partial<LogEvent> | undefined;
}

export const postfixLines: readonly LogLineFixture[] = [
  {
    name: 'bounced at RCPT, multi-line Gmail reply joined on one line',
    source: 'written by Postfix 3.7 in this package’s real-Postfix test (test/scan-postfix.test.ts)',
    line: "Dec 06 04:12:32 mailverdict-test postfix/smtp[21468]: 71E1020EC89: to=<unknown@gmail.com>, relay=127.0.0.1[127.0.0.1]:38921, delay=0.17, delays=0.03/0/0.11/0.03, dsn=5.1.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 00000000000000.000 - gsmtp (in reply to RCPT TO command))",
    expected: {
      format: 'postfix',
      status: 'bounced',
      recipients: ['unknown@gmail.com'],
      queueId: '71E1020EC89',
      relay: '127.0.0.1[127.0.0.1]:38921',
      dsn: '5.1.1',
      command: 'RCPT',
    },
  },
  {
    name: 'deferred after the end of data',
    source: 'Postfix smtp_proto.c wording ("in reply to end of DATA command"); reply from the Yahoo persona',
    line: 'Jan 12 10:00:01 mx1 postfix/smtp[2211]: 3F2A41C0A1: to=<spam@yahoo.com>, relay=mta7.am0.yahoodns.net[67.195.204.77]:25, delay=1.9, delays=0.1/0/0.9/0.9, dsn=5.0.0, status=bounced (host mta7.am0.yahoodns.net[67.195.204.77] said: 554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes (in reply to end of DATA command))',
    expected: { status: 'bounced', dsn: '5.0.0', command: 'END-OF-DATA', recipients: ['spam@yahoo.com'] },
  },
  {
    name: 'deferred, no reply: connection timed out',
    source: 'Postfix smtp_connect.c wording, as in the Postfix documentation’s DEBUG_README examples',
    line: 'Mar  3 08:15:42 mx1 postfix/smtp[901]: 9B1C2D3E4F: to=<someone@example.org>, relay=none, delay=30, delays=0.02/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.10]:25: Connection timed out)',
    expected: {
      status: 'deferred',
      dsn: '4.4.1',
      text: 'connect to mx.example.org[192.0.2.10]:25: Connection timed out',
    },
  },
  {
    name: 'sent',
    source: 'written by Postfix 3.7 in this package’s real-Postfix test',
    line: 'Dec 06 04:12:32 mailverdict-test postfix/smtp[21468]: 1C41E20EC34: to=<jane@gmail.com>, relay=127.0.0.1[127.0.0.1]:38921, delay=0.29, delays=0.03/0.06/0.19/0.01, dsn=2.0.0, status=sent (250 2.0.0 OK  1763633700 a1b2c3d4e5f6.77 - gsmtp)',
    expected: { status: 'sent', dsn: '2.0.0', recipients: ['jane@gmail.com'] },
  },
  {
    name: 'RFC 5424 timestamps and a named instance (postfix-out)',
    source: 'rsyslog RFC 5424 format; multi-instance names from Postfix MULTI_INSTANCE_README',
    line: '2024-05-01T12:00:00.123456+00:00 mx2 postfix-out/smtp[77]: 4VTxyz1234: to=<user@hotmail.com>, orig_to=<alias@example.org>, relay=outlook-com.olc.protection.outlook.com[52.101.0.1]:25, delay=2, delays=0/0/1/1, dsn=4.7.650, status=deferred (host outlook-com.olc.protection.outlook.com[52.101.0.1] said: 451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. (in reply to RCPT TO command))',
    expected: { status: 'deferred', recipients: ['user@hotmail.com'], dsn: '4.7.650', command: 'RCPT' },
  },
  {
    name: 'smtpd connect line: no delivery',
    source: 'written by Postfix 3.7 in this package’s real-Postfix test',
    line: 'Dec 06 04:12:32 mailverdict-test postfix/smtpd[21465]: connect from localhost[127.0.0.1]',
    expected: undefined,
  },
  {
    name: 'qmgr from= line: no delivery',
    source: 'written by Postfix 3.7 in this package’s real-Postfix test',
    line: 'Dec 06 04:12:32 mailverdict-test postfix/qmgr[21462]: 1C41E20EC34: from=<app@sender.test>, size=514, nrcpt=1 (queue active)',
    expected: undefined,
  },
];

export const eximLines: readonly LogLineFixture[] = [
  {
    name: '** bounced at RCPT with H= before the error',
    source: 'public sample, pastebin.com/mbF9Wh9E (exim_mainlog, address replaced)',
    line: '2015-10-19 09:47:35 1Zo722-001wKm-7T ** someone@example.com R=lookuphost T=remote_smtp H=mail1.example.com [61.8.149.12]: SMTP error from remote mail server after RCPT TO:<someone@example.com>: 550 #5.1.0 Address rejected.',
    expected: {
      format: 'exim',
      status: 'bounced',
      recipients: ['someone@example.com'],
      queueId: '1Zo722-001wKm-7T',
      relay: 'mail1.example.com',
      reply: '550 #5.1.0 Address rejected.',
      command: 'RCPT',
    },
  },
  {
    name: '== deferred at MAIL FROM, older "host … [ip]:" after the command',
    source: 'Exim test suite, github.com/Exim/exim test/log/0498',
    line: '1999-03-02 09:44:33 10HmaX-0005vi-00 == userx@x.y R=r1 T=t1 defer (-45): SMTP error from remote mail server after MAIL FROM:<CALLER@myhost.test.ex>: host 127.0.0.1 [127.0.0.1]: 450 DELAY',
    expected: { status: 'deferred', recipients: ['userx@x.y'], reply: '450 DELAY', command: 'MAIL' },
  },
  {
    name: '== deferred: timeout after end of data, no reply',
    source: 'Exim test suite, github.com/Exim/exim test/log/0498',
    line: '1999-03-02 09:44:33 10HmaX-0005vi-00 == userx@x.y R=r1 T=t1 defer (dd): Connection timed out: SMTP timeout while connected to 127.0.0.1 [127.0.0.1] after end of data (ddd bytes written)',
    expected: { status: 'deferred', recipients: ['userx@x.y'] },
  },
  {
    name: '** retry timeout exceeded',
    source: 'Exim test suite, github.com/Exim/exim test/log/0498',
    line: '1999-03-02 09:44:33 10HmaX-0005vi-00 ** userx@x.y: retry timeout exceeded',
    expected: { status: 'bounced', recipients: ['userx@x.y'], text: 'retry timeout exceeded' },
  },
  {
    name: '== Gmail over quota, multi-line reply with literal \\n',
    source: 'public sample in a GitHub README (maillog tool: exim4 mainlog over-quota line)',
    line: '2018-07-17 04:41:15 1fdHyN-00061Y-LL == test@gmail.com R=dnslookup T=remote_smtp defer (-44): SMTP error from remote mail server after RCPT TO:<test2.gmail.com>: host alt4.gmail-smtp-in.l.google.com [127.0.0.1]: 452-4.2.2 The email account that you tried to reach is over quota. Please direct\\n452-4.2.2 the recipient to\\n452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp s13-v6si24815369jam.8 - gsmtp',
    expected: { status: 'deferred', recipients: ['test@gmail.com'], command: 'RCPT' },
  },
  {
    name: '=> delivered with C= confirmation',
    source: 'public sample, pastebin.com/V7YudKKB (exim_mainlog, address replaced)',
    line: '2016-03-25 15:06:10 1ajLoq-0001wC-Pk => someone@gmail.com R=dkim_lookuphost T=dkim_remote_smtp H=gmail-smtp-in.l.google.com [74.125.200.27] X=TLSv1.2:ECDHE-RSA-AES128-GCM-SHA256:128 CV=yes C="250 2.0.0 OK 1458889573 vy4si17489309pab.124 - gsmtp"',
    expected: { status: 'sent', recipients: ['someone@gmail.com'], relay: 'gmail-smtp-in.l.google.com' },
  },
  {
    name: '=> local delivery names the local part, then the address',
    source: 'public sample, pastebin.com/5JGxkr7P (exim 4.69 mainlog)',
    line: '2009-07-25 09:00:11 1MUhnF-0000JZ-OX => daniel <root@core2duo> R=local_user T=mail_spool',
    expected: { status: 'sent', recipients: ['root@core2duo'] },
  },
  {
    name: '** error text with a host after the command (Exim 4.6x)',
    source: 'public sample, pastebin.com/036fJfDK (exim mainlog, address replaced)',
    line: '2009-03-01 01:24:41 1LdZU1-0003hZ-0e ** someone@hotmial.de R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<someone@hotmial.de>: host mail.hotmial.de [85.17.10.131]: 554 <someone@hotmial.de>: Relay access denied',
    expected: { status: 'bounced', reply: '554 <someone@hotmial.de>: Relay access denied', command: 'RCPT' },
  },
  {
    name: '== retry time not reached: no attempt, not a delivery',
    source: 'Exim specification, chapter "Retry configuration" (routing defer, "retry time not reached")',
    line: '2024-02-01 10:00:00 1rVabc-000Xyz-9Q == someone@example.net R=dnslookup defer (-51): retry time not reached',
    expected: undefined,
  },
  {
    name: '<= arrival: no delivery',
    source: 'Exim test suite, github.com/Exim/exim test/log/0498',
    line: '1999-03-02 09:44:33 10HmaX-0005vi-00 <= CALLER@myhost.test.ex U=CALLER P=local S=sss',
    expected: undefined,
  },
  {
    name: 'Completed: no delivery',
    source: 'Exim test suite, github.com/Exim/exim test/log/0498',
    line: '1999-03-02 09:44:33 10HmaX-0005vi-00 Completed',
    expected: undefined,
  },
];

export const sendmailLines: readonly LogLineFixture[] = [
  {
    name: 'host unknown (dsn=5.1.2)',
    source: 'sendmail logging notes quoted at muhaz.org (recipient from its ToUser/ToDomain fields)',
    line: 'Jul 15 17:53:51 thor.foo.com sendmail[22495]: e6FFrpW22493: to=<joost@magnum.bar.com>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=30551, relay=frigga.bar.com. [192.168.1.3], dsn=5.1.2, stat=Host unknown (Name server: magnum.bar.com.: host not found)',
    expected: {
      format: 'sendmail',
      status: 'bounced',
      recipients: ['joost@magnum.bar.com'],
      queueId: 'e6FFrpW22493',
      relay: 'frigga.bar.com. [192.168.1.3]',
      dsn: '5.1.2',
      text: 'Host unknown (Name server: magnum.bar.com.: host not found)',
    },
  },
  {
    name: 'sent (stat=Sent (… Message accepted for delivery))',
    source:
      'sendmail, 4th ed. §14.6 stat= ("stat=Sent (HAA03001 Message accepted for delivery)"); line shape from a public Usenet post (44342.com)',
    line: 'Feb 18 22:21:08 host sendmail[4242]: HAA03000: to=<user@example.com>, ctladdr=usr (0/0), delay=00:00:00, xdelay=00:00:00, mailer=relay, pri=30288, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (HAA03001 Message accepted for delivery)',
    expected: { status: 'sent', recipients: ['user@example.com'], dsn: '2.0.0' },
  },
  {
    name: 'User unknown without dsn= (older sendmail)',
    source: 'sendmail, 4th ed. §14.6 stat= ("stat=User unknown")',
    line: 'Feb 16 18:58:13 westover sendmail[6660]: h1H0wCrt006660: to=<someone@example.net>, delay=00:00:01, mailer=esmtp, pri=30000, relay=mx.example.net. [192.0.2.7], stat=User unknown',
    expected: { status: 'bounced', recipients: ['someone@example.net'], text: 'User unknown' },
  },
  {
    name: 'Deferred with the remote reply, several recipients (Debian sm-mta)',
    source:
      'sendmail, 4th ed. §11.12.11 ("Deferred: reason"); Debian names the daemon sm-mta; reply text from Yahoo (replies.jsonl yahoo-002)',
    line: 'Apr  2 10:11:12 relay sm-mta[3141]: 432AB1c3003141: to=<a@yahoo.com>,<b@yahoo.com>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120452, relay=mta5.am0.yahoodns.net. [67.195.228.94], dsn=4.7.0, stat=Deferred: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    expected: {
      status: 'deferred',
      recipients: ['a@yahoo.com', 'b@yahoo.com'],
      dsn: '4.7.0',
      reply:
        '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    },
  },
  {
    name: 'queued: no delivery attempt',
    source: 'sendmail, 4th ed. §14.6 stat= ("stat=queued")',
    line: 'Feb 18 22:21:08 host sendmail[4242]: HAA03000: to=<user@example.com>, delay=00:00:00, mailer=esmtp, pri=30288, stat=queued',
    expected: undefined,
  },
  {
    name: 'a bare "<addr>... User unknown" line: no to=, not a delivery record',
    source: 'public sample quoted in a Perl script (westover sendmail log)',
    line: 'Feb 16 18:58:13 westover sendmail[6660]: h1H0wCrt006660: <someone@example.net>... User unknown',
    expected: undefined,
  },
];
