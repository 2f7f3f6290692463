// Errors of `@sendgrid/mail`'s `send()` → outcomes. Shapes: packages/sendgrid/PROVIDER.md §1–§2, read in
// @sendgrid/client 8.1.6 `src/classes/client.js` and @sendgrid/helpers 8.0.0 `classes/response-error.js`:
// an HTTP status ≥ 400 rejects with `ResponseError` (`code` = status number, `message` = status text,
// `response.body` = `{ errors: [{ message, field, help }] }`, `response.headers` = axios headers, lowercase);
// a request with no answer rejects with the raw axios error (`code: 'ECONNREFUSED'`, no `response`).
import {
  type Category,
  createVerdict,
  type DeliveryOutcome,
  type OutcomeOrigin,
  type VerdictOptions,
} from '@mailverdict/core';
import {
  convertSafely,
  ifDefined,
  isRecord,
  perRecipientOutcomes,
  readArray,
  readField,
  readNumber,
  readString,
} from '@mailverdict/core/adapter';
import { provider, type SendGridErrorOptions, unreadableInput } from './types';

interface Decision {
  readonly category: Category;
  readonly origin: OutcomeOrigin;
  readonly rule: string;
  readonly options?: VerdictOptions;
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED', // axios: timeout
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN']);

function has(text: string, phrase: string): boolean {
  return text.toLowerCase().includes(phrase);
}

function decideStatus(status: number, text: string, fields: readonly string[]): Decision {
  // The sender identity text arrives as 403 (docs) or 400 (seen in practice): the text decides.
  if (has(text, 'verified sender identity') || has(text, 'sender identity')) {
    return { category: 'account-issue', origin: 'account', rule: 'sendgrid:unverified-sender' };
  }
  switch (status) {
    case 400:
      // "Does not contain a valid address." on personalizations.N.to.M.email: docs/taxonomy.md#decision-9.
      if (fields.some((name) => name.startsWith('personalizations.') && name.endsWith('.email'))) {
        return { category: 'mailbox-unknown', origin: 'provider', rule: 'sendgrid:invalid-recipient' };
      }
      return {
        category: 'protocol',
        origin: 'provider',
        rule: 'sendgrid:bad-request',
        options: { summary: 'SendGrid refused the request as invalid; the request must change.' },
      };
    case 401:
      return { category: 'account-issue', origin: 'account', rule: 'sendgrid:unauthorized' };
    case 403:
      // Docs: "Too many bad requests. Temporary block" — a cool-down, not a broken account.
      if (has(text, 'too many')) {
        return { category: 'account-limit', origin: 'account', rule: 'sendgrid:temporary-block' };
      }
      return { category: 'account-issue', origin: 'account', rule: 'sendgrid:forbidden' };
    case 406:
    case 415:
      return { category: 'protocol', origin: 'provider', rule: 'sendgrid:not-acceptable' };
    case 413:
      return { category: 'message-too-large', origin: 'provider', rule: 'sendgrid:payload-too-large' };
    case 429:
      // Our account's API rate, not the destination's (taxonomy: caps at our ESP → provider scope).
      return {
        category: 'account-limit',
        origin: 'account',
        rule: 'sendgrid:rate-limit',
        options: { summary: 'The SendGrid API rate limit was hit; retry after the limit resets.' },
      };
    case 451:
      return {
        category: 'account-issue',
        origin: 'account',
        rule: 'sendgrid:data-residency',
        options: {
          summary: 'SendGrid refused the request for data residency: use the region of the account.',
        },
      };
  }
  if (status >= 500) {
    return {
      category: 'server-busy',
      origin: 'provider',
      rule: 'sendgrid:server-error',
      options: {
        scope: 'provider',
        summary: 'SendGrid had an internal error or was unavailable; retry with backoff.',
      },
    };
  }
  return {
    category: 'unknown',
    origin: 'provider',
    rule: 'sendgrid:unrecognized-status',
    options: { summary: `SendGrid answered HTTP ${status}${text === '' ? '' : `: ${text}`}` },
  };
}

/** Header value from axios headers (an object with lowercase keys, or an AxiosHeaders with `get`). */
function header(headers: unknown, name: string): string | undefined {
  if (!isRecord(headers)) return undefined;
  const value = readField(headers, name) ?? readField(headers, name.toLowerCase());
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * How long to wait, ms: `Retry-After` (seconds) when sent, else `X-RateLimit-Reset` (epoch seconds,
 * packages/sendgrid/PROVIDER.md §1) minus now.
 */
function waitFrom(headers: unknown, now: number): number | undefined {
  const retryAfter = header(headers, 'retry-after')?.trim();
  if (retryAfter !== undefined && /^\d{1,9}$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reset = header(headers, 'x-ratelimit-reset')?.trim();
  if (reset !== undefined && /^\d{1,12}$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

function checkOptions(options: SendGridErrorOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('fromSendGridError: `options` must be an object');
  }
  const { recipients, now } = options;
  if (
    recipients !== undefined &&
    !(Array.isArray(recipients) && recipients.every((r) => typeof r === 'string'))
  ) {
    throw new TypeError('fromSendGridError: `options.recipients` must be an array of strings');
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new TypeError('fromSendGridError: `options.now` must be a function');
  }
}

/**
 * Turns what `sgMail.send(…)` rejected with into outcomes (event `failed`: SendGrid tried no recipient).
 * Never throws on any `error` value; throws `TypeError` on bad options.
 */
export function fromSendGridError(error: unknown, options: SendGridErrorOptions = {}): DeliveryOutcome[] {
  checkOptions(options);
  // A Proxy or a throwing getter deep inside the error gives one unreadable outcome, not a throw.
  return convertSafely(error, unreadableInput, () => readError(error, options));
}

function readError(error: unknown, options: SendGridErrorOptions): DeliveryOutcome[] {
  const now = (options.now ?? Date.now)();
  const response = readField(error, 'response');
  const status = readNumber(error, 'code') ?? readNumber(response, 'status');
  const code = readString(error, 'code');
  const body = readField(response, 'body');
  const entries = readArray(body, 'errors').filter(isRecord);
  const texts = entries.map((entry) => readString(entry, 'message')).filter((text) => text !== undefined);
  const fields = entries.map((entry) => readString(entry, 'field')).filter((name) => name !== undefined);
  const message = readString(error, 'message') ?? '';
  let decision: Decision;
  let retryAfterMs: number | undefined;
  if (status !== undefined && isRecord(response)) {
    decision = decideStatus(status, texts.join(' '), fields);
    if (decision.category === 'account-limit' || decision.category === 'server-busy') {
      retryAfterMs = waitFrom(readField(response, 'headers'), now);
    }
  } else if (code !== undefined && dnsCodes.has(code)) {
    decision = {
      category: 'dns-failure',
      origin: 'network',
      rule: 'sendgrid:dns',
      options: { scope: 'provider' },
    };
  } else if (code !== undefined && networkCodes.has(code)) {
    decision = {
      category: 'network',
      origin: 'network',
      rule: 'sendgrid:network',
      options: { scope: 'provider' },
    };
  } else {
    // Thrown before any request: `@sendgrid/helpers` validation ("Provide at least one of to, cc or bcc").
    decision = {
      category: 'unknown',
      origin: 'local',
      rule: 'sendgrid:local-error',
      options: { summary: `The send failed before reaching SendGrid${message === '' ? '' : `: ${message}`}` },
    };
  }
  const verdict = createVerdict(decision.category, {
    rule: decision.rule,
    ...decision.options,
    ...(retryAfterMs === undefined ? {} : { retry: { afterMs: retryAfterMs } }),
  });
  const headers = readField(response, 'headers');
  const providerDetail = {
    ...ifDefined('httpStatus', status),
    ...ifDefined('code', code),
    ...ifDefined('message', message === '' ? undefined : message),
    ...(entries.length === 0 ? {} : { errors: entries }),
    ...ifDefined('rateLimitLimit', header(headers, 'x-ratelimit-limit')),
    ...ifDefined('rateLimitRemaining', header(headers, 'x-ratelimit-remaining')),
    ...ifDefined('rateLimitReset', header(headers, 'x-ratelimit-reset')),
  };
  return perRecipientOutcomes(
    { provider, event: 'failed', origin: decision.origin, providerDetail, retryAfterMs, verdict, raw: error },
    options.recipients ?? [],
  );
}
