// The destination throttles: core's `createThrottle` with its default shaping rules (Yahoo TSS04
// twice within an hour → pause Yahoo 2 h; Microsoft IP-reputation deferral → 1 message a minute),
// one per provider, persisted as JSON with every transition. Pauses are recorded for the report.
import {
  createThrottle,
  type DeliveryOutcome,
  restoreThrottle,
  type Throttle,
  type ThrottleOptions,
} from '@mailverdict/core';
import type { ThrottlePort } from './ports';
import type { ThrottlePause } from './report';
import type { ProviderName } from './store';

interface SavedThrottles {
  readonly throttles: Partial<Record<ProviderName, unknown>>;
  readonly pauses: ThrottlePause[];
}

export interface DemoThrottle extends ThrottlePort {
  /** Every time a destination was paused, in order. */
  pauses(): ThrottlePause[];
}

/** `options` are core's throttle options, the same for every provider (the demo uses the defaults). */
export function createThrottlePort(saved: string | undefined, options: ThrottleOptions = {}): DemoThrottle {
  const state: SavedThrottles =
    saved === undefined ? { throttles: {}, pauses: [] } : (JSON.parse(saved) as SavedThrottles);
  const throttles = new Map<ProviderName, Throttle>();
  const pauses: ThrottlePause[] = [...state.pauses];
  const throttleOf = (provider: ProviderName): Throttle => {
    let throttle = throttles.get(provider);
    if (throttle === undefined) {
      const previous = state.throttles[provider];
      throttle = previous === undefined ? createThrottle(options) : restoreThrottle(previous, options);
      throttles.set(provider, throttle);
    }
    return throttle;
  };
  return {
    acquire(provider, recipient, now) {
      const answer = throttleOf(provider).acquire(recipient, now, recipient);
      if (answer.allowed) return { ok: true };
      return {
        ok: false,
        at: answer.retryAt,
        reason: answer.by === undefined ? answer.reason : `${answer.reason} (${answer.by})`,
      };
    },
    feedback(provider, recipient, outcome: DeliveryOutcome, now, attemptOver = false) {
      const throttle = throttleOf(provider);
      const before = throttle.inspect(recipient, now);
      // A webhook event (bounce, delivery) belongs to an attempt whose slot was freed when the provider
      // accepted it: `release: false`, or it would free the slot of an attempt in flight now.
      throttle.feedback(recipient, outcome, now, { recipient, release: !attemptOver });
      const after = throttle.inspect(recipient, now);
      if (after === undefined) return;
      const reply = outcome.reply?.raw ?? outcome.verdict.summary;
      const destination = `${provider}→${after.destination}`;
      // server-busy backoff pauses are routine; the report lists what shaping rules did.
      const newPause = after.pausedUntil !== undefined && after.pausedUntil > (before?.pausedUntil ?? 0);
      if (newPause && after.pausedBy !== 'server-busy') {
        pauses.push({
          destination,
          action: 'pause',
          rule: after.pausedBy ?? 'paused',
          at: now,
          untilAt: after.pausedUntil as number,
          reason: reply,
        });
      }
      // A shaping rule that slows the destination down (a maximum rate) rather than pausing it.
      if (after.shapedBy !== undefined && after.shapedBy !== before?.shapedBy) {
        pauses.push({
          destination,
          action: 'slow-down',
          rule: after.shapedBy,
          at: now,
          untilAt: now,
          rate: after.rate,
          reason: reply,
        });
      }
    },
    save() {
      const throttlesJson: Partial<Record<ProviderName, unknown>> = { ...state.throttles };
      for (const [provider, throttle] of throttles) throttlesJson[provider] = throttle.toJSON();
      return JSON.stringify({ throttles: throttlesJson, pauses });
    },
    pauses: () => [...pauses],
  };
}
