// A fake Amazon SES v2 API and SES/SNS notification builders, for tests that run offline.
// Wire format: restJson1 as the AWS SDK (`@aws-sdk/client-sesv2`) parses it — the error name comes from the
// `x-amzn-ErrorType` header (the SDK strips anything after `:`), the message from the JSON body's `message`
// (@smithy/core `loadErrorCode`, packages/ses/PROVIDER.md §1). Point the real client at it with
// `new SESv2Client({ region: 'eu-west-1', endpoint: fake.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })`.
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { type HttpReply, json, parseJsonBody, type RunningHttpServer, startHttpServer } from './http-server';

// ---------------------------------------------------------------------------------------------------------
// The API

/** What the fake answers to one `SendEmail` call. */
export type SesScenario =
  /** 200 with a new `MessageId` */
  | { readonly accept: true }
  /** a modeled or unmodeled SES error: `x-amzn-ErrorType: <error>` and `{"message": …}` */
  | {
      readonly error: string;
      readonly message: string;
      /** HTTP status; default from the SES model (`sesErrorStatus`), else 400. */
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** any raw HTTP reply (a non-JSON 503 from a load balancer, …) */
  | { readonly reply: HttpReply };

export interface FakeSesOptions {
  /** Scenario per recipient address (To, Cc or Bcc; compared lowercase). The first listed recipient with a scenario decides the call. */
  readonly recipients?: Readonly<Record<string, SesScenario>>;
  /** Scenarios for the first calls, in order (used before `recipients`). */
  readonly sequence?: readonly SesScenario[];
  /** Scenario when nothing else applies. Default `{ accept: true }`. */
  readonly fallback?: SesScenario;
  /** Maximum send rate (sends per second); over it → `TooManyRequestsException` "Maximum sending rate exceeded." */
  readonly maxSendRate?: number;
  /** Maximum sends accepted by this fake in total; over it → `TooManyRequestsException` "Daily message quota exceeded." */
  readonly dailyQuota?: number;
}

/** One accepted or refused `SendEmail` call, as the fake read it. */
export interface SesSendRecord {
  readonly recipients: readonly string[];
  readonly from?: string;
  /** The JSON request body. */
  readonly request: unknown;
  /** The `MessageId` returned, when accepted. */
  readonly messageId?: string;
  /** The error name returned, when refused. */
  readonly error?: string;
}

export interface FakeSes extends RunningHttpServer {
  /** Every `SendEmail` call, in order. */
  readonly sends: SesSendRecord[];
}

/** HTTP status of each modeled SESv2 error (`@aws-sdk/client-sesv2` schemas, packages/ses/PROVIDER.md §1). */
export const sesErrorStatus: Readonly<Record<string, number>> = {
  MessageRejected: 400,
  MailFromDomainNotVerifiedException: 400,
  AccountSuspendedException: 400,
  SendingPausedException: 400,
  LimitExceededException: 400,
  BadRequestException: 400,
  TooManyRequestsException: 429,
  NotFoundException: 404,
  InternalServiceErrorException: 500,
};

/** Ready-made scenarios for each error row of packages/ses/PROVIDER.md §1 / §7 (texts as SES writes them). */
export const sesScenarios = {
  accept: { accept: true },
  unverifiedSender: {
    error: 'MessageRejected',
    message:
      'Email address is not verified. The following identities failed the check in region EU-WEST-1: sender@example.org',
  },
  contentRejected: { error: 'MessageRejected', message: 'Message rejected: content rejected.' },
  virus: { error: 'MessageRejected', message: 'Message rejected: the message contains a virus.' },
  mailFromNotVerified: {
    error: 'MailFromDomainNotVerifiedException',
    message: 'The MAIL FROM domain bounce.example.org is not verified.',
  },
  accountSuspended: {
    error: 'AccountSuspendedException',
    message: 'The account has been suspended from sending email.',
  },
  sendingPaused: { error: 'SendingPausedException', message: 'Sending is paused for this account.' },
  limitExceeded: {
    error: 'LimitExceededException',
    message: 'There are too many instances of the specified resource type.',
  },
  maxSendRate: { error: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' },
  dailyQuota: { error: 'TooManyRequestsException', message: 'Daily message quota exceeded.' },
  throttling: { error: 'ThrottlingException', message: 'Rate exceeded', status: 400 },
  accessDenied: {
    error: 'AccessDeniedException',
    message: 'User is not authorized to perform: ses:SendEmail',
    status: 403,
  },
  badCredentials: {
    error: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
    status: 403,
  },
  notFound: { error: 'NotFoundException', message: 'Configuration set <missing-set> does not exist.' },
  badRequest: { error: 'BadRequestException', message: "Missing final '@domain'" },
  internalError: { error: 'InternalServiceErrorException', message: 'Internal service error.' },
  nonJson503: {
    reply: {
      status: 503,
      body: '<html><body>Service Unavailable</body></html>',
      headers: { 'content-type': 'text/html' },
    },
  },
  connectionReset: { reply: { status: 500, destroy: true } },
} satisfies Record<string, SesScenario>;

function recipientsOf(request: unknown): string[] {
  const destination = (request as { Destination?: Record<string, unknown> } | undefined)?.Destination;
  const out: string[] = [];
  for (const key of ['ToAddresses', 'CcAddresses', 'BccAddresses']) {
    const list = destination?.[key];
    if (Array.isArray(list)) for (const address of list) if (typeof address === 'string') out.push(address);
  }
  return out;
}

function errorReply(
  name: string,
  message: string,
  status?: number,
  headers?: Readonly<Record<string, string>>,
): HttpReply {
  return json(
    status ?? sesErrorStatus[name] ?? 400,
    { message },
    { 'x-amzn-ErrorType': name, 'x-amzn-RequestId': randomUUID(), ...headers },
  );
}

/**
 * Starts a fake SES v2 API on a loopback port: `POST /v2/email/outbound-emails` (SendEmail) answers per
 * scenario; anything else answers 404 `NotFoundException`. Close it with `close()`.
 */
export async function startFakeSes(options: FakeSesOptions = {}): Promise<FakeSes> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('startFakeSes: `options` must be an object');
  }
  const sends: SesSendRecord[] = [];
  const sequence = [...(options.sequence ?? [])];
  const recipientScenarios = new Map(
    Object.entries(options.recipients ?? {}).map(([address, scenario]) => [address.toLowerCase(), scenario]),
  );
  const sentAt: number[] = [];
  let accepted = 0;

  const server = await startHttpServer((request) => {
    if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') {
      return errorReply('NotFoundException', `No route for ${request.method} ${request.path}`, 404);
    }
    const body = parseJsonBody(request);
    const recipients = recipientsOf(body);
    const from = (body as { FromEmailAddress?: unknown } | undefined)?.FromEmailAddress;
    const now = Date.now();
    let scenario: SesScenario | undefined = sequence.shift();
    if (scenario === undefined) {
      for (const recipient of recipients) {
        scenario = recipientScenarios.get(recipient.toLowerCase());
        if (scenario !== undefined) break;
      }
    }
    // Quotas apply to sends the scenarios would accept (SES checks the quota before sending).
    if (scenario === undefined || 'accept' in scenario) {
      while (sentAt.length > 0 && now - (sentAt[0] as number) >= 1000) sentAt.shift();
      if (options.dailyQuota !== undefined && accepted >= options.dailyQuota)
        scenario = sesScenarios.dailyQuota;
      else if (options.maxSendRate !== undefined && sentAt.length >= options.maxSendRate) {
        scenario = sesScenarios.maxSendRate;
      }
    }
    scenario ??= options.fallback ?? sesScenarios.accept;
    const record = { recipients, ...(typeof from === 'string' ? { from } : {}), request: body };
    if ('accept' in scenario) {
      const messageId = `0102019a${randomUUID().replaceAll('-', '')}-000000`;
      accepted += 1;
      sentAt.push(now);
      sends.push({ ...record, messageId });
      return json(200, { MessageId: messageId }, { 'x-amzn-RequestId': randomUUID() });
    }
    if ('error' in scenario) {
      sends.push({ ...record, error: scenario.error });
      return errorReply(scenario.error, scenario.message, scenario.status, scenario.headers);
    }
    sends.push(record);
    return scenario.reply;
  });
  return Object.assign(server, { sends });
}

