// The built-in rule database, in the ONE declared order of precedence (CONTRIBUTING.md, "Adding a classifier rule"):
// provider text → generic text → enhanced code → cue words → basic code → class. Custom rules go before all.
import { blocklists } from '../verdict/blocklists';
import { basicCodeRules, classRules } from './basic-codes';
import { blocklistErrorRules } from './blocklist-errors';
import { cueRules } from './cues';
import { enhancedCodeRules } from './enhanced-codes';
import { genericRules } from './generic';
import { appleRules } from './providers/apple';
import { comcastRules } from './providers/comcast';
import { coxRules } from './providers/cox';
import { filterRules } from './providers/filters';
import { freeRules } from './providers/free';
import { gmxRules } from './providers/gmx';
import { godaddyRules } from './providers/godaddy';
import { googleRules } from './providers/google';
import { mailruRules } from './providers/mailru';
import { microsoftRules } from './providers/microsoft';
import { orangeRules } from './providers/orange';
import { qqRules } from './providers/qq';
import { sfrRules } from './providers/sfr';
import { spectrumRules } from './providers/spectrum';
import { yahooRules } from './providers/yahoo';
import { zohoRules } from './providers/zoho';
import type { LayerName, Rule } from './rule';

/**
 * A named block list is the most specific thing a reply can say — whoever relays it (Yahoo's
 * `[BL21] … in Spamhaus's list`, GoDaddy's `IB104 … Spamhaus Block List`) — so the lists open the
 * provider layer, most specific list first (blocklists.ts order).
 */
export const blocklistRules: readonly Rule[] = blocklists.map((list) => ({
  id: `blocklist:${list.id}`,
  category: list.content ? 'spam-content' : 'blocklisted',
  phrases: list.phrases,
  blocklist: list.id,
  ...(list.provider === undefined ? {} : { provider: list.provider }),
  ...(list.example === undefined ? {} : { example: list.example }),
  source: list.lookupUrl,
}));

export const providerRules: readonly Rule[] = [
  ...blocklistErrorRules,
  ...blocklistRules,
  ...googleRules,
  ...microsoftRules,
  ...yahooRules,
  ...appleRules,
  ...comcastRules,
  ...coxRules,
  ...spectrumRules,
  ...godaddyRules,
  ...orangeRules,
  ...sfrRules,
  ...freeRules,
  ...gmxRules,
  ...mailruRules,
  ...qqRules,
  ...zohoRules,
  ...filterRules,
];

export const builtInLayers: readonly { readonly name: LayerName; readonly rules: readonly Rule[] }[] = [
  { name: 'provider', rules: providerRules },
  { name: 'generic', rules: genericRules },
  { name: 'enhanced-code', rules: enhancedCodeRules },
  { name: 'cue', rules: cueRules },
  { name: 'basic-code', rules: basicCodeRules },
  { name: 'class', rules: classRules },
];

export { providerSignatures } from './provider-signatures';
export { recipientWords } from './recipient-words';
export type { LayerName, Rule } from './rule';
