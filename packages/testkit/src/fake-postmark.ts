import { randomUUID } from 'node:crypto';
import {
  type HttpReply,
  headerValue,
  json,
  parseJsonBody,
  type RecordedRequest,
  startHttpServer,
} from './http-server';
import { localPartMatcher } from './local-part';
import { postmarkBounceTypes } from './postmark/bounce-types';
import { type PostmarkOutcome, postmarkLocalParts, postmarkOutcomes } from './postmark/outcomes';
import {
  bouncePayload,
  deliveryPayload,
  subscriptionChangePayload,
  type WebhookMessage,
  type WebhookPayloadContext,
} from './postmark/webhooks';

/**
 * A failure the fake answers instead of processing a send: an HTTP status (`{ status: 503 }`), or a dropped
 * connection (`{ drop: true }`, no status needed).
 */
export type PostmarkFailure =
  | {
      /** 429, 500, 503, or any other HTTP status. */
      readonly status: number;
      /** Response body; default per status (see README). A string is sent as is, anything else as JSON. */
      readonly body?: unknown;
      readonly drop?: false;
      /** Wait this long (ms, real time) first — longer than the client's `timeout` makes it time out. */
      readonly delayMs?: number;
    }
  | {
      /** Destroy the socket instead (the client sees a network error: `PostmarkError` with `statusCode` 0). */
      readonly drop: true;
      readonly status?: number;
      /** Wait this long (ms, real time) first. */
      readonly delayMs?: number;
    };

export interface PostmarkRequestContext {
  /** 1 for the first send request, 2 for the next… (only `/email*` requests count). */
  readonly requestNumber: number;
  /** Server clock, epoch ms. */
  readonly now: number;
  readonly path: string;
  readonly request: RecordedRequest;
}

export interface PostmarkWebhookConfig {
  /** Where to POST events (e.g. your app's webhook endpoint). */
  readonly url: string;
  /** HTTP Basic credentials Postmark sends (packages/postmark/PROVIDER.md §6). */
  readonly username?: string;
  readonly password?: string;
  /** Extra headers (Postmark's `HttpHeaders` webhook option). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * `manual` (default): events wait until you call `deliverWebhooks()`. `auto`: the fake calls it by itself
   * `delayMs` of real time after each accepted send.
   */
  readonly mode?: 'manual' | 'auto';
  /** Events are due this long (ms, server clock) after the send; `deliverWebhooks()` only sends due events. */
  readonly delayMs?: number;
  /** Also send SubscriptionChange events when an address becomes inactive; default false. */
  readonly subscriptionChanges?: boolean;
}

export interface PostmarkScenarios {
  /** The server token the fake accepts; default: any non-empty `X-Postmark-Server-Token`. */
  readonly serverToken?: string;
  /** Extra local-part rules, e.g. `{ gone: 'inactive', late: 'Transient' }`; they extend the defaults. */
  readonly recipients?: Readonly<Record<string, PostmarkOutcome>>;
  /** Decides a recipient's outcome first; return `undefined` to fall through to the local-part rules. */
  readonly outcomeFor?: (recipient: string, context: PostmarkRequestContext) => PostmarkOutcome | undefined;
  /** Addresses already inactive (answer 406). */
  readonly inactive?: readonly string[];
  /** Fails a send request; return `undefined` to process it. Runs before the token check. */
  readonly fail?: (context: PostmarkRequestContext) => PostmarkFailure | undefined;
  /**
   * Accept and store the message (it is in `messages`, webhooks follow), then destroy the socket
   * instead of answering: the reply is lost, the client sees a network error although Postmark has it.
   */
  readonly dropReply?: (context: PostmarkRequestContext) => boolean;
  /** Send requests allowed per window (server clock); beyond that 429. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
  /** Template ids/aliases that exist; default: any. */
  readonly templates?: readonly (string | number)[];
  readonly webhooks?: PostmarkWebhookConfig;
  /** Server clock (epoch ms); default `Date.now`. */
  readonly now?: () => number;
  /** `ServerID` in webhooks; default 81234. */
  readonly serverId?: number;
}

