import type { SmtpScript } from '../smtp-script';

export interface SlowHostOptions {
  /** Delay (ms, real time) before the greeting; default 0. Longer than nodemailer's `greetingTimeout` → ETIMEDOUT. */
  readonly greetingDelayMs?: number;
  /** Delay (ms, real time) before every other reply; default 1000. Longer than `socketTimeout` → ETIMEDOUT. */
  readonly replyDelayMs?: number;
}

/** A slow host: accepts everything, but only after waiting before each reply. */
export function slowHost(options: SlowHostOptions = {}): {
  readonly name: 'slow-host';
  readonly script: SmtpScript;
} {
  const greetingDelayMs = options.greetingDelayMs ?? 0;
  const replyDelayMs = options.replyDelayMs ?? 1000;
  for (const [label, value] of [
    ['greetingDelayMs', greetingDelayMs],
    ['replyDelayMs', replyDelayMs],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new TypeError(`slowHost: \`${label}\` must be milliseconds ≥ 0`);
  }
  const wait = { delayMs: replyDelayMs };
  return {
    name: 'slow-host',
    script: {
      greeting: { delayMs: greetingDelayMs },
      ehlo: wait,
      auth: wait,
      mail: wait,
      rcpt: wait,
      data: wait,
      message: wait,
    },
  };
}
