import { describe, expect, it } from 'vitest';
import { decideRetry } from '../retry/decide-retry';
import { createVerdict } from './create-verdict';
import type { DeliveryOutcome } from './delivery-outcome';
import { MailverdictError } from './errors';
import { isFailure } from './is-failure';
import { categories } from './taxonomy';

const history = { attempt: 1, firstAttemptAt: 0, now: 0 };

function outcome(
  event: DeliveryOutcome['event'],
  category: Parameters<typeof createVerdict>[0],
): DeliveryOutcome {
  return {
    provider: 'acme',
    event,
    origin: 'provider',
    providerDetail: {},
    verdict: createVerdict(category),
    raw: {},
  };
}

describe('isFailure', () => {
  it('an ESP accepting a message is `accepted`, not `delivered`, and not a failure', () => {
    const accepted = outcome('accepted', 'accepted');
    expect(accepted.verdict).toMatchObject({ category: 'accepted', permanence: 'success', scope: 'none' });
    expect(isFailure(accepted)).toBe(false);
    // counting delivered verdicts counts deliveries only
    const outcomes = [accepted, outcome('delivered', 'delivered'), outcome('bounced', 'mailbox-unknown')];
    expect(outcomes.filter((item) => item.verdict.category === 'delivered')).toHaveLength(1);
    expect(outcomes.filter(isFailure).map((item) => item.event)).toEqual(['bounced']);
  });

  it.each([...categories])('%s: decideRetry refuses exactly what isFailure calls no failure', (category) => {
    const verdict = createVerdict(category);
    let refused = false;
    try {
      decideRetry(verdict, history);
    } catch (error) {
      refused = MailverdictError.isInstance(error) && error.code === 'not-a-failure';
    }
    expect(refused).toBe(!isFailure(verdict));
    expect(isFailure(verdict)).toBe(verdict.permanence !== 'success');
  });

  it('a success permanence on any category, or a success category whatever its permanence, is no failure', () => {
    // Postmark's "reactivated" notice is an `unknown` verdict with permanence success
    expect(isFailure(createVerdict('unknown', { permanence: 'success' }))).toBe(false);
    expect(isFailure(createVerdict('delivered', { permanence: 'transient' }))).toBe(false);
    expect(() => decideRetry(createVerdict('delivered', { permanence: 'transient' }), history)).toThrow(
      /not a failed attempt/,
    );
  });

  it('takes a verdict or an outcome, and says what was wrong with anything else', () => {
    expect(isFailure(createVerdict('network'))).toBe(true);
    expect(isFailure(outcome('deferred', 'greylisted'))).toBe(true);
    for (const bad of [null, undefined, 'delivered', {}, { verdict: null }, { category: 'bounced' }]) {
      expect(() => isFailure(bad as never)).toThrow(
        /isFailure: `result` must be a Verdict or a DeliveryOutcome/,
      );
    }
  });
});
