// Errors of the SES v2 `SendEmail` call (`@aws-sdk/client-sesv2`) → outcomes. Shapes: packages/ses/PROVIDER.md §1–§2
// (SDK source + runs against a local fake); categories: packages/ses/PROVIDER.md §7 and docs/taxonomy.md.
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
  readField,
  readNumber,
  readString,
} from '@mailverdict/core/adapter';
import { provider, type SesErrorOptions, unreadableInput } from './types';

interface Decision {
  readonly category: Category;
  readonly origin: OutcomeOrigin;
  readonly rule: string;
  readonly options?: VerdictOptions;
  readonly retryAfterMs?: number;
}

// Node codes of a request that got no HTTP answer (the ones @smithy/service-error-classification retries).
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN']);

// Unmodeled wire types that mean our credentials or IAM policy are wrong (AWS common errors).
const credentialErrors = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'NotAuthorized',
]);
// Throttling names: the SESv2 model plus Smithy's THROTTLING_ERROR_CODES that SES v1 and AWS front ends send.
const throttleNames = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

function has(text: string, phrase: string): boolean {
  return text.toLowerCase().includes(phrase);
}

/** Throttle or quota texts, whatever the error name (SES docs "manage-sending-quotas-errors"). */
function quotaDecision(message: string, options: SesErrorOptions): Decision | undefined {
  if (has(message, 'daily message quota exceeded')) {
    const retryAfterMs = options.quotaRetryMs ?? 3_600_000;
    return {
      category: 'account-limit',
      origin: 'account',
      rule: 'ses:daily-quota',
      retryAfterMs,
      options: {
        summary: 'The SES 24-hour sending quota is used up; retry when earlier sends age out.',
        retry: { afterMs: retryAfterMs },
      },
    };
  }
  if (has(message, 'maximum sending rate exceeded')) {
    const retryAfterMs = options.rateRetryMs ?? 1000;
    return {
      category: 'account-limit',
      origin: 'account',
      rule: 'ses:max-send-rate',
      retryAfterMs,
      options: {
        summary: 'The SES per-second sending rate was exceeded; slow down and retry shortly.',
        retry: { afterMs: retryAfterMs },
      },
    };
  }
  return undefined;
}

function decide(
  name: string | undefined,
  message: string,
  status: number | undefined,
  code: string | undefined,
  options: SesErrorOptions,
): Decision {
  // Texts first: SES sends the quota texts under more than one name (packages/ses/PROVIDER.md §1, docs/providers.md §4).
  const quota = quotaDecision(message, options);
  if (quota !== undefined) return quota;
  if (name !== undefined && throttleNames.has(name)) {
    return quotaDecision('maximum sending rate exceeded', options) as Decision;
  }
  switch (name) {
    case 'MessageRejected':
      // "Email address is not verified. The following identities failed the check…": our sender identity,
      // or (in the sandbox) an unverified recipient — either way the account must change.
      if (has(message, 'not verified')) {
        return { category: 'account-issue', origin: 'account', rule: 'ses:identity-not-verified' };
      }
      if (has(message, 'virus') || has(message, 'malware')) {
        return { category: 'virus', origin: 'provider', rule: 'ses:message-rejected-virus' };
      }
      return {
        category: 'spam-content',
        origin: 'provider',
        rule: 'ses:message-rejected',
        options: { confidence: 0.6, summary: 'SES rejected the message content.' },
      };
    case 'MailFromDomainNotVerifiedException':
      return { category: 'account-issue', origin: 'account', rule: 'ses:mail-from-not-verified' };
    case 'AccountSuspendedException':
      return { category: 'account-issue', origin: 'account', rule: 'ses:account-suspended' };
    case 'SendingPausedException':
    case 'AccountSendingPausedException':
    case 'ConfigurationSetSendingPausedException':
      return { category: 'account-issue', origin: 'account', rule: 'ses:sending-paused' };
    case 'NotFoundException':
    case 'ConfigurationSetDoesNotExistException':
      // A configuration set, template or identity we named does not exist: our set-up at the provider.
      return {
        category: 'account-issue',
        origin: 'account',
        rule: 'ses:not-found',
        options: { summary: 'SES does not know a resource the request named (configuration set, template).' },
      };
    case 'ProductionAccessNotGrantedException':
      return { category: 'account-issue', origin: 'account', rule: 'ses:sandbox' };
    case 'LimitExceededException':
      // "Too many instances of the specified resource type" — a resource cap of the account, not a send rate.
      return {
        category: 'account-limit',
        origin: 'account',
        rule: 'ses:limit-exceeded',
        options: { confidence: 0.7 },
      };
    case 'BadRequestException':
      // Address syntax SES refuses ("Missing final '@domain'", "Illegal address"): docs/taxonomy.md#decision-9.
      if (
        has(message, "missing final '@") ||
        has(message, 'illegal address') ||
        has(message, 'local address contains')
      ) {
        return { category: 'mailbox-unknown', origin: 'provider', rule: 'ses:invalid-address' };
      }
      return {
        category: 'protocol',
        origin: 'provider',
        rule: 'ses:bad-request',
        options: { summary: 'SES refused the request as invalid; the request must change.' },
      };
    case 'InternalServiceErrorException':
      return serverDecision('ses:internal-error');
  }
  if (name !== undefined && credentialErrors.has(name)) {
    return { category: 'account-issue', origin: 'account', rule: 'ses:credentials' };
  }
  if (code !== undefined && dnsCodes.has(code)) {
    return { category: 'dns-failure', origin: 'network', rule: 'ses:dns', options: { scope: 'provider' } };
  }
  if (code !== undefined && networkCodes.has(code)) {
    return { category: 'network', origin: 'network', rule: 'ses:network', options: { scope: 'provider' } };
  }
  // No usable name (a non-JSON body gives a SyntaxError): the HTTP status decides (packages/ses/PROVIDER.md §1).
  if (status !== undefined) {
    if (status >= 500) return serverDecision('ses:http-5xx');
    if (status === 429) return quotaDecision('maximum sending rate exceeded', options) as Decision;
    if (status === 401 || status === 403)
      return { category: 'account-issue', origin: 'account', rule: 'ses:http-403' };
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { category: 'network', origin: 'network', rule: 'ses:timeout', options: { scope: 'provider' } };
  }
  return {
    category: 'unknown',
    origin: status === undefined ? 'local' : 'provider',
    rule: 'ses:unrecognized-error',
    options: {
      summary: `An SES error this adapter does not know: ${name ?? 'no name'}${message === '' ? '' : `: ${message}`}`,
    },
  };
}