/** One message the fake accepted. */
export interface PostmarkLogMessage {
  readonly messageId: string;
  readonly path: string;
  readonly from: string;
  /** Every recipient (To, Cc, Bcc). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly messageStream: string;
  readonly tag?: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** `Headers` of the request as name → value. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The `Message-ID` the sender set in `Headers` (any case), if any — use it with `countDeliveries` to count
   * duplicates across the fake Postmark and the fake SMTP servers (whose log has the Message-ID header).
   */
  readonly messageIdHeader?: string;
  /** Server clock, epoch ms. */
  readonly at: number;
  /** The message object as the client sent it. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The fake stored the message and dropped the connection instead of answering (`dropReply`). */
  readonly replyDropped?: true;
}

/** One webhook event and what happened when the fake tried to POST it. */
export interface PostmarkWebhookEvent {
  readonly id: string;
  readonly recordType: string;
  readonly recipient: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Server clock when the event is due. */
  dueAt: number;
  /** HTTP statuses (0 for a network error) of each attempt. */
  readonly attempts: number[];
  state: 'pending' | 'delivered' | 'dropped';
}

export interface RunningFakePostmark {
  readonly url: string;
  /** `127.0.0.1:PORT` for `new ServerClient(token, { useHttps: false, requestHost })`. */
  readonly requestHost: string;
  readonly port: number;
  /** Accepted messages, in order. */
  readonly messages: PostmarkLogMessage[];
  /** Every webhook event, in creation order, with its delivery attempts. */
  readonly webhooks: PostmarkWebhookEvent[];
  /** Every HTTP request received. */
  readonly requests: RecordedRequest[];
  /** Addresses Postmark answers 406 for (lowercase). */
  readonly suppressions: ReadonlySet<string>;
  /** While set, every send request gets this failure (e.g. `{ status: 503 }`); `undefined` ends the outage. */
  setOutage(failure: PostmarkFailure | undefined): void;
  /** The next `count` send requests get `failure`. */
  failNext(count: number, failure: PostmarkFailure): void;
  /**
   * POSTs every due pending webhook event (server clock) in order, applies suppressions, and schedules
   * Postmark-style retries for 5xx/408/429/network failures (1, 5, 10, 10, 10, 15 minutes, server clock).
   * Returns the events attempted in this round.
   */
  deliverWebhooks(): Promise<PostmarkWebhookEvent[]>;
  close(): Promise<void>;
}

// packages/postmark/PROVIDER.md §6: up to 6 retries at 1, 5, 10, 10, 10, 15 minutes; only 5xx, 408, 429 and network failures.
const retryScheduleMs = [1, 5, 10, 10, 10, 15].map((minutes) => minutes * 60_000);

// Texts: 406 as observed (packages/postmark/PROVIDER.md §2); 401/300/402/409/410/1101 worded after Postmark's error table.
const messages = {
  noToken:
    'No Account or Server API tokens were supplied in the HTTP headers. Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token.',
  badToken: 'Request does not contain a valid Server token.',
  invalidJson: 'Received invalid JSON input.',
  jsonRequired: "JSON required. Please set the 'Content-Type' header to 'application/json'.",
  inactive: (addresses: readonly string[]) =>
    `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${addresses.join(', ')}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`,
  illegalAddress: (field: string, address: string) =>
    `Error parsing '${field}': Illegal email address '${address}'. It must contain the '@' symbol.`,
  invalidAddress: (field: string, address: string) => `Invalid '${field}' address: '${address}'.`,
  noRecipients: 'Zero recipients specified',
  tooManyRecipients: 'Too many recipients specified: the limit is 50 per message (To, Cc and Bcc together).',
  noBody: 'Provide either email TextBody or HtmlBody or both.',
  noFrom: "Invalid 'From' address: ''.",
  tooManyBatch: 'Too many batch messages. The limit is 500 messages per batch.',
  notArray: 'The batch endpoint expects a JSON array of messages.',
  template: 'The Template with the given id or alias was not found.',
};

// packages/postmark/PROVIDER.md §1: 429 body not documented ([UNV]); 503 is the planned-outage status, ErrorCode 100 "Maintenance".
function defaultFailureBody(status: number): unknown {
  if (status === 429)
    return { ErrorCode: 429, Message: 'Rate limit exceeded. Please slow down and try again later.' };
  if (status === 503)
    return { ErrorCode: 100, Message: 'Maintenance: the Postmark API is offline for maintenance.' };
  if (status === 500) return { ErrorCode: 0, Message: 'Internal server error.' };
  return { ErrorCode: 0, Message: `HTTP ${status}` };
}

