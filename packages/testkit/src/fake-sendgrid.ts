// A fake SendGrid v3 Mail Send API and signed Event Webhook batches, for tests that run offline.
// Wire format: packages/sendgrid/PROVIDER.md §1–§4 (SendGrid API reference "errors", "rate limits", "event webhook").
// Point the real `@sendgrid/mail` at it — `setApiKey` resets the base URL, so set `baseUrl` after it:
//   const client = new Client();                 // from '@sendgrid/client'
//   client.setApiKey('SG.test');
//   client.setDefaultRequest('baseUrl', `${fake.url}/`);
//   sgMail.setClient(client);                    // or: new MailService().setClient(client)
import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { type HttpReply, json, parseJsonBody, type RunningHttpServer, startHttpServer } from './http-server';

/** One SendGrid error entry: `{ message, field, help }` (`field` and `help` are often null). */
export interface SendGridErrorEntry {
  readonly message: string;
  readonly field?: string | null;
  readonly help?: unknown;
}

/** What the fake answers to one `POST /v3/mail/send`. */
export type SendGridScenario =
  /** 202 with an `X-Message-Id` header and an empty body */
  | { readonly accept: true }
  /** an API error: `{ errors: [...] }` with this status */
  | {
      readonly status: number;
      readonly errors: readonly SendGridErrorEntry[];
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** any raw HTTP reply (a destroyed socket, an HTML 502, …) */
  | { readonly reply: HttpReply };

export interface FakeSendGridOptions {
  /** Require `Authorization: Bearer <apiKey>`; otherwise 401 with SendGrid's text. Default: any key. */
  readonly apiKey?: string;
  /** Scenario per recipient (to/cc/bcc of any personalization; lowercase). The first recipient with one decides. */
  readonly recipients?: Readonly<Record<string, SendGridScenario>>;
  /** Scenarios for the first calls, in order (used before `recipients`). */
  readonly sequence?: readonly SendGridScenario[];
  /** Scenario when nothing else applies. Default `{ accept: true }`. */
  readonly fallback?: SendGridScenario;
  /** Rate limit: at most `limit` requests per `windowMs`; over it → 429 with `X-RateLimit-*` headers. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

export interface SendGridSendRecord {
  readonly recipients: readonly string[];
  readonly request: unknown;
  readonly messageId?: string;
  readonly status: number;
}

export interface FakeSendGrid extends RunningHttpServer {
  /** Every `POST /v3/mail/send`, in order. */
  readonly sends: SendGridSendRecord[];
}

const error = (
  status: number,
  message: string,
  field: string | null = null,
  help: unknown = null,
): SendGridScenario => ({
  status,
  errors: [{ message, field, help }],
});

/** Ready-made scenarios for each error row of packages/sendgrid/PROVIDER.md §1 / §5 (texts as SendGrid writes them). */
export const sendGridScenarios = {
  accept: { accept: true },
  badRequest: error(
    400,
    'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
    'subject',
    'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.subject',
  ),
  invalidRecipient: error(
    400,
    'Does not contain a valid address.',
    'personalizations.0.to.0.email',
    'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to',
  ),
  unauthorized: error(401, 'The provided authorization grant is invalid, expired, or revoked'),
  unverifiedSender: error(
    403,
    'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements',
    'from',
  ),
  forbidden: error(403, 'access forbidden'),
  payloadTooLarge: error(413, 'The JSON payload you have included in your request is too large.'),
  tooManyRequests: {
    status: 429,
    errors: [{ field: null, message: 'too many requests' }],
    headers: { 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0' },
  },
  dataResidency: error(451, 'Unavailable due to data residency restrictions'),
  internalError: error(500, 'Internal server error'),
  unavailable: error(503, 'Service unavailable'),
  badGatewayHtml: {
    reply: {
      status: 502,
      body: '<html><body>502 Bad Gateway</body></html>',
      headers: { 'content-type': 'text/html' },
    },
  },
  connectionReset: { reply: { status: 500, destroy: true } },
} satisfies Record<string, SendGridScenario>;

function recipientsOf(body: unknown): string[] {
  const out: string[] = [];
  const personalizations = (body as { personalizations?: unknown } | undefined)?.personalizations;
  if (!Array.isArray(personalizations)) return out;
  for (const personalization of personalizations) {
    for (const key of ['to', 'cc', 'bcc']) {
      const list = (personalization as Record<string, unknown> | null)?.[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const email = (entry as { email?: unknown } | null)?.email;
        if (typeof email === 'string') out.push(email);
      }
    }
  }
  return out;
}

function messageId(): string {
  // SendGrid ids are 22 url-safe base64 characters; later `sg_message_id`s start with it.
  return randomBytes(16).toString('base64url').slice(0, 22);
}

/**
 * Starts a fake SendGrid API on a loopback port: `POST /v3/mail/send` answers per scenario; anything else 404.
 * Every answer carries `X-RateLimit-Limit/Remaining/Reset` when `rateLimit` is set (Reset in epoch seconds).
 */
export async function startFakeSendGrid(options: FakeSendGridOptions = {}): Promise<FakeSendGrid> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('startFakeSendGrid: `options` must be an object');
  }
  const sends: SendGridSendRecord[] = [];
  const sequence = [...(options.sequence ?? [])];
  const byRecipient = new Map(
    Object.entries(options.recipients ?? {}).map(([address, scenario]) => [address.toLowerCase(), scenario]),
  );
  let windowStart = Date.now();
  let used = 0;

  const server = await startHttpServer((request) => {
    if (request.method !== 'POST' || request.path !== '/v3/mail/send') {
      return json(404, { errors: [{ message: 'resource not found', field: null, help: null }] });
    }
    const body = parseJsonBody(request);
    const recipients = recipientsOf(body);
    const record = { recipients, request: body };
    let rateHeaders: Record<string, string> = {};
    let scenario: SendGridScenario | undefined;
    if (options.rateLimit !== undefined) {
      const now = Date.now();
      if (now - windowStart >= options.rateLimit.windowMs) {
        windowStart = now;
        used = 0;
      }
      used += 1;
      rateHeaders = {
        'X-RateLimit-Limit': String(options.rateLimit.limit),
        'X-RateLimit-Remaining': String(Math.max(0, options.rateLimit.limit - used)),
        'X-RateLimit-Reset': String(Math.ceil((windowStart + options.rateLimit.windowMs) / 1000)),
      };
      if (used > options.rateLimit.limit) scenario = sendGridScenarios.tooManyRequests;
    }
    const authorization = request.headers.authorization;
    if (
      scenario === undefined &&
      options.apiKey !== undefined &&
      authorization !== `Bearer ${options.apiKey}`
    ) {
      scenario = sendGridScenarios.unauthorized;
    }
    scenario ??= sequence.shift();
    if (scenario === undefined) {
      for (const recipient of recipients) {
        scenario = byRecipient.get(recipient.toLowerCase());
        if (scenario !== undefined) break;
      }
    }
    scenario ??= options.fallback ?? sendGridScenarios.accept;
    if ('accept' in scenario) {
      const id = messageId();
      sends.push({ ...record, messageId: id, status: 202 });
      return { status: 202, headers: { 'X-Message-Id': id, ...rateHeaders } };
    }
    if ('errors' in scenario) {
      sends.push({ ...record, status: scenario.status });
      return json(scenario.status, { errors: scenario.errors }, { ...scenario.headers, ...rateHeaders });
    }
    sends.push({ ...record, status: scenario.reply.status });
    return scenario.reply;
  });
  return Object.assign(server, { sends });
}

