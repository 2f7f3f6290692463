// Tencent QQ Mail (qq.com, foxmail.com). QQ's "frequency limited" replies are 550 but lift by
// themselves (service.mail.qq.com help id=20022).
import { hour, type Rule } from '../rule';

const help = 'http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022';

export const qqRules: readonly Rule[] = [
  {
    id: 'qq:frequency-limited',
    category: 'rate-limited',
    provider: 'qq',
    phrases: ['frequency limit'],
    permanence: 'transient',
    afterMs: hour,
    reason: 'QQ frequency limits are sent as 550 but lift when the rate drops (QQ help 20022)',
    example:
      '550 Ip frequency limited [Blocked IP 192.0.2.22]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725',
    source: help,
  },
  {
    // before content-denied: "suspected spam ip" is about our IP, not the message
    id: 'qq:ip-reputation',
    category: 'reputation',
    provider: 'qq',
    phrases: ['suspected spam ip', 'suspected bounce attack'],
    example:
      '550 Suspected bounce attacks https://service.mail.qq.com/cgi-bin/help?id=20022&no=1001602&subtype=1',
    source: 'service.mail.qq.com/detail/122/57 and /122/66 (sisimai Rhost/Tencent.pm: "blocked")',
  },
  {
    id: 'qq:content-denied',
    category: 'spam-content',
    provider: 'qq',
    phrases: ['mail content denied', 'suspected spam'],
    example:
      '550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726',
    source: help,
  },
  {
    id: 'qq:mailbox-unavailable',
    category: 'mailbox-unknown',
    provider: 'qq',
    phrases: ['mailbox unavailable or access denied'],
    example:
      '550 Mailbox unavailable or access denied [MID:abc] http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728',
    source: help,
  },
];