function failureReply(failure: PostmarkFailure): HttpReply {
  if (failure.drop === true) return { status: 0, destroy: true, delayMs: failure.delayMs };
  return {
    ...json(failure.status, failure.body ?? defaultFailureBody(failure.status)),
    delayMs: failure.delayMs,
  };
}

function apiError(status: number, errorCode: number, message: string): HttpReply {
  return json(status, { ErrorCode: errorCode, Message: message });
}

function splitAddresses(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((part) => {
      const trimmed = part.trim();
      const open = trimmed.lastIndexOf('<');
      const close = trimmed.lastIndexOf('>');
      return open >= 0 && close > open ? trimmed.slice(open + 1, close).trim() : trimmed;
    })
    .filter((address) => address !== '');
}

function headerRecord(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(value)) return result;
  for (const entry of value) {
    if (entry !== null && typeof entry === 'object') {
      const { Name, Value } = entry as { Name?: unknown; Value?: unknown };
      if (typeof Name === 'string') result[Name] = String(Value ?? '');
    }
  }
  return result;
}

/** `/email/` → `/email` (a loop, not a `/\/+$/` regex, which backtracks quadratically on long slash runs). */
function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end -= 1;
  return path.slice(0, end);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function validateScenarios(scenarios: PostmarkScenarios): void {
  if (scenarios === null || typeof scenarios !== 'object') {
    throw new TypeError('startFakePostmark: `scenarios` must be an object');
  }
  for (const [key, outcome] of Object.entries(scenarios.recipients ?? {})) {
    if (!postmarkOutcomes.includes(outcome)) {
      throw new TypeError(
        `startFakePostmark: \`recipients.${key}\` is \`${String(outcome)}\`, not one of ${postmarkOutcomes.join(', ')}`,
      );
    }
  }
  const limit = scenarios.rateLimit;
  if (limit !== undefined && !(Number.isInteger(limit.limit) && limit.limit >= 0 && limit.windowMs > 0)) {
    throw new TypeError('startFakePostmark: `rateLimit` needs a whole `limit` ≥ 0 and `windowMs` > 0');
  }
  const webhooks = scenarios.webhooks;
  if (webhooks !== undefined) {
    if (typeof webhooks.url !== 'string' || !URL.canParse(webhooks.url)) {
      throw new TypeError('startFakePostmark: `webhooks.url` must be an absolute URL');
    }
    if (webhooks.mode !== undefined && webhooks.mode !== 'manual' && webhooks.mode !== 'auto') {
      throw new TypeError("startFakePostmark: `webhooks.mode` must be 'manual' or 'auto'");
    }
  }
}

/**
 * Starts an HTTP server that speaks Postmark's sending API (packages/postmark/PROVIDER.md) for the real `postmark` client:
 * `new ServerClient(token, { useHttps: false, requestHost: fake.requestHost })`.
 */
