import { createVerdict } from '../verdict/create-verdict';
import type { DeliveryEvent, DeliveryOutcome } from '../verdict/delivery-outcome';
import type { Permanence, Scope } from '../verdict/verdict';

/** How an adapter reports input it cannot read. */
export interface UnreadableOptions {
  /** The adapter's provider name (`ses`, `postmark`, …): the outcome's `provider`. */
  readonly provider: string;
  /** The verdict's rule id (`ses:unreadable`), so callers can tell unreadable input from a real `unknown`. */
  readonly rule: string;
  /** Default `failed`. */
  readonly event?: DeliveryEvent;
  /** The verdict's scope; the `unknown` category's default when not given. */
  readonly scope?: Scope;
  /** The verdict's permanence; the `unknown` category's default when not given. */
  readonly permanence?: Permanence;
  /** Default `{}`. */
  readonly providerDetail?: Readonly<Record<string, unknown>>;
}

/**
 * The one outcome for input an adapter cannot read (not a provider payload, a missing field): an `unknown`
 * verdict with confidence 0 whose `summary` says why, origin `local`, and the input kept untouched as `raw`.
 */
export function unreadableOutcome(
  raw: unknown,
  summary: string,
  options: UnreadableOptions,
): DeliveryOutcome {
  return {
    provider: options.provider,
    event: options.event ?? 'failed',
    origin: 'local',
    providerDetail: options.providerDetail ?? {},
    verdict: createVerdict('unknown', {
      rule: options.rule,
      ...(options.permanence === undefined ? {} : { permanence: options.permanence }),
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      confidence: 0,
      summary,
    }),
    raw,
  };
}

/** The one wording for input an adapter cannot read: `Not readable as ses input: the body is not JSON.` */
export function unreadableSummary(provider: string, reason: string): string {
  return `Not readable as ${provider} input: ${reason}.`;
}

/**
 * The outcome every adapter gives for input it cannot read: rule `<provider>:unreadable`, the reason in the
 * summary (one wording for every provider) and in `providerDetail.unreadable` (beside `options.providerDetail`).
 */
export function unreadable(
  provider: string,
  raw: unknown,
  reason: string,
  options: Omit<UnreadableOptions, 'provider' | 'rule'> = {},
): DeliveryOutcome {
  return unreadableOutcome(raw, unreadableSummary(provider, reason), {
    ...options,
    provider,
    rule: `${provider}:unreadable`,
    providerDetail: { ...options.providerDetail, unreadable: reason },
  });
}

/** What an unreadable value is, for a reason: `null`, `an array`, `a string ("…")` (first 80 characters), `number`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) return 'an array';
  } catch {
    // A revoked Proxy: `Array.isArray` throws.
  }
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 80))})`;
  return typeof value;
}
