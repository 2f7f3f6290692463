// GMX and WEB.DE (United Internet). No enhanced codes; "the last line of the multi-line error
// message is decisive" (postmaster.gmx.com/en/error-messages; postmaster.web.de/de/fehlermeldungen).
import type { Rule } from '../rule';

const errors = 'https://postmaster.gmx.com/en/error-messages';

export const gmxRules: readonly Rule[] = [
  {
    // The explanation link names the case: web.de's and GMX's page for case "hi" says the headers
    // are not RFC 5321/5322 compliant (Date, From, Sender, To syntax; one of each header)
    id: 'gmx:headers',
    category: 'message-format',
    provider: 'gmx',
    phrases: ['c=hi'],
    also: ['reject due to policy restrictions'],
    example:
      '554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.web.de/en/case?c=hi',
    source: 'https://postmaster.web.de/en/case?c=hi (quoted in github.com/zammad/zammad/issues/4630)',
  },
  {
    id: 'gmx:policy',
    category: 'policy',
    provider: 'gmx',
    phrases: ['reject due to policy restrictions'],
    example:
      '554-gmx.net (mxgmx001) Nemesis ESMTP Service not available 554 Reject due to policy restrictions.',
    source: errors,
  },
  {
    id: 'gmx:too-many-connections',
    category: 'rate-limited',
    provider: 'gmx',
    phrases: ['too many connections from your ip', 'too many messages from your ip', 'temporarily deferred'],
    providerOnly: true,
    example:
      '421-gmx.net (mxgmx001) Nemesis ESMTP Service not available 421 Too many connections from your IP',
    source: `${errors}; web.de: retry "in einigen Stunden"`,
  },
  {
    id: 'gmx:invalid-sender',
    category: 'sender-rejected',
    provider: 'gmx',
    phrases: ['sender address has null mx', 'invalid sender address'],
    providerOnly: true,
    example: '550-gmx.net (mxgmx001) Nemesis ESMTP Service not available 550 Sender address has null MX',
    source: errors,
  },
];
