// SFR / Neuf. Replies carry SFR's own codes ([SFR_IN_…]) after a French or English sentence
// (sisimai Rhost/FrancePTT.pm).
import type { Rule } from '../rule';

const pm = 'sisimai Rhost/FrancePTT.pm (SFR)';

export const sfrRules: readonly Rule[] = [
  {
    id: 'sfr:rate',
    category: 'rate-limited',
    provider: 'sfr',
    phrases: ['sfr_in_103', 'sfr_in_104'],
    example: '421 4.2.1 [SFR_IN_103] Too many connections from your IP, please try later',
    source: pm,
  },
  {
    id: 'sfr:spam',
    category: 'spam-content',
    provider: 'sfr',
    phrases: ['sfr_in_116', 'sfr_in_117'],
    example: '550 5.7.1 [SFR_IN_116] Message refuse pour suspicion de spam',
    source: pm,
  },
];
