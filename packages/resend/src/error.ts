// resend SDK results → outcomes. The SDK never throws: every call resolves to `{ data, error, headers }`
// (resend@6.38.0 `dist/index.mjs` `fetchRequest`, packages/resend/PROVIDER.md §1). Error names and statuses from the errors page
// (https://resend.com/docs/api-reference/errors) — `validation_error` is overloaded (400/401/403/422), so the
// decision reads name, status and message together, never the name alone.
import { createVerdict, type DeliveryOutcome, type OutcomeOrigin, type Verdict } from '@mailverdict/core';
import {
  listRecipients,
  parseRetryAfter,
  perRecipientOutcomes,
  readHeader,
  type SendContext,
} from '@mailverdict/core/adapter';
import { provider, type ResendErrorLike } from './types';

export interface ResendErrorContext extends SendContext {
  /** The result's `headers` (`retry-after`, `ratelimit-reset`); `fromResendResult` passes them for you. */
  readonly headers?: Readonly<Record<string, string>> | null;
}

interface Decision {
  readonly origin: OutcomeOrigin;
  readonly verdict: Verdict;
}

// Names whose meaning is "the request is wrong": fix the code that builds it.
const requestErrors = new Set([
  'invalid_from_address',
  'missing_required_field',
  'invalid_attachment',
  'invalid_parameter',
  'invalid_region',
  'invalid_idempotency_key',
  'invalid_idempotent_request',
  'invalid_access',
  'method_not_allowed',
  'not_found',
]);

const credentialErrors = new Set(['missing_api_key', 'invalid_api_key', 'restricted_api_key']);

function isResendError(value: unknown): value is ResendErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Record<string, unknown>;
  return (
    typeof error.name === 'string' &&
    typeof error.message === 'string' &&
    (error.statusCode === null || typeof error.statusCode === 'number')
  );
}

function decide(error: ResendErrorLike): Decision {
  // The docs spell it `invalid_api_Key` in places; compare names case-insensitively.
  const name = error.name.toLowerCase();
  const status = error.statusCode;
  const text = error.message.toLowerCase();
  const rule = (id: string) => `resend:${id}`;
  const said = error.message === '' ? '' : `: ${error.message}`;

  if (status === null && name === 'application_error') {
    // `fetchRequest`'s outer catch: refused, DNS, reset, timeout or abort — no response at all.
    return {
      origin: 'network',
      verdict: createVerdict('network', {
        rule: rule('network'),
        scope: 'provider',
        summary: 'The Resend API could not be reached.',
      }),
    };
  }
  if (status === null) {
    // The SDK refused before sending (e.g. `invalid_parameter` for a `.`/`..` path segment).
    return {
      origin: 'local',
      verdict: createVerdict('protocol', {
        rule: rule('sdk-check'),
        summary: `The resend SDK refused the call${said}.`,
      }),
    };
  }
  if (
    credentialErrors.has(name) ||
    (name === 'validation_error' && (text.includes('api key') || status === 401 || status === 403)) ||
    text.includes('domain is not verified') ||
    text.includes('only send testing emails')
  ) {
    return {
      origin: 'account',
      verdict: createVerdict('account-issue', {
        rule: rule(credentialErrors.has(name) ? name.replaceAll('_', '-') : 'account'),
        summary: `Resend refused our API key, domain or account (${error.name}${said}).`,
      }),
    };
  }
  if (name === 'rate_limit_exceeded') {
    return {
      origin: 'provider',
      verdict: createVerdict('rate-limited', {
        rule: rule('rate-limit-exceeded'),
        scope: 'provider',
        summary: 'The Resend API rate limit was reached; slow down and retry.',
      }),
    };
  }
  if (name === 'daily_quota_exceeded' || name === 'monthly_quota_exceeded') {
    return {
      origin: 'account',
      verdict: createVerdict('account-limit', {
        rule: rule(name.replaceAll('_', '-')),
        summary: `The Resend ${name.startsWith('daily') ? 'daily' : 'monthly'} sending quota is used up; retry after it resets.`,
      }),
    };
  }
  if (name === 'concurrent_idempotent_requests') {
    return {
      origin: 'provider',
      verdict: createVerdict('deferred', {
        rule: rule('concurrent-idempotent-requests'),
        scope: 'provider',
        summary: 'A request with the same idempotency key is still in progress; retry shortly.',
      }),
    };
  }
  if (name === 'security_error') {
    return {
      origin: 'provider',
      verdict: createVerdict('policy', {
        rule: rule('security-error'),
        scope: 'provider',
        summary: `Resend refused the request for security reasons${said}.`,
      }),
    };
  }
  if (name === 'validation_error' || requestErrors.has(name)) {
    return {
      origin: 'provider',
      verdict: createVerdict('protocol', {
        rule: rule(name.replaceAll('_', '-')),
        summary: `Resend refused the request (${error.name}${said}).`,
      }),
    };
  }
  if (name === 'application_error' || name === 'internal_server_error' || (status >= 500 && status < 600)) {
    return {
      origin: 'provider',
      verdict: createVerdict('server-busy', {
        rule: rule('server-error'),
        scope: 'provider',
        summary: `Resend had a server error (${status}); retry with backoff.`,
      }),
    };
  }
  // A name this adapter does not know: fall back on the status.
  if (status === 401 || status === 403) return decide({ ...error, name: 'invalid_api_key' });
  if (status === 429) return decide({ ...error, name: 'rate_limit_exceeded' });
  if (status >= 400 && status < 500) return decide({ ...error, name: 'validation_error' });
  return {
    origin: 'provider',
    verdict: createVerdict('unknown', {
      rule: rule('unexpected'),
      permanence: 'transient',
      scope: 'provider',
      confidence: 0.2,
      summary: `Resend answered with an unexpected error ${error.name} (${status}).`,
    }),
  };
}

