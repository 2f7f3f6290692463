// A fake Mailgun sending API and signed Mailgun webhook builders, for tests that run offline.
// Wire format (Mailgun docs "API Response Codes", packages/mailgun/PROVIDER.md §1): `POST /v3/<domain>/messages` (and
// `messages.mime`), HTTP Basic `api:<key>`, multipart or urlencoded form; 200 `{"id":"<…>","message":"Queued. Thank you."}`;
// errors are JSON `{"message": …}` (a 401 for a wrong key is plain text `Forbidden`, as commonly seen).
// Point the real client at it (mailgun.js@14 `MailgunClientOptions.url`, verified by the tests):
//   new Mailgun(FormData).client({ username: 'api', key: fake.apiKey, url: fake.url })
import { createHmac, randomBytes } from 'node:crypto';
import {
  type HttpReply,
  json,
  type RecordedRequest,
  type RunningHttpServer,
  startHttpServer,
  text,
} from './http-server';

/** What the fake answers to one send. */
export type MailgunScenario =
  /** 200 with a new message id */
  | { readonly accept: true }
  /** an API error: `status` with a JSON `{"message": …}` body (or the given text body) */
  | {
      readonly status: number;
      readonly message: string;
      /** Send `message` as a plain-text body instead of JSON (Mailgun's 401 does). */
      readonly plainText?: boolean;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** any raw HTTP reply (a dropped connection, an HTML 502 from a load balancer, a delay) */
  | { readonly reply: HttpReply };

export interface FakeMailgunOptions {
  /** The API key the fake accepts (`Basic api:<key>`). Default `key-test`. Anything else → 401 `Forbidden`. */
  readonly apiKey?: string;
  /** Sending domains on the account; any other → 404 `Domain not found: <domain>`. Default `['mg.example.test']`. */
  readonly domains?: readonly string[];
  /** Sandbox domains: only `authorizedRecipients` may receive, others → 403 (Mailgun's sandbox text). */
  readonly sandboxDomains?: readonly string[];
  readonly authorizedRecipients?: readonly string[];
  /** Scenario per recipient (to, cc or bcc; compared lowercase). The first listed recipient with one decides. */
  readonly recipients?: Readonly<Record<string, MailgunScenario>>;
  /** Scenarios for the first sends, in order (used before any other check, so a 429 or 500 can come first). */
  readonly sequence?: readonly MailgunScenario[];
  /** Scenario when nothing else applies. Default `{ accept: true }`. */
  readonly fallback?: MailgunScenario;
}

/** One send the fake received. */
export interface MailgunSendRecord {
  readonly domain: string;
  /** Form fields; repeated fields (`to`, `v:…`) keep every value in order. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly recipients: readonly string[];
  /** The id returned (with angle brackets), when accepted. */
  readonly id?: string;
  /** The HTTP status answered. */
  readonly status: number;
}

export interface FakeMailgun extends RunningHttpServer {
  readonly apiKey: string;
  /** Options for `new Mailgun(FormData).client(...)`. */
  readonly clientOptions: { readonly username: 'api'; readonly key: string; readonly url: string };
  /** Every send, in order. */
  readonly sends: MailgunSendRecord[];
}

/** Ready-made scenarios for each error row of packages/mailgun/PROVIDER.md §1–§2 / §4 (texts as Mailgun writes them). */
export const mailgunScenarios = {
  accept: { accept: true },
  invalidAddress: {
    status: 400,
    message: "'to' parameter is not a valid address. please check documentation",
  },
  missingFrom: { status: 400, message: "'from' parameter is missing" },
  /** Wrong API key: 401 with a plain-text body (packages/mailgun/PROVIDER.md §1 marks the body text as commonly seen, unverified). */
  unauthorized: { status: 401, message: 'Forbidden', plainText: true },
  forbidden: { status: 403, message: 'Domain mg.example.test is not allowed to send: account disabled' },
  sandbox: {
    status: 403,
    message:
      'Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.',
  },
  domainNotFound: { status: 404, message: 'Domain not found: unknown.example.test' },
  tooLarge: { status: 413, message: 'Request Entity Too Large' },
  rateLimited: { status: 429, message: 'Too many requests', headers: { 'retry-after': '10' } },
  serverError: { status: 500, message: 'Internal Server Error' },
  unavailable: { status: 503, message: 'Service Unavailable' },
  /** The connection is closed without an answer (the client sees a reset). */
  dropped: { reply: { status: 0, destroy: true } },
} as const satisfies Record<string, MailgunScenario>;

const sandboxText = mailgunScenarios.sandbox.message;

function scenarioReply(scenario: MailgunScenario, id: string): HttpReply {
  if ('reply' in scenario) return scenario.reply;
  if ('accept' in scenario) return json(200, { id, message: 'Queued. Thank you.' });
  if (scenario.plainText === true) return text(scenario.status, scenario.message, scenario.headers);
  return json(scenario.status, { message: scenario.message }, scenario.headers);
}

/** Form fields of a multipart/form-data or urlencoded body. Files are kept as their file name. */
export function parseFormFields(
  request: Pick<RecordedRequest, 'headers' | 'body'>,
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    const list = fields[name] ?? [];
    list.push(value);
    fields[name] = list;
  };
  const type = String(request.headers['content-type'] ?? '');
  const marker = 'boundary=';
  const at = type.indexOf(marker);
  if (type.toLowerCase().startsWith('multipart/form-data') && at >= 0) {
    let boundary = type
      .slice(at + marker.length)
      .split(';')[0]!
      .trim();
    if (boundary.startsWith('"') && boundary.endsWith('"')) boundary = boundary.slice(1, -1);
    for (const part of request.body.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const head = part.slice(0, split);
      let value = part.slice(split + 4);
      if (value.endsWith('\r\n')) value = value.slice(0, -2);
      const name = attribute(head, 'name');
      if (name === undefined) continue;
      const file = attribute(head, 'filename');
      add(name, file ?? value);
    }
    return fields;
  }
  for (const [name, value] of new URLSearchParams(request.body)) add(name, value);
  return fields;
}

