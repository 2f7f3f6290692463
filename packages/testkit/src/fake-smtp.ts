import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { parseMessageId } from './message-id';
import type { SmtpLog, SmtpLogReply } from './smtp-log';
import {
  replyCode,
  replyLines,
  type SmtpContext,
  type SmtpResponder,
  type SmtpScript,
  type SmtpStage,
  type SmtpStep,
  type SmtpStepObject,
  smtpStages,
  stepObject,
} from './smtp-script';

export interface FakeSmtpOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (the OS picks a free one, see `port`). */
  readonly port?: number;
  /** The server's name in its normal greeting (`220 <name> ESMTP`); default `mx.fake.test`. */
  readonly name?: string;
  /** The clock used in contexts and logs (epoch ms); default `Date.now`. Give a simulated clock here. */
  readonly now?: () => number;
}

export interface RunningFakeSmtp {
  readonly host: string;
  readonly port: number;
  /** Everything the server saw and said. */
  readonly log: SmtpLog;
  /** Stops listening and destroys open connections. Safe to call twice. */
  close(): Promise<void>;
}

/** The smtp-server connection internals the fake relies on (smtp-server 3.x `lib/smtp-connection`). */
interface ConnectionInternals {
  id: string;
  send(code: number, data?: unknown, context?: unknown): void;
  _onCommand(command: Buffer, callback?: () => void): void;
  close(): void;
  _socket: Socket;
}

interface ConnectionState {
  readonly id: string;
  readonly number: number;
  readonly remoteAddress: string;
  /** An exact reply that replaces the next reply smtp-server sends. */
  pending?: { readonly reply: string; readonly close: boolean };
  /** Close the connection after smtp-server's next (normal) reply: a `{ close: true }` step without a reply. */
  closeAfterReply?: boolean;
  stage: SmtpStage | 'other';
  command?: string;
  recipient?: string;
  clientName?: string;
}

const commandStages: Readonly<Record<string, SmtpStage>> = {
  EHLO: 'ehlo',
  HELO: 'ehlo',
  LHLO: 'ehlo',
  AUTH: 'auth',
  MAIL: 'mail',
  RCPT: 'rcpt',
  DATA: 'data',
};

/** A delay that does not keep the process alive on its own (a closed fake must not hold a test run open). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function refusal(reply: string): Error & { responseCode: number } {
  // smtp-server sends `err.responseCode` + `err.message`; the patched `send` replaces that with the exact reply.
  return Object.assign(new Error(reply), { responseCode: replyCode(reply) ?? 550 });
}

/** A responder that throws (or returns a bad step) is a bug in the test: say so on the wire, as a 451. */
function responderFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `451 4.3.0 fake SMTP responder threw: ${message.split(/\r\n|\n|\r/).join(' ')}`;
}

function refuses(reply: string): boolean {
  const code = replyCode(reply);
  return code === undefined || code >= 400;
}

function isPersonaLike(value: unknown): value is { readonly script: SmtpScript } {
  return typeof value === 'object' && value !== null && 'script' in value && typeof value.script === 'object';
}

function validateScript(script: SmtpScript): void {
  if (script === null || typeof script !== 'object') {
    throw new TypeError('startFakeSmtp: `script` must be an object of responders per stage');
  }
  for (const key of Object.keys(script)) {
    if (!(smtpStages as readonly string[]).includes(key)) {
      throw new TypeError(
        `startFakeSmtp: unknown script stage \`${key}\` (expected one of ${smtpStages.join(', ')})`,
      );
    }
    const responder = (script as Record<string, unknown>)[key];
    const kind = typeof responder;
    if (responder !== undefined && kind !== 'string' && kind !== 'function' && kind !== 'object') {
      throw new TypeError(
        `startFakeSmtp: \`script.${key}\` must be a reply string, a step object or a function`,
      );
    }
    if (kind === 'string' || (kind === 'object' && responder !== null)) {
      try {
        stepObject(responder as SmtpStep);
      } catch (error) {
        throw new TypeError(`startFakeSmtp: \`script.${key}\`: ${(error as Error).message}`);
      }
    }
  }
}

/**
 * Starts a real SMTP server (the `smtp-server` package) on a loopback port whose replies follow `script`.
 * Point nodemailer at it with `{ host: '127.0.0.1', port, secure: false, ignoreTLS: true }`.
 * Accepts a script, or a persona (anything with a `script`, e.g. `gmailLike()`).
 */
