// mailgun.js errors → outcomes. Shape read in mailgun.js@14.0.1 `ESM/mailgun.node.js` (class APIError and
// `makeRequest`) and confirmed against a local fake (packages/mailgun/PROVIDER.md §2): every failure is an APIError with
// `type: "MailgunAPIError"`, and a network failure arrives as `status: 400` with the Node code in `message`.
import { createVerdict, type DeliveryOutcome, type OutcomeOrigin, type Verdict } from '@mailverdict/core';
import {
  listRecipients,
  parseRetryAfter,
  perRecipientOutcomes,
  readHeader,
  type SendContext,
} from '@mailverdict/core/adapter';
import { type MailgunApiErrorLike, provider } from './types';

// `E` + capitals: Node's `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, axios' `ECONNABORTED`, `ERR_NETWORK`.
const nodeErrorCode = /^E[A-Z0-9_]{2,40}$/;

// Messages of mailgun.js' own argument checks (`APIError.getUserDataError` and the root-URL check), thrown
// before any request is made. They also arrive with status 400.
const sdkChecks = [
  'Message data object can not be empty',
  'Unknown attachment type',
  'Unknown value ',
  'Unknown data type for',
  'Unknown value type for Form Data',
  '"form-data" npm package detected',
  '(Fetch) Request body larger',
  'Incorrect url',
];

interface Decision {
  readonly origin: OutcomeOrigin;
  readonly verdict: Verdict;
}

function isApiError(value: unknown): value is MailgunApiErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Record<string, unknown>;
  return error.type === 'MailgunAPIError' && typeof error.status === 'number';
}

function decide(error: MailgunApiErrorLike, details: string): Decision {
  const { status, message } = error;
  const rule = (name: string) => `mailgun:api-${name}`;
  if (status === 400 && nodeErrorCode.test(message)) {
    return {
      origin: 'network',
      verdict: createVerdict('network', {
        rule: rule('network'),
        scope: 'provider',
        summary: `The Mailgun API could not be reached (${message}).`,
      }),
    };
  }
  if (status === 400 && sdkChecks.some((prefix) => message.startsWith(prefix))) {
    return {
      origin: 'local',
      verdict: createVerdict('protocol', {
        rule: rule('sdk-check'),
        summary: `mailgun.js refused the message before sending it: ${details || message}`,
      }),
    };
  }
  if (status === 401 || status === 403) {
    // 401: wrong API key; 403: access denied, including sandbox domains sending to unauthorized recipients.
    const sandbox = details.toLowerCase().includes('sandbox');
    return {
      origin: 'account',
      verdict: createVerdict('account-issue', {
        rule: rule(sandbox ? 'sandbox' : String(status)),
        summary: sandbox
          ? 'The Mailgun sandbox domain only sends to authorized recipients.'
          : `Mailgun refused our credentials or access (${status}${details ? `: ${details}` : ''}).`,
      }),
    };
  }
  if (status === 404) {
    // `POST /v3/<domain>/messages` answers 404 for a domain that is not on the account (or not in this region).
    return {
      origin: 'account',
      verdict: createVerdict('account-issue', {
        rule: rule('404'),
        summary: `Mailgun does not know the sending domain or URL (404${details ? `: ${details}` : ''}).`,
      }),
    };
  }
  if (status === 413) {
    return {
      origin: 'provider',
      verdict: createVerdict('message-too-large', {
        rule: rule('413'),
        summary: 'The message (with attachments) is larger than Mailgun accepts.',
      }),
    };
  }
  if (status === 429) {
    return {
      origin: 'provider',
      verdict: createVerdict('rate-limited', {
        rule: rule('429'),
        scope: 'provider',
        summary: 'The Mailgun API rate limit was reached; slow down and retry.',
      }),
    };
  }
  if (status >= 500 && status < 600) {
    return {
      origin: 'provider',
      verdict: createVerdict('server-busy', {
        rule: rule('5xx'),
        scope: 'provider',
        summary: `Mailgun had a server error (${status}); retry with backoff.`,
      }),
    };
  }
  if (status === 400 || (status >= 402 && status < 500)) {
    // Mailgun's 400 says which parameter is wrong in `details`: a bug in the request, not a fact about a recipient
    // (the API does not say which of several recipients was malformed).
    return {
      origin: 'provider',
      verdict: createVerdict('protocol', {
        rule: rule('4xx'),
        summary: `Mailgun refused the request (${status}${details ? `: ${details}` : ''}).`,
      }),
    };
  }
  return {
    origin: 'provider',
    verdict: createVerdict('unknown', {
      rule: rule('unexpected-status'),
      permanence: 'transient',
      scope: 'provider',
      confidence: 0.2,
      summary: `Mailgun answered with an unexpected status ${status}.`,
    }),
  };
}

function notAnApiError(error: unknown): Decision {
  let what: string = typeof error;
  try {
    if (error instanceof Error) what = `${String(error.name)}: ${String(error.message)}`;
  } catch {
    // a hostile value; `typeof` is all we say about it
  }
  return {
    origin: 'local',
    verdict: createVerdict('unknown', {
      rule: 'mailgun:not-an-api-error',
      permanence: 'permanent',
      scope: 'provider',
      confidence: 0,
      summary: `Not a mailgun.js API error (${what}); nothing could be determined.`,
    }),
  };
}

/**
 * Outcomes for a rejected `mg.messages.create(...)`: one per recipient in `context.to` (or a single one without a
 * recipient), event `failed`. Never throws on the error value, whatever it is.
 */
export function fromMailgunError(error: unknown, context: SendContext = {}): DeliveryOutcome[] {
  const recipients = listRecipients(context, 'fromMailgunError');
  const now = Date.now();
  let decision: Decision | undefined;
  let providerDetail: Record<string, unknown> = {};
  let retryAfterMs: number | undefined;
  let apiError = false;
  try {
    apiError = isApiError(error);
    if (apiError) {
      const api = error as MailgunApiErrorLike;
      const details = typeof api.details === 'string' ? api.details : '';
      decision = decide({ ...api, message: typeof api.message === 'string' ? api.message : '' }, details);
      providerDetail = { status: api.status, message: api.message, details: api.details };
      retryAfterMs = parseRetryAfter(readHeader(api.headers, 'retry-after'), now);
    }
  } catch {
    // Hostile input (throwing getters, proxies) is treated like any other non-mailgun value.
    apiError = false;
    retryAfterMs = undefined;
  }
  if (!apiError || decision === undefined) {
    decision = notAnApiError(error);
    providerDetail = {};
  }
  const { origin, verdict } = decision;
  return perRecipientOutcomes(
    { provider, event: 'failed', origin, providerDetail, retryAfterMs, verdict, raw: error },
    recipients,
  );
}