export async function startFakePostmark(scenarios: PostmarkScenarios = {}): Promise<RunningFakePostmark> {
  validateScenarios(scenarios);
  const now = scenarios.now ?? Date.now;
  const serverId = scenarios.serverId ?? 81234;
  const matchOutcome = localPartMatcher<PostmarkOutcome>({ ...postmarkLocalParts, ...scenarios.recipients });
  const suppressions = new Set((scenarios.inactive ?? []).map((address) => address.toLowerCase()));
  const messageLog: PostmarkLogMessage[] = [];
  const webhooks: PostmarkWebhookEvent[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let outage: PostmarkFailure | undefined;
  const queuedFailures: PostmarkFailure[] = [];
  let requestCount = 0;
  let windowStart = 0;
  let windowCount = 0;
  let bounceId = 4323372036854775000;
  let closed = false;

  const outcomeOf = (recipient: string, context: PostmarkRequestContext): PostmarkOutcome => {
    if (suppressions.has(recipient.toLowerCase())) return 'inactive';
    const chosen = scenarios.outcomeFor?.(recipient, context);
    if (chosen !== undefined && !postmarkOutcomes.includes(chosen)) {
      // Answered as a 500 naming the bug (see startHttpServer), rather than a silent "deliver".
      throw new TypeError(
        `outcomeFor returned \`${String(chosen)}\`, not one of ${postmarkOutcomes.join(', ')}`,
      );
    }
    return chosen ?? matchOutcome(recipient) ?? 'deliver';
  };

  const queueEvent = (
    recordType: string,
    recipient: string,
    payload: Record<string, unknown>,
    dueAt: number,
  ) => {
    webhooks.push({
      id: randomUUID(),
      recordType,
      recipient,
      payload,
      dueAt,
      attempts: [],
      state: 'pending',
    });
  };

  const queueEvents = (message: WebhookMessage, recipient: string, outcome: PostmarkOutcome, at: number) => {
    const dueAt = at + (scenarios.webhooks?.delayMs ?? 0);
    const context = (): WebhookPayloadContext => ({
      message,
      recipient,
      at: new Date(dueAt).toISOString(),
      serverId,
      id: bounceId++,
    });
    if (outcome === 'deliver' || outcome === 'SpamComplaint') {
      queueEvent('Delivery', recipient, deliveryPayload(context()), dueAt);
    }
    if (outcome !== 'deliver' && outcome !== 'inactive' && outcome !== 'invalid') {
      const payload = bouncePayload(outcome, context());
      queueEvent(String(payload.RecordType), recipient, payload, dueAt);
      if (postmarkBounceTypes[outcome].Inactive && scenarios.webhooks?.subscriptionChanges === true) {
        const reason =
          outcome === 'SpamComplaint'
            ? 'SpamComplaint'
            : outcome === 'HardBounce'
              ? 'HardBounce'
              : 'ManualSuppression';
        queueEvent('SubscriptionChange', recipient, subscriptionChangePayload(reason, context()), dueAt);
      }
    }
  };

  /** Validates one message object; returns an error reply body or the parsed parts. */
  const checkMessage = (
    body: unknown,
    path: string,
    context: PostmarkRequestContext,
  ):
    | { error: { ErrorCode: number; Message: string } }
    | { recipients: string[]; outcomes: PostmarkOutcome[] } => {
    if (!isRecord(body)) return { error: { ErrorCode: 402, Message: messages.invalidJson } };
    if (typeof body.From !== 'string' || body.From.trim() === '')
      return { error: { ErrorCode: 300, Message: messages.noFrom } };
    const isTemplate = path.includes('emplate');
    if (isTemplate) {
      const id = body.TemplateId ?? body.TemplateAlias;
      const known = scenarios.templates;
      if (id === undefined || (known !== undefined && !known.includes(id as string | number))) {
        return { error: { ErrorCode: 1101, Message: messages.template } };
      }
    } else if (typeof body.TextBody !== 'string' && typeof body.HtmlBody !== 'string') {
      return { error: { ErrorCode: 300, Message: messages.noBody } };
    }
    const fields = ['To', 'Cc', 'Bcc'] as const;
    const recipients: string[] = [];
    for (const field of fields) {
      for (const address of splitAddresses(body[field])) {
        if (!address.includes('@'))
          return { error: { ErrorCode: 300, Message: messages.illegalAddress(field, address) } };
        recipients.push(address);
      }
    }
    if (recipients.length === 0) return { error: { ErrorCode: 300, Message: messages.noRecipients } };
    if (recipients.length > 50) return { error: { ErrorCode: 300, Message: messages.tooManyRecipients } };
    const outcomes = recipients.map((recipient) => outcomeOf(recipient, context));
    const invalid = recipients.find((_, index) => outcomes[index] === 'invalid');
    if (invalid !== undefined)
      return { error: { ErrorCode: 300, Message: messages.invalidAddress('To', invalid) } };
    // Decision (Postmark does not document partial inactivity of one message, packages/postmark/PROVIDER.md §2 [UNV]): any
    // inactive recipient refuses the whole message with 406 naming every inactive address.
    const inactive = recipients.filter((_, index) => outcomes[index] === 'inactive');
    if (inactive.length > 0) return { error: { ErrorCode: 406, Message: messages.inactive(inactive) } };
    return { recipients, outcomes };
  };

  const accept = (
    body: Record<string, unknown>,
    path: string,
    recipients: string[],
    outcomes: PostmarkOutcome[],
  ) => {
    const at = now();
    const messageId = randomUUID();
    const message: WebhookMessage = {
      messageId,
      from: String(body.From),
      subject: typeof body.Subject === 'string' ? body.Subject : '',
      messageStream: typeof body.MessageStream === 'string' ? body.MessageStream : 'outbound',
      tag: typeof body.Tag === 'string' ? body.Tag : undefined,
      metadata: isRecord(body.Metadata) ? body.Metadata : {},
    };
    const headers = headerRecord(body.Headers);
    const messageIdName = Object.keys(headers).find((name) => name.toLowerCase() === 'message-id');
    messageLog.push({
      ...message,
      path,
      to: recipients,
      headers,
      messageIdHeader: messageIdName === undefined ? undefined : headers[messageIdName],
      at,
      body,
    });
    recipients.forEach((recipient, index) => {
      queueEvents(message, recipient, outcomes[index] ?? 'deliver', at);
    });
    return {
      To: typeof body.To === 'string' ? body.To : recipients.join(', '),
      SubmittedAt: new Date(at).toISOString(),
      MessageID: messageId,
      ErrorCode: 0,
      Message: 'OK',
    };
  };

  // Outbound message search (postmarkapp.com/developer/api/messages-api#outbound-message-search):
  // `count` (≤ 500) and `offset` are required; `recipient` and `metadata_<key>` filter. Newest first.
  const searchOutbound = (request: RecordedRequest): HttpReply => {
    if (request.method !== 'GET') return apiError(405, 0, 'Use GET for /messages/outbound.');
    const token = headerValue(request, 'x-postmark-server-token');
    if (token === undefined || token === '') return apiError(401, 10, messages.noToken);
    if (scenarios.serverToken !== undefined && token !== scenarios.serverToken)
      return apiError(401, 10, messages.badToken);
    const count = Number(request.query.count);
    const offset = Number(request.query.offset);
    if (!Number.isInteger(count) || count < 1 || count > 500 || !Number.isInteger(offset) || offset < 0) {
      return apiError(422, 0, 'The count (1–500) and offset (≥ 0) parameters are required.');
    }
    const recipient = request.query.recipient?.toLowerCase();
    const filters = Object.entries(request.query).filter(([key]) => key.startsWith('metadata_'));
    const found = messageLog
      .filter(
        (message) =>
          (recipient === undefined || message.to.some((to) => to.toLowerCase() === recipient)) &&
          filters.every(([key, value]) => String(message.metadata[key.slice(9)]) === value),
      )
      .reverse();
    return json(200, {
      TotalCount: found.length,
      Messages: found.slice(offset, offset + count).map((message) => ({
        MessageID: message.messageId,
        MessageStream: message.messageStream,
        Tag: message.tag ?? '',
        To: message.to.map((email) => ({ Email: email, Name: null })),
        Recipients: message.to,
        From: message.from,
        Subject: message.subject,
        ReceivedAt: new Date(message.at).toISOString(),
        Status: 'Sent',
        Metadata: message.metadata,
      })),
    });
  };

  const scheduleAuto = () => {
    const config = scenarios.webhooks;
    if (config?.mode !== 'auto' || closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliverWebhooks();
    }, config.delayMs ?? 0);
    timer.unref();
    timers.add(timer);
  };

  const handle = (request: RecordedRequest): HttpReply | undefined => {
    const path = trimTrailingSlashes(request.path);
    if (path === '/messages/outbound') return searchOutbound(request);
    const routes = ['/email', '/email/batch', '/email/withTemplate', '/email/batchWithTemplates'];
    if (!routes.includes(path)) {
      return apiError(404, 0, `The fake Postmark does not implement ${request.method} ${request.path}.`);
    }
    if (request.method !== 'POST') return apiError(405, 0, `Use POST for ${path}.`);
    requestCount += 1;
    const context: PostmarkRequestContext = { requestNumber: requestCount, now: now(), path, request };

    const failure = queuedFailures.shift() ?? outage ?? scenarios.fail?.(context);
    if (failure !== undefined) return failureReply(failure);
    if (scenarios.rateLimit !== undefined) {
      const { limit, windowMs } = scenarios.rateLimit;
      if (context.now - windowStart >= windowMs) {
        windowStart = context.now;
        windowCount = 0;
      }
      windowCount += 1;
      if (windowCount > limit) return failureReply({ status: 429 });
    }

    // Token (packages/postmark/PROVIDER.md §1: bad or missing token → HTTP 401, ErrorCode 10).
    const token = headerValue(request, 'x-postmark-server-token');
    if (token === undefined || token === '') return apiError(401, 10, messages.noToken);
    if (scenarios.serverToken !== undefined && token !== scenarios.serverToken)
      return apiError(401, 10, messages.badToken);
    if (!(headerValue(request, 'content-type') ?? '').includes('json'))
      return apiError(422, 409, messages.jsonRequired);

    const parsed = parseJsonBody(request);
    if (parsed === undefined) return apiError(422, 402, messages.invalidJson);

    const isBatch = path === '/email/batch' || path === '/email/batchWithTemplates';
    if (!isBatch) {
      const checked = checkMessage(parsed, path, context);
      if ('error' in checked) return json(422, checked.error);
      const reply = json(
        200,
        accept(parsed as Record<string, unknown>, path, checked.recipients, checked.outcomes),
      );
      scheduleAuto();
      if (scenarios.dropReply?.(context) === true) {
        const stored = messageLog.length - 1;
        messageLog[stored] = { ...(messageLog[stored] as PostmarkLogMessage), replyDropped: true };
        return { status: 0, destroy: true };
      }
      return reply;
    }
    // Batch: HTTP 200 with one result per message, each with its own ErrorCode (packages/postmark/PROVIDER.md §1).
    const list = path === '/email/batchWithTemplates' && isRecord(parsed) ? parsed.Messages : parsed;
    if (!Array.isArray(list)) return apiError(422, 402, messages.notArray);
    if (list.length > 500) return apiError(422, 410, messages.tooManyBatch);
    const results = list.map((item: unknown) => {
      const checked = checkMessage(item, path, context);
      if ('error' in checked) return checked.error;
      return accept(item as Record<string, unknown>, path, checked.recipients, checked.outcomes);
    });
    scheduleAuto();
    return json(200, results);
  };

  const http = await startHttpServer((request) => {
    try {
      return handle(request);
    } catch (error) {
      // A bug in the scenario (e.g. an unknown outcome): a Postmark-shaped 500 so the client's error says why.
      const message = error instanceof Error ? error.message : String(error);
      return apiError(500, 0, `fake Postmark: ${message}`);
    }
  });
  const config = scenarios.webhooks;

  const post = async (event: PostmarkWebhookEvent, retriesLeft: number): Promise<number> => {
    if (config === undefined) return 0;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Postmark',
      'x-pm-webhook-trace-id': event.id,
      ...config.headers,
    };
    if (event.attempts.length > 0) headers['x-pm-retries-remaining'] = String(retriesLeft);
    if (config.username !== undefined || config.password !== undefined) {
      const credentials = `${config.username ?? ''}:${config.password ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    }
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(event.payload),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };

  const deliverRound = async (): Promise<PostmarkWebhookEvent[]> => {
    const attempted: PostmarkWebhookEvent[] = [];
    for (const event of webhooks) {
      if (event.state !== 'pending' || event.dueAt > now()) continue;
      const type = postmarkBounceTypes[event.payload.Type as keyof typeof postmarkBounceTypes];
      if (event.attempts.length === 0 && event.recordType !== 'Delivery' && type?.Inactive === true) {
        // The address is deactivated when the bounce happens, whether or not the webhook gets through.
        suppressions.add(event.recipient.toLowerCase());
      }
      if (config === undefined) {
        // No endpoint configured: the event still happens (suppression above), there is just nobody to tell.
        event.state = 'delivered';
        attempted.push(event);
        continue;
      }
      const status = await post(event, retryScheduleMs.length - event.attempts.length);
      event.attempts.push(status);
      attempted.push(event);
      if (status >= 200 && status < 300) {
        event.state = 'delivered';
        continue;
      }
      const retryable = status === 0 || status === 408 || status === 429 || status >= 500;
      const nextDelay = retryScheduleMs[event.attempts.length - 1];
      if (!retryable || nextDelay === undefined) {
        event.state = 'dropped';
        continue;
      }
      event.dueAt = now() + nextDelay;
    }
    return attempted;
  };

  // One round at a time, so an event is never POSTed twice concurrently (auto mode plus a manual call).
  let rounds: Promise<unknown> = Promise.resolve();
  const deliverWebhooks = (): Promise<PostmarkWebhookEvent[]> => {
    const round = rounds.then(deliverRound);
    rounds = round.catch(() => undefined);
    return round;
  };

  return {
    url: http.url,
    requestHost: http.host,
    port: http.port,
    messages: messageLog,
    webhooks,
    requests: http.requests,
    suppressions,
    setOutage(failure) {
      outage = failure;
    },
    failNext(count, failure) {
      if (!(Number.isInteger(count) && count >= 0))
        throw new TypeError('failNext: `count` must be a whole number ≥ 0');
      for (let index = 0; index < count; index++) queuedFailures.push(failure);
    },
    deliverWebhooks,
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      return http.close();
    },
  };
}