// ---------------------------------------------------------------------------------------------------------
// Notifications (packages/ses/PROVIDER.md §3–§6; shapes from the SES developer guide, values invented)

/** `eventType` (configuration-set event publishing) or `notificationType` (identity notifications). */
export type SesNotificationStyle = 'event' | 'notification';

interface CommonEventOptions {
  readonly style?: SesNotificationStyle;
  readonly messageId?: string;
  readonly source?: string;
  /** ISO time of the event; default now. */
  readonly timestamp?: string;
}

export interface SesRecipientDetail {
  readonly emailAddress: string;
  readonly status?: string;
  readonly diagnosticCode?: string;
  readonly action?: string;
}

function mailObject(destination: readonly string[], options: CommonEventOptions): Record<string, unknown> {
  return {
    timestamp: options.timestamp ?? new Date().toISOString(),
    source: options.source ?? 'noreply@example.org',
    messageId: options.messageId ?? `0102019a${randomUUID().replaceAll('-', '')}-000000`,
    destination: [...destination],
  };
}

function envelopeOf(
  type: string,
  key: string,
  value: Record<string, unknown>,
  destination: readonly string[],
  options: CommonEventOptions,
) {
  const typeKey = (options.style ?? 'event') === 'event' ? 'eventType' : 'notificationType';
  return { [typeKey]: type, [key]: value, mail: mailObject(destination, options) };
}