export async function startFakeSmtp(
  scriptOrPersona: SmtpScript | { readonly script: SmtpScript } = {},
  options: FakeSmtpOptions = {},
): Promise<RunningFakeSmtp> {
  const script = isPersonaLike(scriptOrPersona) ? scriptOrPersona.script : scriptOrPersona;
  validateScript(script);
  if (options === null || typeof options !== 'object')
    throw new TypeError('startFakeSmtp: `options` must be an object');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError('startFakeSmtp: `options.now` must be a function');
  const log: SmtpLog = { connections: [], replies: [], messages: [] };
  const states = new Map<string, ConnectionState>();
  const sockets = new Set<Socket>();
  let connectionCount = 0;

  const context = (
    state: ConnectionState,
    session: SMTPServerSession,
    extra: Partial<SmtpContext>,
  ): SmtpContext => {
    const mailFrom = session.envelope.mailFrom;
    return {
      stage: 'greeting',
      connectionId: state.id,
      connectionNumber: state.number,
      remoteAddress: state.remoteAddress,
      now: now(),
      command: state.command,
      clientName: state.clientName,
      from: mailFrom === false ? undefined : mailFrom.address,
      recipients: session.envelope.rcptTo.map((address) => address.address),
      ...extra,
    };
  };

  const decide = async (responder: SmtpResponder | undefined, ctx: SmtpContext): Promise<SmtpStepObject> => {
    if (responder === undefined) return {};
    const step = typeof responder === 'function' ? await responder(ctx) : responder;
    if (step === undefined) return {};
    const object = stepObject(step);
    if (object.delayMs !== undefined && object.delayMs > 0) await sleep(object.delayMs);
    return object;
  };

  const record = (state: ConnectionState, reply: string, scripted: boolean): void => {
    const entry: SmtpLogReply = {
      connectionId: state.id,
      stage: state.stage,
      command: state.command,
      recipient: state.stage === 'rcpt' ? state.recipient : undefined,
      code: replyCode(reply),
      reply,
      at: now(),
      scripted,
    };
    log.replies.push(entry);
  };

  const writeExact = (connection: ConnectionInternals, state: ConnectionState, reply: string): void => {
    const lines = replyLines(reply);
    const socket = connection._socket;
    if (!socket.destroyed && socket.writable) socket.write(`${lines.join('\r\n')}\r\n`);
    record(state, lines.join('\n'), true);
  };

  /** Hooks smtp-server's connection so scripted replies go out byte for byte and every reply is logged. */
  const attach = (connection: ConnectionInternals, state: ConnectionState): void => {
    const originalSend = connection.send.bind(connection);
    const originalOnCommand = connection._onCommand.bind(connection);

    connection.send = (code, data, ctx) => {
      const pending = state.pending;
      state.pending = undefined;
      if (pending !== undefined) {
        writeExact(connection, state, pending.reply);
        if (pending.close || replyCode(pending.reply) === 421 || code === 421) connection.close();
        return;
      }
      // smtp-server's own reply; the server runs with hideENHANCEDSTATUSCODES so this is what it writes.
      const lines = Array.isArray(data) ? data.map(String) : [data === undefined ? '' : String(data)];
      const text = lines
        .map((line, index) => `${code}${index < lines.length - 1 ? '-' : ' '}${line}`)
        .join('\n');
      record(state, text, false);
      originalSend(code, data, ctx);
      if (state.closeAfterReply === true) {
        state.closeAfterReply = false;
        connection.close();
      }
    };

    connection._onCommand = (command, callback) => {
      const line = command.toString('utf8');
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      const stage = commandStages[verb];
      state.stage = stage ?? 'other';
      state.command = line;
      state.recipient = undefined;
      if (stage === 'ehlo') state.clientName = line.slice(verb.length).trim();
      const responder = stage === 'ehlo' ? script.ehlo : stage === 'data' ? script.data : undefined;
      if (responder === undefined) {
        originalOnCommand(command, callback);
        return;
      }
      const session = (connection as unknown as { session: SMTPServerSession }).session;
      decide(responder, context(state, session, { stage, command: line })).then(
        (step) => {
          if (step.drop === true) {
            connection._socket.destroy();
            return;
          }
          if (step.silent === true) return;
          if (step.reply === undefined) {
            state.closeAfterReply = step.close === true;
            originalOnCommand(command, callback);
            return;
          }
          if (refuses(step.reply)) {
            writeExact(connection, state, step.reply);
            if (step.close === true || replyCode(step.reply) === 421) connection.close();
            callback?.();
            return;
          }
          // An accepting reply: let smtp-server run the command (state, DATA mode) and swap its reply text.
          state.pending = { reply: step.reply, close: step.close === true };
          originalOnCommand(command, callback);
        },
        (error: unknown) => {
          writeExact(connection, state, responderFailure(error));
          callback?.();
        },
      );
    };
  };

  /** Runs a hook's responder and answers smtp-server's callback the scripted way. */
  const answer = (
    state: ConnectionState,
    responder: SmtpResponder | undefined,
    ctx: SmtpContext,
    callback: (error?: Error | null) => void,
    onAccept?: (replyDropped: boolean) => void,
  ): void => {
    const connection = findConnection(state.id);
    decide(responder, ctx).then(
      (step) => {
        if (step.drop === true) {
          connection?._socket.destroy();
          return;
        }
        if (step.dropAfterAccept === true) {
          onAccept?.(true);
          connection?._socket.destroy();
          return;
        }
        if (step.silent === true) return;
        if (step.reply === undefined) {
          state.closeAfterReply = step.close === true;
          onAccept?.(false);
          callback();
          return;
        }
        state.pending = { reply: step.reply, close: step.close === true };
        if (refuses(step.reply)) {
          callback(refusal(step.reply));
        } else {
          onAccept?.(false);
          callback();
        }
      },
      (error: unknown) => {
        state.pending = { reply: responderFailure(error), close: false };
        callback(refusal('451'));
      },
    );
  };

  const server = new SMTPServer({
    name: options.name ?? 'mx.fake.test',
    logger: false,
    disableReverseLookup: true,
    hideENHANCEDSTATUSCODES: true,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 50,

    onConnect(session, callback) {
      const connection = findConnection(session.id);
      if (connection === undefined) {
        callback(new Error('fake SMTP: connection not found'));
        return;
      }
      connectionCount += 1;
      const state: ConnectionState = {
        id: session.id,
        number: connectionCount,
        remoteAddress: session.remoteAddress,
        stage: 'greeting',
      };
      states.set(session.id, state);
      attach(connection, state);
      log.connections.push({
        id: state.id,
        number: state.number,
        remoteAddress: state.remoteAddress,
        openedAt: now(),
      });
      answer(
        state,
        script.greeting,
        context(state, session, { stage: 'greeting', command: undefined }),
        callback,
      );
    },

    onAuth(auth, session, callback) {
      const state = states.get(session.id);
      if (state === undefined) return callback(new Error('fake SMTP: unknown session'));
      const ctx = context(state, session, {
        stage: 'auth',
        username: auth.username ?? undefined,
        password: auth.password ?? undefined,
      });
      answer(state, script.auth, ctx, (error) =>
        error ? callback(error) : callback(null, { user: auth.username ?? 'user' }),
      );
    },

    onMailFrom(address, session, callback) {
      const state = states.get(session.id);
      if (state === undefined) return callback(new Error('fake SMTP: unknown session'));
      answer(state, script.mail, context(state, session, { stage: 'mail', from: address.address }), callback);
    },

    onRcptTo(address, session, callback) {
      const state = states.get(session.id);
      if (state === undefined) return callback(new Error('fake SMTP: unknown session'));
      state.recipient = address.address;
      answer(
        state,
        script.rcpt,
        context(state, session, { stage: 'rcpt', recipient: address.address }),
        callback,
      );
    },

    onData(stream, session, callback) {
      const state = states.get(session.id);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => callback(refusal('451 4.3.0 stream error')));
      stream.on('end', () => {
        if (state === undefined) return callback(new Error('fake SMTP: unknown session'));
        state.stage = 'message';
        state.command = undefined;
        const body = Buffer.concat(chunks);
        const messageId = parseMessageId(body);
        const ctx = context(state, session, { stage: 'message', command: undefined, messageId, body });
        answer(state, script.message, ctx, callback, (replyDropped) => {
          log.messages.push({
            connectionId: state.id,
            messageId,
            from: ctx.from ?? '',
            to: ctx.recipients,
            size: body.length,
            at: now(),
            body,
            ...(replyDropped ? { replyDropped } : {}),
          });
        });
      });
    },

    onClose(session) {
      states.delete(session.id);
    },
  });

  function findConnection(id: string): ConnectionInternals | undefined {
    for (const connection of server.connections) {
      if (connection.id === id) return connection as unknown as ConnectionInternals;
    }
    return undefined;
  }

  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', () => {
    // Client-side resets show up here; the log and the client's own error say what happened.
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    log,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