function retryAfter(headers: unknown, now: number): number | undefined {
  // `retry-after` first (RFC 9110); `ratelimit-reset` is seconds until the window resets (IETF RateLimit headers).
  return (
    parseRetryAfter(readHeader(headers, 'retry-after'), now) ??
    parseRetryAfter(readHeader(headers, 'ratelimit-reset'), now)
  );
}

/**
 * Outcomes for the `error` of a resend SDK result: one per recipient in `context.to` (or one without a recipient),
 * event `failed`. Never throws on the error value, whatever it is.
 */
export function fromResendError(error: unknown, context: ResendErrorContext = {}): DeliveryOutcome[] {
  const recipients = listRecipients(context, 'fromResendError');
  let decision: Decision | undefined;
  let providerDetail: Record<string, unknown> = {};
  let retryAfterMs: number | undefined;
  let readable = false;
  try {
    readable = isResendError(error);
    if (readable) {
      const { name, statusCode, message } = error as ResendErrorLike;
      decision = decide({ name, statusCode, message });
      providerDetail = { name, statusCode, message };
      retryAfterMs = retryAfter(context.headers, Date.now());
    }
  } catch {
    // Hostile input (throwing getters, proxies) is treated like any other non-error value.
    readable = false;
    retryAfterMs = undefined;
  }
  if (!readable || decision === undefined) {
    providerDetail = {};
    decision = {
      origin: 'local',
      verdict: createVerdict('unknown', {
        rule: 'resend:not-an-error',
        permanence: 'permanent',
        scope: 'provider',
        confidence: 0,
        summary: 'Not a resend error object ({ name, statusCode, message }); nothing could be determined.',
      }),
    };
  }
  const { origin, verdict } = decision;
  return perRecipientOutcomes(
    { provider, event: 'failed', origin, providerDetail, retryAfterMs, verdict, raw: error },
    recipients,
  );
}
