// A fake Resend sending API and Svix-signed Resend webhook builders, for tests that run offline.
// Wire format (resend@6.38.0 `fetchRequest`, https://resend.com/docs/api-reference/errors, packages/resend/PROVIDER.md §1):
// `POST /emails` and `POST /emails/batch` with `Authorization: Bearer <key>` and a JSON body; success `{ "id": "<uuid>" }`
// (batch: `{ "data": [{ "id" }], "errors"?: [{ "index", "message" }] }`); errors `{ "statusCode", "name", "message" }`;
// 429 with `ratelimit-*` and `retry-after` headers (https://resend.com/docs/api-reference/rate-limit).
// Point the real SDK at it — constructor option (resend `ResendOptions.baseUrl`) or the `RESEND_BASE_URL` env variable,
// read when the client is constructed (verified by the tests):
//   new Resend(fake.apiKey, { baseUrl: fake.url })
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  type HttpReply,
  json,
  parseJsonBody,
  type RecordedRequest,
  type RunningHttpServer,
  startHttpServer,
} from './http-server';

/** What the fake answers to one send. */
export type ResendScenario =
  /** 200 with a new id */
  | { readonly accept: true }
  /** an API error `{ statusCode, name, message }` */
  | {
      readonly status: number;
      readonly name: string;
      readonly message: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** any raw HTTP reply (an HTML 502 from a load balancer, a dropped connection, a delay) */
  | { readonly reply: HttpReply };

export interface FakeResendOptions {
  /** The API key the fake accepts. Default `re_test`. None → 401 `missing_api_key`; another → 403 `invalid_api_key`. */
  readonly apiKey?: string;
  /** Verified sending domains; a `from` on another → 403 `validation_error` "domain is not verified". Default `['example.org']`. */
  readonly domains?: readonly string[];
  /** Requests per second before 429 `rate_limit_exceeded` (Resend's default is 2). Default: no limit. */
  readonly rateLimit?: number;
  /** Scenario per recipient (to, cc or bcc; compared lowercase). The first listed recipient with one decides. */
  readonly recipients?: Readonly<Record<string, ResendScenario>>;
  /** Scenarios for the first requests, in order (used before any other check; an `accept` there lets the request through to the normal checks). */
  readonly sequence?: readonly ResendScenario[];
  /** Scenario when nothing else applies. Default `{ accept: true }`. */
  readonly fallback?: ResendScenario;
}

/** One email the fake received (a batch gives one record per email). */
export interface ResendSendRecord {
  readonly path: '/emails' | '/emails/batch';
  /** The email as sent (JSON). */
  readonly email: unknown;
  readonly recipients: readonly string[];
  /** The id returned, when accepted. */
  readonly id?: string;
  /** The error name, when refused. */
  readonly error?: string;
}

export interface FakeResend extends RunningHttpServer {
  readonly apiKey: string;
  /** Every email, in order. */
  readonly sends: ResendSendRecord[];
}

const addressFormat =
  'The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.';

/** Ready-made scenarios for each error row of packages/resend/PROVIDER.md §1 / §4 (names, statuses and texts as Resend writes them). */
export const resendScenarios = {
  accept: { accept: true },
  validationError: {
    status: 400,
    name: 'validation_error',
    message: 'We found an error with one or more fields in the request.',
  },
  invalidTo: { status: 422, name: 'validation_error', message: `Invalid \`to\` field. ${addressFormat}` },
  missingRequiredField: { status: 422, name: 'missing_required_field', message: 'Missing `to` field.' },
  invalidFromAddress: {
    status: 422,
    name: 'invalid_from_address',
    message: `Invalid \`from\` field. ${addressFormat}`,
  },
  invalidAttachment: {
    status: 422,
    name: 'invalid_attachment',
    message: 'Attachment must have either a `content` or `path`.',
  },
  missingApiKey: {
    status: 401,
    name: 'missing_api_key',
    message:
      'Missing API key in the authorization header. Include the following header `Authorization: Bearer YOUR_API_KEY` in the request.',
  },
  restrictedApiKey: {
    status: 401,
    name: 'restricted_api_key',
    message: 'This API key is restricted to only send emails.',
  },
  invalidApiKey: { status: 403, name: 'invalid_api_key', message: 'API key is invalid' },
  unverifiedDomain: {
    status: 403,
    name: 'validation_error',
    message:
      'The example.net domain is not verified. Please, add and verify your domain on https://resend.com/domains',
  },
  testingOnly: {
    status: 403,
    name: 'validation_error',
    message:
      'You can only send testing emails to your own email address (owner@example.org). To send emails to other recipients, please verify a domain at resend.com/domains, and change the `from` address to an email using this domain.',
  },
  notFound: { status: 404, name: 'not_found', message: 'The requested endpoint does not exist.' },
  rateLimited: {
    status: 429,
    name: 'rate_limit_exceeded',
    message:
      'Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.',
    headers: {
      'ratelimit-limit': '2',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '1',
      'retry-after': '1',
    },
  },
  dailyQuota: {
    status: 429,
    name: 'daily_quota_exceeded',
    message: 'You have reached your daily email sending quota.',
    headers: { 'retry-after': '3600' },
  },
  monthlyQuota: {
    status: 429,
    name: 'monthly_quota_exceeded',
    message: 'You have reached your monthly email sending quota.',
  },
  securityError: {
    status: 451,
    name: 'security_error',
    message: 'We may have found a security issue with the request.',
  },
  applicationError: { status: 500, name: 'application_error', message: 'An unexpected error occurred.' },
  internalServerError: {
    status: 500,
    name: 'internal_server_error',
    message: 'An unexpected error occurred.',
  },
  /** A non-JSON 502 page from a load balancer (the SDK turns it into `application_error` with the status). */
  badGateway: {
    reply: {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>502 Bad Gateway</body></html>',
    },
  },
  /** The connection is closed without an answer (the SDK gives `application_error` with `statusCode: null`). */
  dropped: { reply: { status: 0, destroy: true } },
} as const satisfies Record<string, ResendScenario>;

function errorReply(scenario: Extract<ResendScenario, { name: string }>): HttpReply {
  return json(
    scenario.status,
    { statusCode: scenario.status, name: scenario.name, message: scenario.message },
    scenario.headers,
  );
}

function addressOf(entry: string): string {
  const open = entry.lastIndexOf('<');
  const close = entry.lastIndexOf('>');
  return (open >= 0 && close > open ? entry.slice(open + 1, close) : entry).trim();
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function validAddress(address: string): boolean {
  const at = address.indexOf('@');
  return (
    at > 0 && at === address.lastIndexOf('@') && address.indexOf('.', at) > at + 1 && !address.includes(' ')
  );
}

/**
 * Starts a fake Resend API on a loopback port. Checks, in order: `sequence`, the API key, the rate limit, the JSON
 * body (required fields, address syntax), the `from` domain, per-recipient scenarios, `fallback`.
 */
export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('startFakeResend: `options` must be an object');
  const apiKey = options.apiKey ?? 're_test';
  const domains = new Set((options.domains ?? ['example.org']).map((domain) => domain.toLowerCase()));
  const byRecipient = new Map(
    Object.entries(options.recipients ?? {}).map(([address, scenario]) => [address.toLowerCase(), scenario]),
  );
  const sequence = [...(options.sequence ?? [])];
  const fallback = options.fallback ?? { accept: true };
  const rateLimit = options.rateLimit;
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) {
    throw new TypeError(
      'startFakeResend: `options.rateLimit` must be a positive integer (requests per second)',
    );
  }
  const sends: ResendSendRecord[] = [];
  const recent: number[] = [];

  /** The scenario for one email, from its content; `accept` when nothing objects. */
  function judge(email: unknown): ResendScenario {
    const record = typeof email === 'object' && email !== null ? (email as Record<string, unknown>) : {};
    const from = typeof record.from === 'string' ? record.from : undefined;
    const to = list(record.to);
    if (from === undefined)
      return { ...resendScenarios.missingRequiredField, message: 'Missing `from` field.' };
    if (to.length === 0) return resendScenarios.missingRequiredField;
    if (!validAddress(addressOf(from))) return resendScenarios.invalidFromAddress;
    const recipients = [...to, ...list(record.cc), ...list(record.bcc)].map(addressOf);
    if (recipients.some((address) => !validAddress(address))) return resendScenarios.invalidTo;
    const domain = addressOf(from).split('@')[1]!.toLowerCase();
    if (!domains.has(domain)) {
      return {
        ...resendScenarios.unverifiedDomain,
        message: `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`,
      };
    }
    for (const address of recipients) {
      const scenario = byRecipient.get(address.toLowerCase());
      if (scenario !== undefined) return scenario;
    }
    return fallback;
  }

  function record(
    path: ResendSendRecord['path'],
    email: unknown,
    scenario: ResendScenario,
    id?: string,
  ): void {
    const fields = typeof email === 'object' && email !== null ? (email as Record<string, unknown>) : {};
    const recipients = [...list(fields.to), ...list(fields.cc), ...list(fields.bcc)].map(addressOf);
    sends.push({
      path,
      email,
      recipients,
      ...(id === undefined ? {} : { id }),
      ...('name' in scenario ? { error: scenario.name } : {}),
    });
  }

  function gate(request: RecordedRequest): ResendScenario | undefined {
    const header = String(request.headers.authorization ?? '');
    if (!header.startsWith('Bearer ') || header.length === 7) return resendScenarios.missingApiKey;
    if (header.slice(7) !== apiKey) return resendScenarios.invalidApiKey;
    if (rateLimit !== undefined) {
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= rateLimit) {
        const reset = Math.max(1, Math.ceil((recent[0]! + 1000 - now) / 1000));
        return {
          ...resendScenarios.rateLimited,
          message: `Too many requests. You can only make ${rateLimit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
          headers: {
            'ratelimit-limit': String(rateLimit),
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(reset),
            'retry-after': String(reset),
          },
        };
      }
      recent.push(now);
    }
    return undefined;
  }

  const server = await startHttpServer((request) => {
    if (request.method !== 'POST' || (request.path !== '/emails' && request.path !== '/emails/batch')) {
      return errorReply(resendScenarios.notFound);
    }
    const path = request.path;
    const body = parseJsonBody(request);
    const refuse = (scenario: ResendScenario, email: unknown): HttpReply => {
      record(path, email, scenario);
      return 'reply' in scenario
        ? scenario.reply
        : 'accept' in scenario
          ? json(200, { id: randomUUID() })
          : errorReply(scenario);
    };
    const next = sequence.shift() ?? gate(request);
    if (next !== undefined && !('accept' in next)) return refuse(next, body);
    if (body === undefined) {
      return refuse({ status: 400, name: 'validation_error', message: 'Invalid JSON body.' }, request.body);
    }
    if (path === '/emails') {
      const scenario = judge(body);
      if (!('accept' in scenario)) return refuse(scenario, body);
      const id = randomUUID();
      record(path, body, scenario, id);
      return json(200, { id });
    }
    // Batch: strict (default) fails the whole batch on the first bad email; permissive sends the good ones
    // and lists the others in `errors` (resend `CreateBatchRequestOptions.batchValidation`, header `x-batch-validation`).
    if (!Array.isArray(body))
      return refuse({ ...resendScenarios.validationError, message: 'The batch must be an array.' }, body);
    if (body.length > 100)
      return refuse(
        { ...resendScenarios.validationError, message: 'Too many emails in the batch (max 100).' },
        body,
      );
    const permissive =
      String(request.headers['x-batch-validation'] ?? 'strict').toLowerCase() === 'permissive';
    const verdicts = body.map(judge);
    const firstBad = verdicts.findIndex((scenario) => !('accept' in scenario));
    if (!permissive && firstBad >= 0) {
      const bad = verdicts[firstBad]!;
      if ('reply' in bad) return refuse(bad, body);
      return refuse({ ...bad, message: `emails[${firstBad}]: ${'message' in bad ? bad.message : ''}` }, body);
    }
    const data: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    body.forEach((email: unknown, index: number) => {
      const scenario = verdicts[index]!;
      if ('accept' in scenario) {
        const id = randomUUID();
        data.push({ id });
        record(path, email, scenario, id);
      } else {
        errors.push({ index, message: 'message' in scenario ? scenario.message : 'refused' });
        record(path, email, scenario);
      }
    });
    return json(200, permissive ? { data, errors } : { data });
  });
  return { ...server, close: server.close, apiKey, sends };
}

// ---------------------------------------------------------------------------------------------------------
// Webhooks

/** A new random signing secret in Resend's format (`whsec_` + base64 of 24 random bytes). */
export function createResendWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface ResendWebhookOptions {
  /** The endpoint's signing secret, `whsec_…`. */
  readonly secret: string;
  /** `svix-id`; default a new `msg_…` id. */
  readonly id?: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
}

export interface SignedResendWebhook {
  readonly headers: {
    readonly 'svix-id': string;
    readonly 'svix-timestamp': string;
    readonly 'svix-signature': string;
  };
  /** The exact body that was signed. */
  readonly body: string;
}

/**
 * A Resend webhook signed as Svix signs it: `v1,` + base64(HMAC-SHA256(base64-decoded secret, `${id}.${timestamp}.${body}`)).
 * `payload` is serialized with `JSON.stringify` unless it is already a string.
 */
export function signResendWebhook(payload: unknown, options: ResendWebhookOptions): SignedResendWebhook {
  const secret = options?.secret;
  if (typeof secret !== 'string' || !secret.startsWith('whsec_') || secret.length <= 6) {
    throw new TypeError('signResendWebhook: `options.secret` must be a `whsec_…` secret');
  }
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const id = options.id ?? `msg_${randomBytes(14).toString('base64url')}`;
  const timestamp = String(Math.trunc(options.timestamp ?? Date.now() / 1000));
  const key = Buffer.from(secret.slice(6), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    headers: { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` },
    body,
  };
}

/** POSTs a signed webhook to `url` (your receiver) like Resend does; resolves to the HTTP status. */
export async function postResendWebhook(url: string, signed: SignedResendWebhook): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Svix-Webhooks/fake', ...signed.headers },
    body: signed.body,
  });
  await response.arrayBuffer();
  return response.status;
}
