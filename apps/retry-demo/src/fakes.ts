// Everything the demo talks to, started on loopback: the fake MXs (fake-smtp-fleet.ts) and the fake
// Postmark API (fake-postmark-api.ts). Two ways to run them:
// - `local` (the default): in the demo's own process, on its simulated clock.
// - `external`: in a separate harness process (fakes-harness.ts) that outlives the demo, so a test can
//   SIGKILL the demo and restart it while the fake servers keep their logs: the logs then prove, from
//   the providers' side, that no message was delivered twice or lost. The demo tells the harness its
//   simulated time and its webhook address over a small control API.

import type { SmtpRoute } from './fake-smtp-fleet';
import type { LogCopy } from './report';

export interface FakesConfig {
  readonly smtpRoutes: Readonly<Record<string, SmtpRoute>>;
  /** The return path's mailbox (a Maildir) where our relay's delivery status notifications arrive. */
  readonly bounceMaildir: string;
  readonly postmark: { readonly requestHost: string; readonly serverToken: string };
  /**
   * The Basic credentials the fake Postmark sends with its webhooks; the app's endpoint checks them.
   * In production both sides get them from configuration (see README), never from the repository.
   */
  readonly webhookCredentials: { readonly username: string; readonly password: string };
}

export interface Fakes {
  readonly config: FakesConfig;
  /** Moves the fakes' clock (simulated epoch ms). */
  setTime(now: number): Promise<void>;
  /** Where the fake Postmark's webhooks go now (the app's endpoint changes with each process). */
  setWebhookTarget(url: string): Promise<void>;
  /**
   * Lets the fake Postmark POST the webhook events due by now (its clock) and the relay write its due
   * reports to the bounce mailbox; resolves when they were answered / written.
   */
  pump(): Promise<void>;
  /**
   * Did an MX accept the SMTP attempt with this id? The fake MXs' logs stand in for a search direct
   * SMTP does not have, for attempts in flight at a crash only (Postmark has a real search).
   */
  lookupSmtp(attemptId: string): Promise<'accepted' | 'absent'>;
  /** Every copy the providers accepted, from their own logs. */
  copies(): Promise<LogCopy[]>;
  close(): Promise<void>;
}

/** `<m042.3.run@host>` or `m042.3.run@host` → `m042`. */
export function outboxIdOf(attemptId: string): string {
  const bare = attemptId.startsWith('<') ? attemptId.slice(1) : attemptId;
  const dot = bare.indexOf('.');
  return dot > 0 ? bare.slice(0, dot) : bare;
}

/** `<id@host>` → `id@host` (a Message-ID header keeps its angle brackets). */
export function stripBrackets(id: string): string {
  return id.startsWith('<') && id.endsWith('>') ? id.slice(1, -1) : id;
}

/** Talks to a harness started with `node --import tsx src/fakes-harness.ts` (see there for the control API). */
export async function connectExternalFakes(controlUrl: string): Promise<Fakes> {
  const base = controlUrl.replace(/\/+$/, '');
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`fakes harness ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  let config: FakesConfig;
  try {
    config = await call<FakesConfig>('GET', '/config');
  } catch (error) {
    throw new Error(`cannot reach the fakes harness at ${controlUrl}: ${(error as Error).message}`);
  }
  return {
    config,
    setTime: async (now) => {
      await call('POST', '/clock', { now });
    },
    setWebhookTarget: async (url) => {
      await call('POST', '/webhook-target', { url });
    },
    pump: async () => {
      await call('POST', '/pump', {});
    },
    lookupSmtp: async (attemptId) =>
      (
        await call<{ result: 'accepted' | 'absent' }>(
          'GET',
          `/lookup?attempt=${encodeURIComponent(attemptId)}`,
        )
      ).result,
    copies: () => call<LogCopy[]>('GET', '/copies'),
    close: async () => {},
  };
}
