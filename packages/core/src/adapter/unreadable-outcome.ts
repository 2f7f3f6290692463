import { createVerdict } from '../verdict/create-verdict';
import type { DeliveryEvent, DeliveryOutcome } from '../verdict/delivery-outcome';
import type { Permanence, Scope } from '../verdict/verdict';

/** How an adapter reports input it cannot read. */
export interface UnreadableOptions {
  /** The adapter's provider name (`ses`, `postmark`, …): the outcome's `provider`. */
  readonly provider: string;
  /** The verdict's rule id (`ses-unreadable`), so callers can tell unreadable input from a real `unknown`. */
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
