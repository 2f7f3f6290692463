import {
  type Category,
  createVerdict,
  type OutcomeOrigin,
  type Verdict,
  type VerdictOptions,
} from '@mailverdict/core';

/** What one Postmark API error means for the send. */
interface ApiErrorRule {
  readonly category: Category;
  readonly origin: OutcomeOrigin;
  readonly summary: string;
  readonly options?: VerdictOptions;
}

// Postmark's API ErrorCodes on the send path (packages/postmark/PROVIDER.md §1 table, §8; Postmark API overview
// https://postmarkapp.com/developer/api/overview#error-codes). These are not SMTP or HTTP codes even
// where the numbers look alike (400, 401, 406, 412): docs/providers.md §2 hazard 2.
const errorCodes: Readonly<Record<number, ApiErrorRule>> = {
  10: {
    category: 'account-issue',
    origin: 'account',
    summary: 'Postmark refused the server API token (bad or missing).',
  },
  100: {
    category: 'server-busy',
    origin: 'provider',
    summary: 'Postmark is in maintenance; try again later.',
    options: { scope: 'provider' },
  },
  300: {
    category: 'protocol',
    origin: 'provider',
    summary: 'Postmark refused the request as invalid (address syntax, too many recipients, no body…).',
  },
  400: {
    category: 'account-issue',
    origin: 'account',
    summary: 'The From address is not a Postmark sender signature.',
  },
  401: {
    category: 'account-issue',
    origin: 'account',
    summary: 'The Postmark sender signature is not confirmed yet.',
  },
  402: {
    category: 'protocol',
    origin: 'provider',
    summary: 'Postmark could not read the JSON of the request.',
  },
  403: {
    category: 'protocol',
    origin: 'provider',
    summary: 'Postmark found fields it does not accept in the request.',
  },
  // Credits exhausted: nothing resets by itself, someone has to buy credits.
  405: {
    category: 'account-limit',
    origin: 'account',
    summary: 'The Postmark account has no credits left to send.',
    options: { permanence: 'permanent', retry: { changeRequired: true } },
  },
  // The one certain fact Postmark gives: the recipient is on its suppression list.
  406: {
    category: 'suppressed',
    origin: 'provider',
    summary:
      'Postmark refused: the recipient is inactive (hard bounce, spam complaint or manual suppression).',
  },
  409: {
    category: 'protocol',
    origin: 'provider',
    summary: 'Postmark requires JSON (Accept / Content-Type headers).',
  },
  // More than 500 messages in one batch: send the rest in another request, no backoff needed.
  410: {
    category: 'transaction-limit',
    origin: 'provider',
    summary: 'Too many messages in one Postmark batch (500 at most).',
    options: { scope: 'message' },
  },
  411: { category: 'virus', origin: 'provider', summary: 'Postmark forbids one of the attachment types.' },
  412: {
    category: 'account-issue',
    origin: 'account',
    summary: 'The Postmark account is pending approval: only recipients on the From domain are allowed.',
  },
  413: {
    category: 'account-issue',
    origin: 'account',
    summary: 'The Postmark account is not approved for sending.',
  },
  429: {
    category: 'rate-limited',
    origin: 'provider',
    summary: 'Postmark rate-limited the API requests.',
    options: { scope: 'provider' },
  },
};

export interface ApiErrorVerdict {
  readonly origin: OutcomeOrigin;
  readonly verdict: Verdict;
}

/**
 * The verdict and origin of a Postmark API error, from the HTTP status (how the postmark client
 * picks its error class, packages/postmark/PROVIDER.md §2) and then the body's ErrorCode (§1).
 */
export function apiErrorVerdict(
  statusCode: number | undefined,
  errorCode: number | undefined,
  message: string,
): ApiErrorVerdict {
  const code = errorCode ?? 0;
  const make = (
    rule: string,
    category: Category,
    origin: OutcomeOrigin,
    summary: string,
    options?: VerdictOptions,
  ) => ({
    origin,
    verdict: createVerdict(category, { rule, summary, ...options }),
  });
  const table = (key: number, rule = `postmark:${key}`): ApiErrorVerdict => {
    const entry = errorCodes[key] as ApiErrorRule;
    return make(rule, entry.category, entry.origin, entry.summary, entry.options);
  };

  // `fetch` rejected: no HTTP answer at all (packages/postmark/PROVIDER.md §2 last row: code 0, statusCode 0).
  if (statusCode === 0 && code === 0) {
    const lower = message.toLowerCase();
    const timedOut = lower.includes('abort') || lower.includes('timeout') || lower.includes('timed out');
    return make(
      timedOut ? 'postmark:timeout' : 'postmark:network',
      'network',
      'network',
      timedOut
        ? 'The request to Postmark timed out or was aborted; Postmark may or may not have accepted it.'
        : 'The request to Postmark failed without an answer (connection refused, reset or DNS).',
      { scope: 'provider' },
    );
  }
  // HTTP 413 is a request body over 10 MB (50 MB for a batch); ErrorCode 413 under HTTP 422 is an account state.
  if (statusCode === 413) {
    return make(
      'postmark:http-413',
      'message-too-large',
      'provider',
      'The request is larger than Postmark accepts (10 MB, 50 MB for a batch).',
    );
  }
  if (statusCode === 429) return table(429, 'postmark:http-429');
  if (statusCode === 401) return table(10, 'postmark:http-401');
  const serverBusy = () =>
    make(
      'postmark:http-5xx',
      'server-busy',
      'provider',
      'Postmark had a server error or is unavailable; try again later.',
      {
        scope: 'provider',
      },
    );
  if (code === 100) return table(100);
  if (statusCode === 500 || statusCode === 503) return serverBusy();
  if (errorCodes[code] !== undefined) return table(code);
  // 1100–1199: template errors (e.g. 1101 TemplateId not found).
  if (code >= 1100 && code <= 1199) {
    return make(
      'postmark:error-template',
      'message-format',
      'provider',
      'Postmark could not use the template of the request.',
    );
  }
  // 1221–1229: message-stream errors (e.g. 1226 stream not found).
  if (code >= 1221 && code <= 1229) {
    return make(
      'postmark:error-stream',
      'account-issue',
      'account',
      'The Postmark message stream of the request is missing or not allowed.',
    );
  }
  if (statusCode !== undefined && statusCode >= 500) return serverBusy();
  return make(
    'postmark:error-unknown',
    'unknown',
    'provider',
    `Postmark refused the request (HTTP ${statusCode ?? 'status unknown'}, ErrorCode ${code}).`,
    { scope: 'provider', confidence: 0 },
  );
}