function attribute(head: string, name: string): string | undefined {
  const key = `${name}="`;
  let from = 0;
  for (;;) {
    const at = head.indexOf(key, from);
    if (at < 0) return undefined;
    // `name=` must not be the tail of `filename=`
    const before = head[at - 1];
    if (before === ' ' || before === ';') {
      const end = head.indexOf('"', at + key.length);
      return end < 0 ? undefined : head.slice(at + key.length, end);
    }
    from = at + key.length;
  }
}

/** Addresses in `to`/`cc`/`bcc` fields (each may hold a comma-separated list, with or without display names). */
function recipientsOf(fields: Record<string, string[]>): string[] {
  const values = [...(fields.to ?? []), ...(fields.cc ?? []), ...(fields.bcc ?? [])];
  return values
    .flatMap((value) => value.split(','))
    .map((entry) => {
      const open = entry.lastIndexOf('<');
      const close = entry.lastIndexOf('>');
      return (open >= 0 && close > open ? entry.slice(open + 1, close) : entry).trim();
    })
    .filter((address) => address !== '');
}

function authorized(request: RecordedRequest, apiKey: string): boolean {
  const header = String(request.headers.authorization ?? '');
  if (!header.startsWith('Basic ')) return false;
  return Buffer.from(header.slice(6), 'base64').toString('utf8') === `api:${apiKey}`;
}

/**
 * Starts a fake Mailgun API on a loopback port. Checks, in order: `sequence`, the API key (401), the domain (404),
 * required fields and address syntax (400), sandbox recipients (403), per-recipient scenarios, `fallback`.
 */
