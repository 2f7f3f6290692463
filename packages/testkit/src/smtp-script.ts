/**
 * What the fake SMTP server does at one step of a session.
 *
 * - a string is an exact reply, sent byte for byte (lines separated by `\n` or `\r\n`, each with its own
 *   `NNN-`/`NNN ` prefix, e.g. `"550-5.1.1 The email account ...\n550 5.1.1 ... - gsmtp"`);
 * - an object can also wait, drop the TCP connection, close it after the reply, or never answer.
 *
 * A reply whose code is 4xx/5xx refuses the step (the recipient is not added, the message is not accepted);
 * a 2xx/3xx reply accepts it with that text. A `421` reply always closes the connection afterwards (RFC 5321 §3.8).
 */
export type SmtpStep = string | SmtpStepObject;

export interface SmtpStepObject {
  /** The exact reply; omitted → the server's normal reply for this step (accept). */
  readonly reply?: string;
  /** Wait this long (ms, real time) before replying, dropping or closing. */
  readonly delayMs?: number;
  /** Destroy the TCP connection instead of replying (nodemailer: `ECONNECTION` "Connection closed unexpectedly"). */
  readonly drop?: boolean;
  /**
   * Accept the step (after `message`: the message is logged as received), then destroy the TCP
   * connection instead of replying: the reply is lost although the server has the message.
   */
  readonly dropAfterAccept?: boolean;
  /** Close the connection after the reply (a `421` reply closes it anyway). */
  readonly close?: boolean;
  /** Never answer this step (the client runs into its own timeout); the connection stays open until it leaves. */
  readonly silent?: boolean;
}

/** What a responder knows about the session when it decides one step. */
export interface SmtpContext {
  /** `greeting`, `ehlo`, `auth`, `mail`, `rcpt`, `data` (the DATA command), `message` (the reply after the body). */
  readonly stage: SmtpStage;
  /** The connection's id in the server log. */
  readonly connectionId: string;
  /** 1 for the first connection to this server, 2 for the next… */
  readonly connectionNumber: number;
  readonly remoteAddress: string;
  /** The time from the server's clock (`now` option), epoch ms. */
  readonly now: number;
  /** The command line as the client sent it (not for `greeting` and `message`). */
  readonly command?: string;
  /** EHLO/HELO hostname, once sent. */
  readonly clientName?: string;
  /** AUTH: the user name and password the client sent. */
  readonly username?: string;
  readonly password?: string;
  /** MAIL FROM address (`''` for the null sender), once sent. */
  readonly from?: string;
  /** RCPT: the recipient being decided. */
  readonly recipient?: string;
  /** The recipients accepted so far in this transaction. */
  readonly recipients: readonly string[];
  /** `message` only: the Message-ID header of the body (with angle brackets), when it has one. */
  readonly messageId?: string;
  /** `message` only: the message as received (after dot-unstuffing). */
  readonly body?: Buffer;
}

export type SmtpStage = 'greeting' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data' | 'message';

/** Decides a step: a fixed step, or a function of the context. `undefined` → the normal reply. */
export type SmtpResponder =
  | SmtpStep
  | ((context: SmtpContext) => SmtpStep | undefined | Promise<SmtpStep | undefined>);

/** A script: one responder per stage. Stages left out get the normal (accepting) reply. */
export interface SmtpScript {
  readonly greeting?: SmtpResponder;
  readonly ehlo?: SmtpResponder;
  readonly auth?: SmtpResponder;
  readonly mail?: SmtpResponder;
  readonly rcpt?: SmtpResponder;
  readonly data?: SmtpResponder;
  readonly message?: SmtpResponder;
}

export const smtpStages: readonly SmtpStage[] = [
  'greeting',
  'ehlo',
  'auth',
  'mail',
  'rcpt',
  'data',
  'message',
];

/** The first three digits of a reply, or `undefined` when it does not start with a reply code. */
export function replyCode(reply: string): number | undefined {
  if (reply.length < 3) return undefined;
  let code = 0;
  for (let index = 0; index < 3; index++) {
    const digit = reply.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    code = code * 10 + digit;
  }
  return code;
}

/** Splits an exact reply into lines (accepting `\r\n`, `\n` or a bare `\r`) and drops a trailing empty line. */
export function replyLines(reply: string): string[] {
  const lines = reply.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const stepKeys = new Set(['reply', 'delayMs', 'drop', 'dropAfterAccept', 'close', 'silent']);

/**
 * Normalizes a step to its object form, refusing anything that is not a step — a misspelled key such as
 * `{ replay: '550 …' }` would otherwise silently become "accept".
 */
export function stepObject(step: SmtpStep): SmtpStepObject {
  if (typeof step === 'string') return { reply: step };
  if (step === null || typeof step !== 'object' || Array.isArray(step)) {
    throw new TypeError(
      `an SMTP step must be a reply string or a step object, got ${step === null ? 'null' : typeof step}`,
    );
  }
  for (const key of Object.keys(step)) {
    if (!stepKeys.has(key))
      throw new TypeError(`unknown SMTP step field \`${key}\` (expected ${[...stepKeys].join(', ')})`);
  }
  if (step.reply !== undefined && typeof step.reply !== 'string')
    throw new TypeError('SMTP step `reply` must be a string');
  if (step.delayMs !== undefined && !(Number.isFinite(step.delayMs) && step.delayMs >= 0)) {
    throw new TypeError('SMTP step `delayMs` must be milliseconds ≥ 0');
  }
  for (const flag of ['drop', 'dropAfterAccept', 'close', 'silent'] as const) {
    if (step[flag] !== undefined && typeof step[flag] !== 'boolean')
      throw new TypeError(`SMTP step \`${flag}\` must be a boolean`);
  }
  return step;
}