function toRecipients(recipients: readonly (string | SesRecipientDetail)[]): SesRecipientDetail[] {
  return recipients.map((recipient) =>
    typeof recipient === 'string' ? { emailAddress: recipient } : recipient,
  );
}

/** Builders for the inner SES event objects (what SNS carries as a JSON string in `Message`). */
export const sesEvents = {
  bounce(
    options: CommonEventOptions & {
      readonly recipients: readonly (string | SesRecipientDetail)[];
      readonly bounceType: 'Permanent' | 'Transient' | 'Undetermined';
      readonly bounceSubType: string;
      readonly reportingMTA?: string;
    },
  ) {
    const recipients = toRecipients(options.recipients);
    return envelopeOf(
      'Bounce',
      'bounce',
      {
        bounceType: options.bounceType,
        bounceSubType: options.bounceSubType,
        bouncedRecipients: recipients,
        timestamp: options.timestamp ?? new Date().toISOString(),
        feedbackId: `0102019a${randomUUID().replaceAll('-', '')}-000000`,
        ...(options.reportingMTA === undefined ? {} : { reportingMTA: options.reportingMTA }),
      },
      recipients.map((recipient) => recipient.emailAddress),
      options,
    );
  },
  complaint(
    options: CommonEventOptions & {
      readonly recipients: readonly string[];
      readonly complaintSubType?: string | null;
      readonly complaintFeedbackType?: string;
    },
  ) {
    return envelopeOf(
      'Complaint',
      'complaint',
      {
        complainedRecipients: options.recipients.map((emailAddress) => ({ emailAddress })),
        timestamp: options.timestamp ?? new Date().toISOString(),
        feedbackId: `0102019a${randomUUID().replaceAll('-', '')}-000000`,
        complaintSubType: options.complaintSubType ?? null,
        ...(options.complaintFeedbackType === undefined
          ? {}
          : { complaintFeedbackType: options.complaintFeedbackType, userAgent: 'ExampleFBL/1.0' }),
      },
      options.recipients,
      options,
    );
  },
  delivery(
    options: CommonEventOptions & { readonly recipients: readonly string[]; readonly smtpResponse?: string },
  ) {
    return envelopeOf(
      'Delivery',
      'delivery',
      {
        timestamp: options.timestamp ?? new Date().toISOString(),
        processingTimeMillis: 1234,
        recipients: [...options.recipients],
        smtpResponse: options.smtpResponse ?? '250 2.6.0 Message received',
        reportingMTA: 'a8-1.smtp-out.eu-west-1.amazonses.com',
      },
      options.recipients,
      options,
    );
  },
  deliveryDelay(
    options: CommonEventOptions & {
      readonly recipients: readonly (string | SesRecipientDetail)[];
      readonly delayType: string;
      readonly expirationTime?: string;
    },
  ) {
    const recipients = toRecipients(options.recipients);
    return envelopeOf(
      'DeliveryDelay',
      'deliveryDelay',
      {
        timestamp: options.timestamp ?? new Date().toISOString(),
        delayType: options.delayType,
        expirationTime: options.expirationTime ?? new Date(Date.now() + 12 * 3_600_000).toISOString(),
        reportingMTA: '198.51.100.44',
        delayedRecipients: recipients,
      },
      recipients.map((recipient) => recipient.emailAddress),
      { ...options, style: 'event' },
    );
  },
  reject(options: CommonEventOptions & { readonly recipients: readonly string[] }) {
    return envelopeOf('Reject', 'reject', { reason: 'Bad content' }, options.recipients, {
      ...options,
      style: 'event',
    });
  },
  renderingFailure(
    options: CommonEventOptions & {
      readonly recipients: readonly string[];
      readonly templateName?: string;
      readonly errorMessage?: string;
    },
  ) {
    return envelopeOf(
      'Rendering Failure',
      'failure',
      {
        templateName: options.templateName ?? 'welcome',
        errorMessage: options.errorMessage ?? "Attribute 'name' is not present in the rendering data.",
      },
      options.recipients,
      { ...options, style: 'event' },
    );
  },
};

