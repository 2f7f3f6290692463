import { type PostmarkBounceTypeName, postmarkBounceTypeNames } from './bounce-types';

/**
 * What the fake Postmark does with one recipient:
 * - `deliver`: accepted, then a Delivery webhook;
 * - `inactive`: refused at send time with HTTP 422 / ErrorCode 406 (the recipient is on Postmark's suppression list);
 * - `invalid`: refused at send time with HTTP 422 / ErrorCode 300 (invalid email request);
 * - `SpamComplaint`: accepted, a Delivery webhook, then a SpamComplaint webhook (the address becomes inactive);
 * - any other bounce `Type` (`HardBounce`, `SoftBounce`, `Transient`, `DnsError`, `Blocked`, …): accepted, then a
 *   Bounce webhook of that type (HardBounce, BadEmailAddress and ManuallyDeactivated make the address inactive).
 */
export type PostmarkOutcome = 'deliver' | 'inactive' | 'invalid' | PostmarkBounceTypeName;

export const postmarkOutcomes: readonly PostmarkOutcome[] = [
  'deliver',
  'inactive',
  'invalid',
  ...postmarkBounceTypeNames,
];

/** Default local-part rules (matched like the SMTP personas: exact, or followed by `+`, `-` or `.`). */
export const postmarkLocalParts: Readonly<Record<string, PostmarkOutcome>> = {
  inactive: 'inactive',
  'bad-address': 'invalid',
  unknown: 'HardBounce',
  full: 'SoftBounce',
  complaint: 'SpamComplaint',
  dmarc: 'DMARCPolicy',
  unclassified: 'Unknown',
  ...Object.fromEntries(
    postmarkBounceTypeNames.filter((name) => name !== 'Unknown').map((name) => [name.toLowerCase(), name]),
  ),
};