// ---------------------------------------------------------------------------------------------------------
// Event Webhook batches (packages/sendgrid/PROVIDER.md §3; values invented, shapes documented)

interface EventBase {
  readonly email: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  readonly sg_message_id?: string;
  readonly [key: string]: unknown;
}

function event(name: string, fields: EventBase): Record<string, unknown> {
  const id = randomBytes(12).toString('base64url');
  return {
    sg_event_id: id,
    sg_message_id: `${messageId()}.recvd-5f54b5d587-abcde-1-6757C0DE-1.0`,
    'smtp-id': `<${messageId()}@geopod-ismtpd-3>`,
    timestamp: Math.floor(Date.now() / 1000),
    event: name,
    ...fields,
  };
}

/** Builders for SendGrid Event Webhook events; extra fields are merged in as given. */
export const sendGridEvents = {
  processed: (fields: EventBase) => event('processed', fields),
  delivered: (fields: EventBase & { response?: string }) =>
    event('delivered', {
      response: '250 2.0.0 OK 1763633700 a1si1234567qka.1 - gsmtp',
      tls: 1,
      ip: '203.0.113.17',
      ...fields,
    }),
  deferred: (fields: EventBase & { response: string; attempt?: string }) =>
    event('deferred', { attempt: '1', ...fields }),
  bounce: (
    fields: EventBase & {
      reason: string;
      status?: string;
      type?: 'bounce' | 'blocked';
      bounce_classification?: string;
    },
  ) => event('bounce', { type: 'bounce', ...fields }),
  dropped: (fields: EventBase & { reason: string; status?: string }) => event('dropped', fields),
  spamreport: (fields: EventBase) => event('spamreport', fields),
  unsubscribe: (fields: EventBase) => event('unsubscribe', fields),
  groupUnsubscribe: (fields: EventBase & { asm_group_id?: number }) =>
    event('group_unsubscribe', { asm_group_id: 1, ...fields }),
  open: (fields: EventBase) => event('open', { useragent: 'Mozilla/5.0', ip: '198.51.100.1', ...fields }),
  click: (fields: EventBase & { url?: string }) => event('click', { url: 'https://example.org/', ...fields }),
};