/** EventBridge `detail-type` per SES `eventType` (SES "Monitoring with Amazon EventBridge"). */
export const sesEventBridgeDetailTypes: Readonly<Record<string, string>> = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
  Open: 'Email Opened',
  Click: 'Email Clicked',
  'Rendering Failure': 'Email Rendering Failed',
  DeliveryDelay: 'Email Delivery Delayed',
  Subscription: 'Email Subscribed',
};

/** Wraps an SES event as EventBridge delivers it (`source: "aws.ses"`, the event in `detail`). */
export function toEventBridge(event: Record<string, unknown>, options: { region?: string } = {}) {
  const type = String(event.eventType ?? event.notificationType);
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': sesEventBridgeDetailTypes[type] ?? `Email ${type}`,
    source: 'aws.ses',
    account: '111122223333',
    time: new Date().toISOString(),
    region: options.region ?? 'eu-west-1',
    resources: ['arn:aws:ses:eu-west-1:111122223333:configuration-set/transactional'],
    detail: event,
  };
}

// ---------------------------------------------------------------------------------------------------------
// SNS envelopes and signing (packages/ses/PROVIDER.md §4–§5)

/** A self-signed RSA certificate and its key, standing in for SNS's signing certificate in tests. */
export interface SnsTestSigner {
  /** `https://sns.<region>.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem` */
  readonly certificateUrl: string;
  readonly certificatePem: string;
  readonly privateKey: KeyObject;
  /** Resolves to the PEM for `certificateUrl`, rejects for any other URL: pass it as `fetchCertificate`. */
  fetchCertificate(url: string): Promise<string>;
  /** How many times `fetchCertificate` was called (to test caching). */
  readonly fetches: number;
}