function serverDecision(rule: string): Decision {
  return {
    category: 'server-busy',
    origin: 'provider',
    rule,
    options: {
      scope: 'provider',
      summary: 'SES had an internal error or was unavailable; retry with backoff.',
    },
  };
}

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3), in ms from `now`. */
function retryAfterHeader(headers: unknown, now: number): number | undefined {
  if (!isRecord(headers)) return undefined;
  const value = readString(headers, 'retry-after') ?? readString(headers, 'Retry-After');
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function checkOptions(options: SesErrorOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('fromSesError: `options` must be an object');
  const { recipients, rateRetryMs, quotaRetryMs } = options;
  if (
    recipients !== undefined &&
    !(Array.isArray(recipients) && recipients.every((r) => typeof r === 'string'))
  ) {
    throw new TypeError('fromSesError: `options.recipients` must be an array of strings');
  }
  for (const [name, value] of [
    ['rateRetryMs', rateRetryMs],
    ['quotaRetryMs', quotaRetryMs],
  ] as const) {
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`fromSesError: \`options.${name}\` must be a number of milliseconds ≥ 0`);
    }
  }
}

/**
 * Turns what `SESv2Client.send(new SendEmailCommand(…))` rejected with into outcomes (event `failed`: the
 * call failed before SES tried any recipient). Never throws on any `error` value; throws `TypeError` on bad options.
 */
export function fromSesError(error: unknown, options: SesErrorOptions = {}): DeliveryOutcome[] {
  checkOptions(options);
  // A Proxy or a throwing getter deep inside the error gives one unreadable outcome, not a throw.
  return convertSafely(error, unreadableInput, () => readError(error, options));
}

function readError(error: unknown, options: SesErrorOptions): DeliveryOutcome[] {
  const name = readString(error, 'name');
  const message = readString(error, 'message') ?? '';
  const code = readString(error, 'code');
  const metadata = readField(error, '$metadata');
  const status =
    readNumber(metadata, 'httpStatusCode') ?? readNumber(readField(error, '$response'), 'statusCode');
  const decision = decide(name, message, status, code, options);
  const headerWait = retryAfterHeader(readField(readField(error, '$response'), 'headers'), Date.now());
  const retryAfterMs = headerWait ?? decision.retryAfterMs;
  const verdict = createVerdict(decision.category, {
    rule: decision.rule,
    ...decision.options,
    ...(headerWait === undefined ? {} : { retry: { ...decision.options?.retry, afterMs: headerWait } }),
  });
  const providerDetail = {
    ...ifDefined('name', name),
    ...ifDefined('message', message === '' ? undefined : message),
    ...ifDefined('code', code),
    ...ifDefined('httpStatusCode', status),
    ...ifDefined('fault', readString(error, '$fault')),
    ...ifDefined('requestId', readString(metadata, 'requestId')),
    ...ifDefined('attempts', readNumber(metadata, 'attempts')),
  };
  return perRecipientOutcomes(
    { provider, event: 'failed', origin: decision.origin, providerDetail, retryAfterMs, verdict, raw: error },
    options.recipients ?? [],
  );
}
