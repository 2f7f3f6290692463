import { pipeline, type Readable, Transform } from 'node:stream';

// Whether the message body went out, for one send. nodemailer's error cannot say: a connection lost
// after the body reports `command: 'CONN'`, like one lost during RCPT
// (packages/nodemailer/PROVIDER.md §4 row 12, §7). nodemailer reads the message stream only once the
// server answered 354 to DATA, so an unbuffered pass-through at the end of that stream (added by a
// `stream` plugin, nodemailer's documented hook) that reached its end means the body, and then the
// final `.`, were handed to the connection. (With DKIM signing nodemailer reads the whole message
// before sending it, so there every reply-less failure after the session started counts as in doubt:
// more holds, never a duplicate.)

interface StreamedMail {
  readonly data?: { readonly headers?: unknown };
  readonly message?: { processFunc?: (process: (input: Readable) => Readable) => void };
}

interface Pluggable {
  use(step: string, plugin: (mail: StreamedMail, done: (error?: Error | null) => void) => void): unknown;
}

const instrumented = new WeakSet<object>();
const bodiesSent = new WeakSet<object>();

function isPluggable(transport: unknown): transport is Pluggable {
  return typeof (transport as { use?: unknown }).use === 'function';
}

/**
 * A key for one send: a fresh copy of the mail's `headers`, which nodemailer keeps by reference on
 * the message it builds (undefined when the headers are neither an object nor a list).
 */
export function sendKey(headers: unknown): object | undefined {
  if (headers === undefined || headers === null) return {};
  if (Array.isArray(headers)) return [...headers];
  if (typeof headers === 'object') return { ...headers };
  return undefined;
}

/** Adds the pass-through once per nodemailer transport; false for a transport without plugins. */
export function watchBodies(transport: unknown): boolean {
  if (typeof transport !== 'object' || transport === null || !isPluggable(transport)) return false;
  if (instrumented.has(transport)) return true;
  instrumented.add(transport);
  transport.use('stream', (mail, done) => {
    const key = mail.data?.headers;
    if (typeof key === 'object' && key !== null && typeof mail.message?.processFunc === 'function') {
      // The last stage of the message stream (earlier stages buffer the whole of a small message).
      mail.message.processFunc((input) => {
        const tracker = new Transform({
          // No buffer: a chunk passes only when the connection reads it, so the end is seen when
          // the connection read the whole body, not when nodemailer finished building it.
          readableHighWaterMark: 0,
          writableHighWaterMark: 0,
          transform: (chunk, _encoding, callback) => callback(null, chunk),
          flush: (callback) => {
            bodiesSent.add(key);
            callback();
          },
        });
        return pipeline(input, tracker, () => {});
      });
    }
    done();
  });
  return true;
}

/** Whether the body of the send keyed `key` was handed to the connection. */
export function bodySent(key: object): boolean {
  return bodiesSent.has(key);
}
