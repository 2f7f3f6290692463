// Apple iCloud Mail (icloud.com, me.com, mac.com). Codes in brackets ([CS01], [HM08]…) from
// "Information for senders: iCloud Mail" (support.apple.com/en-us/102322, formerly HT204137).
import type { Rule } from '../rule';

const senders = 'https://support.apple.com/en-us/102322';

export const appleRules: readonly Rule[] = [
  {
    id: 'apple:local-policy',
    category: 'policy',
    provider: 'apple',
    phrases: ['[cs01]', '[cs02]', '[hm07]', '[hm08]'],
    example:
      '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    source: senders,
  },
  {
    id: 'apple:recipient-volume',
    category: 'rate-limited',
    provider: 'apple',
    phrases: ['deferred due to excessive volume'],
    also: ['messages to '],
    scope: 'recipient',
    reason: 'the limit is on messages TO this recipient (docs/taxonomy.md#decision-4)',
    example:
      '421 4.7.1 Messages to user@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137',
    source: senders,
  },
  {
    id: 'apple:inactive',
    category: 'mailbox-disabled',
    provider: 'apple',
    phrases: ['inactive email address'],
    example: '550 5.1.1 <user@icloud.com>: inactive email address',
    source: senders,
  },
];