export interface SnsTestSignerOptions {
  readonly region?: string;
  /** Certificate validity, epoch ms. Default: one hour ago to one day ahead. */
  readonly validFrom?: number;
  readonly validTo?: number;
}

// Minimal DER (ITU-T X.690) encoder: enough for one self-signed X.509 v3 certificate. Node's crypto can
// make keys but not certificates; building the DER by hand avoids an `openssl` binary or a dependency.
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}
const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
function utcTime(epochMs: number): Buffer {
  const iso = new Date(epochMs).toISOString(); // 2026-11-28T07:46:08.000Z → 261128074608Z
  const text =
    iso.slice(2, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19);
  return der(0x17, Buffer.from(`${text}Z`, 'ascii'));
}
function commonName(name: string): Buffer {
  const commonNameOid = der(0x06, Buffer.from('550403', 'hex')); // 2.5.4.3
  return sequence(der(0x31, sequence(commonNameOid, der(0x0c, Buffer.from(name, 'utf8')))));
}

/** Builds a self-signed X.509 certificate (PEM) for `publicKey`, signed with SHA256withRSA by `privateKey`. */
export function createSelfSignedCertificate(options: {
  publicKey: KeyObject;
  privateKey: KeyObject;
  commonName: string;
  validFrom: number;
  validTo: number;
  /** 8 random bytes for the serial number (default: fresh ones); tests pass the awkward ones. */
  serialBytes?: Uint8Array;
}): string {
  const algorithm = sequence(der(0x06, Buffer.from('2a864886f70d01010b', 'hex')), Buffer.from([0x05, 0x00]));
  const name = commonName(options.commonName);
  const serial = Buffer.from(
    options.serialBytes ?? Buffer.from(randomUUID().replaceAll('-', '').slice(0, 16), 'hex'),
  );
  // Positive and minimal DER: a leading 0x00 before a byte < 0x80 is "illegal padding" to OpenSSL,
  // which refused about one certificate in 200 (a flaky SES test).
  serial[0] = ((serial[0] as number) & 0x7f) | 0x40;
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version v3
    der(0x02, serial),
    algorithm,
    name,
    sequence(utcTime(options.validFrom), utcTime(options.validTo)),
    name,
    options.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, options.privateKey);
  const certificate = sequence(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const lines = certificate.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** An RSA key pair and a self-signed certificate served at an SNS-looking URL, to sign test notifications. */
export function createSnsTestSigner(options: SnsTestSignerOptions = {}): SnsTestSigner {
  const region = options.region ?? 'eu-west-1';
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificatePem = createSelfSignedCertificate({
    publicKey,
    privateKey,
    commonName: 'sns.amazonaws.com',
    validFrom: options.validFrom ?? Date.now() - 3_600_000,
    validTo: options.validTo ?? Date.now() + 86_400_000,
  });
  const certificateUrl = `https://sns.${region}.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem`;
  let fetches = 0;
  return {
    certificateUrl,
    certificatePem,
    privateKey,
    get fetches() {
      return fetches;
    },
    fetchCertificate(url: string) {
      fetches += 1;
      return url === certificateUrl
        ? Promise.resolve(certificatePem)
        : Promise.reject(new Error(`no test certificate at ${url}`));
    },
  };
}

export interface SnsEnvelopeOptions {
  readonly topicArn?: string;
  readonly subject?: string;
  /** ISO time; default now. */
  readonly timestamp?: string;
  /** Sign with this signer; without one, `Signature` is a placeholder. */
  readonly signer?: SnsTestSigner;
  readonly signatureVersion?: '1' | '2';
  /** Override `SigningCertURL` (to test a foreign host); default the signer's URL. */
  readonly signingCertUrl?: string;
}

const signedNotificationKeys = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const signedConfirmationKeys = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];

