// Charter Spectrum. `AUP#…` codes from spectrum.net/support/internet/understanding-email-error-codes:
// the In-13xx family are inbound volume limits (sent as 550 "sender rejected"), I-1xxx are IP blocks.
import type { Rule } from '../rule';

const codes = 'https://www.spectrum.net/support/internet/understanding-email-error-codes';

export const spectrumRules: readonly Rule[] = [
  {
    id: 'spectrum:volume-limit',
    category: 'rate-limited',
    provider: 'spectrum',
    phrases: ['aup#in-13', 'aup#i-13', 'aup#out-13', 'aup#o-13'],
    permanence: 'transient',
    reason: 'Spectrum In-13xx: a volume limit sent as 5xx; it lifts when the rate drops',
    example:
      '550 5.1.0 <bounce@example.com> sender rejected. Please see https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. AUP#In-1310',
    source: codes,
  },
  {
    id: 'spectrum:ip-block',
    category: 'blocklisted',
    provider: 'spectrum',
    phrases: ['aup#i-10', 'aup#in-1000', 'aup#bl', 'aup#cndy'],
    example:
      '554 5.7.1 Connection refused from 192.0.2.1 - see https://www.spectrum.net/support/internet/understanding-email-error-codes AUP#I-1000',
    source: codes,
  },
];
