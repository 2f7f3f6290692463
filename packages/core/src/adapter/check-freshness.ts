import type { ReplayStore } from './replay-store';

export type FreshnessFailure = 'timestamp-too-old' | 'timestamp-too-new' | 'replayed' | 'replay-check-failed';

export type FreshnessResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: FreshnessFailure; readonly message: string };

export interface FreshnessCheck {
  /** When the provider signed the webhook, epoch ms (from its signed timestamp). */
  readonly signedAt: number;
  /** Now, epoch ms. */
  readonly now: number;
  /** How far `signedAt` may be from `now`, either way, in ms. */
  readonly toleranceMs: number;
  /**
   * The signed id that must not be accepted twice (`mailgun:<token>`, `svix:<id>`); `false` store skips it.
   * The store is keyed on this id *and* `signedAt`: a provider's retry re-signs with a new timestamp (Svix keeps
   * `svix-id` across retries) and must not be refused as a replay of the first attempt.
   */
  readonly replayKey: string;
  /** What the id is called in messages (`token`, `svix-id`). */
  readonly replayLabel: string;
  readonly store: ReplayStore | false;
}

/**
 * The part of webhook verification that every signed-timestamp scheme shares, run after the signature
 * matched: the timestamp must be inside the tolerance window, and the id must not have been accepted
 * before while the window is open (a captured request replayed within the window has a valid signature).
 * Never throws: a failing replay store refuses the webhook rather than letting it through unchecked.
 */
export async function checkFreshness(check: FreshnessCheck): Promise<FreshnessResult> {
  const { signedAt, now, toleranceMs } = check;
  if (signedAt < now - toleranceMs) {
    const seconds = Math.round((now - signedAt) / 1000);
    return fail('timestamp-too-old', `The webhook was signed ${seconds} s ago, beyond the tolerance.`);
  }
  if (signedAt > now + toleranceMs) {
    const seconds = Math.round((signedAt - now) / 1000);
    return fail('timestamp-too-new', `The webhook timestamp is ${seconds} s in the future.`);
  }
  if (check.store === false) return { ok: true };
  let fresh: boolean;
  try {
    // Remember the id until its timestamp leaves the window: after that the timestamp check refuses it.
    fresh = await check.store.remember(`${check.replayKey}@${signedAt}`, signedAt + toleranceMs - now);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('replay-check-failed', `The replay store failed, so the webhook is refused: ${detail}`);
  }
  if (!fresh) {
    return fail('replayed', `This ${check.replayLabel} was already accepted: the request is a replay.`);
  }
  return { ok: true };
}

function fail(reason: FreshnessFailure, message: string): FreshnessResult {
  return { ok: false, reason, message };
}