/** Signs (or re-signs) an SNS message the way SNS does: `Key\nvalue\n` for each signed key, RSA + SHA1/SHA256. */
export function signSnsMessage(
  message: Record<string, unknown>,
  signer: SnsTestSigner,
  signatureVersion: '1' | '2' = '2',
): Record<string, unknown> {
  const keys = message.Type === 'Notification' ? signedNotificationKeys : signedConfirmationKeys;
  let text = '';
  for (const key of keys) if (typeof message[key] === 'string') text += `${key}\n${message[key] as string}\n`;
  const signature = sign(
    signatureVersion === '1' ? 'sha1' : 'sha256',
    Buffer.from(text, 'utf8'),
    signer.privateKey,
  );
  return {
    ...message,
    SignatureVersion: signatureVersion,
    Signature: signature.toString('base64'),
    SigningCertURL: (message.SigningCertURL as string | undefined) ?? signer.certificateUrl,
  };
}

function topicRegion(topicArn: string): string {
  return topicArn.split(':')[3] ?? 'eu-west-1';
}

/** Wraps an SES event in an SNS `Notification` (the event JSON-encoded into `Message`), signed when a signer is given. */
export function toSnsNotification(event: unknown, options: SnsEnvelopeOptions = {}): Record<string, unknown> {
  const topicArn = options.topicArn ?? 'arn:aws:sns:eu-west-1:111122223333:ses-events';
  const region = topicRegion(topicArn);
  const envelope: Record<string, unknown> = {
    Type: 'Notification',
    MessageId: randomUUID(),
    TopicArn: topicArn,
    ...(options.subject === undefined ? {} : { Subject: options.subject }),
    Message: typeof event === 'string' ? event : JSON.stringify(event),
    Timestamp: options.timestamp ?? new Date().toISOString(),
    SignatureVersion: options.signatureVersion ?? '2',
    Signature: 'UNSIGNED',
    SigningCertURL:
      options.signingCertUrl ??
      options.signer?.certificateUrl ??
      `https://sns.${region}.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem`,
    UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${randomUUID()}`,
  };
  return options.signer === undefined
    ? envelope
    : signSnsMessage(envelope, options.signer, options.signatureVersion);
}

/** An SNS `SubscriptionConfirmation` (what SNS POSTs first; the receiver must GET `SubscribeURL` once). */
export function toSnsSubscriptionConfirmation(options: SnsEnvelopeOptions = {}): Record<string, unknown> {
  const topicArn = options.topicArn ?? 'arn:aws:sns:eu-west-1:111122223333:ses-events';
  const region = topicRegion(topicArn);
  const token = randomUUID().replaceAll('-', '');
  const envelope: Record<string, unknown> = {
    Type: 'SubscriptionConfirmation',
    MessageId: randomUUID(),
    Token: token,
    TopicArn: topicArn,
    Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: `https://sns.${region}.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`,
    Timestamp: options.timestamp ?? new Date().toISOString(),
    SignatureVersion: options.signatureVersion ?? '2',
    Signature: 'UNSIGNED',
    SigningCertURL:
      options.signingCertUrl ??
      options.signer?.certificateUrl ??
      `https://sns.${region}.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem`,
  };
  return options.signer === undefined
    ? envelope
    : signSnsMessage(envelope, options.signer, options.signatureVersion);
}

/**
 * POSTs an SNS message to `url` the way SNS does (`Content-Type: text/plain; charset=UTF-8`,
 * `x-amz-sns-message-type`, `x-amz-sns-message-id`, `x-amz-sns-topic-arn`). Resolves to the receiver's status.
 */
export async function postSnsMessage(url: string, message: Record<string, unknown>): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      'x-amz-sns-message-type': String(message.Type),
      'x-amz-sns-message-id': String(message.MessageId),
      'x-amz-sns-topic-arn': String(message.TopicArn),
      'user-agent': 'Amazon Simple Notification Service Agent',
    },
    body: JSON.stringify(message),
  });
  await response.arrayBuffer();
  return response.status;
}
