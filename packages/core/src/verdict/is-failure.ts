import type { DeliveryOutcome } from './delivery-outcome';
import { categoryDefaults, isCategory } from './taxonomy';
import type { Verdict } from './verdict';

/**
 * Whether an attempt failed. It did not when the verdict's permanence is `success`, or its category
 * is one whose taxonomy permanence is `success` (`delivered`, `accepted`, `auto-reply`, `complaint`);
 * every other verdict is a failure. The one rule `decideRetry` applies before deciding anything, and
 * the one an application uses to count failures.
 *
 * @throws TypeError when `result` is neither a Verdict nor a DeliveryOutcome.
 */
export function isFailure(result: Verdict | DeliveryOutcome): boolean {
  const verdict =
    typeof result === 'object' && result !== null && 'verdict' in result ? result.verdict : result;
  if (typeof verdict !== 'object' || verdict === null || !isCategory(verdict.category)) {
    throw new TypeError('isFailure: `result` must be a Verdict or a DeliveryOutcome');
  }
  return verdict.permanence !== 'success' && categoryDefaults[verdict.category].permanence !== 'success';
}