/** Header names of the Signed Event Webhook. */
export const sendGridSignatureHeader = 'X-Twilio-Email-Event-Webhook-Signature';
export const sendGridTimestampHeader = 'X-Twilio-Email-Event-Webhook-Timestamp';

/** A P-256 key pair standing in for a SendGrid Signed Event Webhook key. */
export interface SendGridTestKeys {
  /** The verification key as SendGrid shows it: base64 SubjectPublicKeyInfo DER (PEM without armor). */
  readonly publicKey: string;
  readonly privateKey: KeyObject;
}

export function createSendGridTestKeys(): SendGridTestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
}

export interface SignedSendGridBatch {
  /** The exact body bytes that were signed (send these, unmodified). */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Signs a batch the way SendGrid does: ECDSA P-256 / SHA-256 over `timestamp + body`, base64 DER signature
 * (packages/sendgrid/PROVIDER.md §4). `timestamp` is unix seconds (default now).
 */
export function signSendGridBatch(
  events: readonly unknown[] | string,
  keys: Pick<SendGridTestKeys, 'privateKey'>,
  timestamp: number = Math.floor(Date.now() / 1000),
): SignedSendGridBatch {
  const body = typeof events === 'string' ? events : JSON.stringify(events);
  const stamp = String(timestamp);
  const signature = sign('sha256', Buffer.from(stamp + body, 'utf8'), {
    key: keys.privateKey,
    dsaEncoding: 'der',
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [sendGridSignatureHeader]: signature.toString('base64'),
      [sendGridTimestampHeader]: stamp,
    },
  };
}

/** POSTs a (signed) batch to `url` as SendGrid does. Resolves to the receiver's status. */
export async function postSendGridEvents(url: string, batch: SignedSendGridBatch): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'user-agent': 'SendGrid Event API', ...batch.headers },
    body: batch.body,
  });
  await response.arrayBuffer();
  return response.status;
}