export async function startFakeMailgun(options: FakeMailgunOptions = {}): Promise<FakeMailgun> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('startFakeMailgun: `options` must be an object');
  }
  const apiKey = options.apiKey ?? 'key-test';
  const domains = new Set((options.domains ?? ['mg.example.test']).map((domain) => domain.toLowerCase()));
  const sandboxes = new Set((options.sandboxDomains ?? []).map((domain) => domain.toLowerCase()));
  const allowed = new Set((options.authorizedRecipients ?? []).map((address) => address.toLowerCase()));
  const byRecipient = new Map(
    Object.entries(options.recipients ?? {}).map(([address, scenario]) => [address.toLowerCase(), scenario]),
  );
  const sequence = [...(options.sequence ?? [])];
  const fallback = options.fallback ?? { accept: true };
  const sends: MailgunSendRecord[] = [];
  let counter = 0;

  const server = await startHttpServer((request) => {
    const route = /^\/v3\/([^/]+)\/messages(\.mime)?$/.exec(request.path);
    if (request.method !== 'POST' || route === null) return undefined;
    const domain = decodeURIComponent(route[1]!).toLowerCase();
    const fields = parseFormFields(request);
    const recipients = recipientsOf(fields);
    counter += 1;
    const id = `<${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}.${counter}.${randomBytes(4).toString('hex').toUpperCase()}@${domain}>`;
    const answer = (scenario: MailgunScenario): HttpReply => {
      const reply = scenarioReply(scenario, id);
      sends.push({
        domain,
        fields,
        recipients,
        status: reply.status,
        ...('accept' in scenario ? { id } : {}),
      });
      return reply;
    };

    const next = sequence.shift();
    if (next !== undefined) return answer(next);
    if (!authorized(request, apiKey)) return answer(mailgunScenarios.unauthorized);
    if (!domains.has(domain) && !sandboxes.has(domain)) {
      return answer({ status: 404, message: `Domain not found: ${domain}` });
    }
    if ((fields.from ?? []).length === 0) return answer(mailgunScenarios.missingFrom);
    if (recipients.length === 0) return answer({ status: 400, message: "'to' parameter is missing" });
    if (recipients.some((address) => !address.includes('@'))) return answer(mailgunScenarios.invalidAddress);
    if (sandboxes.has(domain) && recipients.some((address) => !allowed.has(address.toLowerCase()))) {
      return answer({ status: 403, message: sandboxText });
    }
    for (const address of recipients) {
      const scenario = byRecipient.get(address.toLowerCase());
      if (scenario !== undefined) return answer(scenario);
    }
    return answer(fallback);
  });
  return {
    ...server,
    close: server.close,
    apiKey,
    clientOptions: { username: 'api', key: apiKey, url: server.url },
    sends,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Webhooks

export interface MailgunWebhookOptions {
  /** The HTTP webhook signing key. */
  readonly signingKey: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** Default: 50 random hex characters, like Mailgun's. */
  readonly token?: string;
}

/** A Mailgun webhook body (`{ signature, 'event-data' }`) signed as Mailgun signs it: hex HMAC-SHA256(key, timestamp + token). */
export function signMailgunWebhook(
  eventData: Readonly<Record<string, unknown>>,
  options: MailgunWebhookOptions,
): {
  signature: { timestamp: string; token: string; signature: string };
  'event-data': Readonly<Record<string, unknown>>;
} {
  if (typeof eventData !== 'object' || eventData === null) {
    throw new TypeError('signMailgunWebhook: `eventData` must be an object');
  }
  if (typeof options?.signingKey !== 'string' || options.signingKey === '') {
    throw new TypeError('signMailgunWebhook: `options.signingKey` must be a non-empty string');
  }
  const timestamp = String(Math.trunc(options.timestamp ?? Date.now() / 1000));
  const token = options.token ?? randomBytes(25).toString('hex');
  const signature = createHmac('sha256', options.signingKey)
    .update(timestamp + token)
    .digest('hex');
  return { signature: { timestamp, token, signature }, 'event-data': eventData };
}

/** POSTs a signed webhook body as JSON to `url` (your receiver), like Mailgun does; resolves to the HTTP status. */
export async function postMailgunWebhook(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'mailgun/treq-fake' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}
