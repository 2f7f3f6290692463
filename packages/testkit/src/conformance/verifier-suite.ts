import type { WebhookRequest, WebhookVerification, WebhookVerifier } from '@mailverdict/core/adapter';
import { describe, expect, it } from 'vitest';
import { garbageInputs, throwingProxy } from './garbage';

/** How the shared verifier suite signs and checks one provider's webhooks. */
export interface VerifierSuiteOptions {
  /**
   * A new verifier with its own fresh replay memory, reading time from `now` (epoch ms): the provider's
   * `createWebhookVerifier({ …config, now, replayStore: createMemoryReplayStore() })`.
   */
  readonly create: (now: () => number) => WebhookVerifier;
  /** A request the provider would send, signed at `at` (epoch ms) with the configured secret or key. */
  readonly sign: (at: number) => WebhookRequest;
  /** The same request signed with another secret or key (forged). */
  readonly forge: (at: number) => WebhookRequest;
  /** The request with a signed part changed (for most providers the body; for Mailgun the token). */
  readonly alter: (request: WebhookRequest) => WebhookRequest;
  /** The verifier's tolerance window, ms (stale and future requests are signed twice as far away). */
  readonly toleranceMs: number;
  /**
   * What a body given as parsed JSON gets: `refused` where the signature covers the raw bytes (SendGrid, Resend),
   * `accepted` where the signature is inside the body (Mailgun, SNS).
   */
  readonly parsedBody: 'refused' | 'accepted';
  /**
   * Whether the signature travels in headers (SendGrid, Resend). Where it is inside the body (Mailgun, SNS) the
   * headers are never read, so hostile headers only have to not make the verifier throw.
   */
  readonly readsHeaders: boolean;
}

function hostileRequests(signed: WebhookRequest): readonly [string, unknown, 'body' | 'headers' | 'both'][] {
  const throwing = throwingProxy;
  const getter = (key: 'body' | 'headers') =>
    Object.defineProperty({ ...signed }, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key} throws`);
      },
    });
  return [
    ['a Proxy that throws on every operation', throwing(), 'both'],
    ['a request whose body getter throws', getter('body'), 'body'],
    ['a request whose headers getter throws', getter('headers'), 'headers'],
    ['a request whose headers are a throwing Proxy', { ...signed, headers: throwing() }, 'headers'],
    ['a request whose body is a throwing Proxy', { ...signed, body: throwing() }, 'body'],
  ];
}

async function refused(verify: WebhookVerifier, request: unknown): Promise<WebhookVerification> {
  let result: WebhookVerification | undefined;
  let thrown: unknown;
  try {
    result = await verify(request as WebhookRequest);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the verifier threw (it must answer { ok: false, reason, message })').toBeUndefined();
  expect(result, 'the verifier must answer an object').toBeTypeOf('object');
  expect(result?.ok, 'the request must be refused').toBe(false);
  if (result !== undefined && !result.ok) {
    expect(result.reason, 'a refusal names its reason').toBeTypeOf('string');
    expect(result.message, 'a refusal explains itself').toBeTypeOf('string');
  }
  return result as WebhookVerification;
}

/**
 * The checks every signed-webhook verifier must pass: a genuine request is accepted (as a string, bytes or an
 * `ArrayBuffer`); forged, altered, replayed, stale and future ones are refused; garbage and hostile objects
 * (getters that throw, Proxies) are refused without a throw.
 */
export function describeWebhookVerifier(name: string, suite: VerifierSuiteOptions): void {
  describe(`${name} webhook verifier`, () => {
    // Whole seconds: every provider signs a timestamp in seconds.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const clock = () => now;

    it('accepts a genuine request, its body as a string, bytes or an ArrayBuffer', async () => {
      const signed = suite.sign(now);
      expect(await suite.create(clock)(signed)).toMatchObject({ ok: true });
      if (typeof signed.body === 'string') {
        const bytes = new TextEncoder().encode(signed.body);
        expect(await suite.create(clock)({ ...signed, body: bytes })).toMatchObject({ ok: true });
        expect(await suite.create(clock)({ ...signed, body: bytes.buffer })).toMatchObject({ ok: true });
      }
    });

    it('refuses a forged request (signed with another secret or key)', async () => {
      await refused(suite.create(clock), suite.forge(now));
    });

    it('refuses an altered request', async () => {
      await refused(suite.create(clock), suite.alter(suite.sign(now)));
    });

    it('refuses a replay of an accepted request inside the window', async () => {
      const verify = suite.create(clock);
      const signed = suite.sign(now);
      expect(await verify(signed)).toMatchObject({ ok: true });
      const again = await refused(verify, signed);
      expect(again.ok === false && again.reason).toBe('replayed');
    });

    it('refuses a stale request and one from the future', async () => {
      await refused(suite.create(clock), suite.sign(now - 2 * suite.toleranceMs));
      await refused(suite.create(clock), suite.sign(now + 2 * suite.toleranceMs));
    });

    it(`${suite.parsedBody === 'refused' ? 'refuses' : 'accepts'} the body given as parsed JSON`, async () => {
      const signed = suite.sign(now);
      const parsed = { ...signed, body: JSON.parse(String(signed.body)) as never };
      if (suite.parsedBody === 'refused') await refused(suite.create(clock), parsed);
      else expect(await suite.create(clock)(parsed)).toMatchObject({ ok: true });
    });

    it('refuses garbage requests and garbage bodies without throwing', async () => {
      const verify = suite.create(clock);
      for (const garbage of garbageInputs) {
        await refused(verify, garbage.make());
        await refused(verify, { body: garbage.make(), headers: suite.sign(now).headers });
      }
    });

    for (const [title, request, part] of hostileRequests(suite.sign(now))) {
      if (part === 'headers' && !suite.readsHeaders) {
        it(`answers ${title} without throwing (its headers are never read)`, async () => {
          const result = await suite.create(clock)(request as WebhookRequest);
          expect(typeof result.ok).toBe('boolean');
        });
        continue;
      }
      it(`refuses ${title} without throwing`, async () => {
        await refused(suite.create(clock), request);
      });
    }
  });
}
