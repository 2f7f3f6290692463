import { localPartMatcher } from '../local-part';
import { seededRandom } from '../random';
import type { SmtpContext, SmtpResponder, SmtpScript, SmtpStep } from '../smtp-script';

/** One reply a persona can give, with where its text comes from. */
export interface PersonaReply {
  /** The exact reply as the real server sends it. */
  readonly reply: string;
  /**
   * When it is sent: `rcpt` answers the recipient's RCPT TO; `message` answers the end of the body (the whole
   * transaction fails if any of its recipients chose a `message` reply; the first such recipient decides).
   */
  readonly stage: 'rcpt' | 'message';
  /** Where the text was seen (data file id and line, or documentation page). */
  readonly source: string;
}

/** What the persona answers when it accepts. */
export interface PersonaAccept {
  readonly greeting?: string;
  readonly rcpt?: string;
  readonly message?: string;
}

/** How a persona picks a reply for a recipient. Every field is optional; see the precedence on {@link definePersona}. */
export interface PersonaOptions<Name extends string> {
  /**
   * Extra or replacing local-part rules: `{ 'nobody': 'unknown', 'unknown': 'accept' }`.
   * A rule matches the local part exactly, or followed by `+`, `-` or `.` and anything (`unknown-42@`).
   */
  readonly localParts?: Readonly<Record<string, Name | 'accept'>>;
  /** Replaces the persona's default local-part rules instead of extending them. */
  readonly replaceLocalParts?: boolean;
  /** The first N RCPT commands this server sees (across connections) get this reply: `{ ratelimit: 20 }`. */
  readonly first?: Readonly<Partial<Record<Name, number>>>;
  /** Every Nth RCPT command (N, 2N, …) gets this reply: `{ full: 10 }`. */
  readonly every?: Readonly<Partial<Record<Name, number>>>;
  /** Probability (0–1) per RCPT of each reply, for recipients no rule matched: `{ ratelimit: 0.05 }`. */
  readonly chances?: Readonly<Partial<Record<Name, number>>>;
  /** Seed for `chances` (default 1); ignored when `random` is given. */
  readonly seed?: number;
  /** Random source in [0, 1) for `chances`. */
  readonly random?: () => number;
  /** Decides first; return a reply name, `'accept'`, or `undefined` to fall through to the rules. */
  readonly choose?: (context: SmtpContext) => Name | 'accept' | undefined;
  /** Delay (ms) before every reply, to make any persona slow. */
  readonly delayMs?: number;
}

/** A scripted SMTP server that answers like a real provider. Pass it to `startFakeSmtp`. */
export interface Persona<Name extends string = string> {
  readonly name: string;
  readonly script: SmtpScript;
  /** The replies this persona can give, by name, with their sources. */
  readonly replies: Readonly<Record<Name, PersonaReply>>;
  /** The local-part rules in force (defaults merged with options). */
  readonly localParts: Readonly<Record<string, Name | 'accept'>>;
}

export interface PersonaDefinition<Name extends string> {
  readonly name: string;
  /** In the order `first`, `every` and `chances` are checked. */
  readonly replies: Readonly<Record<Name, PersonaReply>>;
  readonly order: readonly Name[];
  readonly localParts: Readonly<Record<string, Name>>;
  readonly accept: PersonaAccept;
}

function checkCounts(
  label: string,
  values: Readonly<Record<string, number | undefined>> | undefined,
  probability: boolean,
) {
  if (values === undefined) return;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const bad = probability ? !(value >= 0 && value <= 1) : !(Number.isInteger(value) && value >= 0);
    if (bad) {
      const expected = probability ? 'a probability between 0 and 1' : 'a whole number ≥ 0';
      throw new TypeError(`persona: \`${label}.${name}\` must be ${expected}, got ${String(value)}`);
    }
  }
}

/**
 * Builds a persona from its reply table. For each RCPT the reply is chosen by, in this order:
 * `choose` → local-part rules (longest key first) → `first` → `every` → `chances` → accept.
 */
export function definePersona<Name extends string>(
  definition: PersonaDefinition<Name>,
  options: PersonaOptions<Name> = {},
): Persona<Name> {
  if (options === null || typeof options !== 'object')
    throw new TypeError('persona: `options` must be an object');
  const known = new Set<string>([...definition.order, 'accept']);
  const localParts: Record<string, Name | 'accept'> = options.replaceLocalParts
    ? {}
    : { ...definition.localParts };
  for (const [key, value] of Object.entries(options.localParts ?? {})) {
    if (!known.has(value)) {
      throw new TypeError(
        `persona ${definition.name}: local part \`${key}\` maps to unknown reply \`${value}\` (known: ${[...known].join(', ')})`,
      );
    }
    localParts[key.toLowerCase()] = value;
  }
  for (const [label, values] of [
    ['first', options.first],
    ['every', options.every],
    ['chances', options.chances],
  ] as const) {
    for (const name of Object.keys(values ?? {})) {
      if (!definition.order.includes(name as Name)) {
        throw new TypeError(
          `persona ${definition.name}: \`${label}.${name}\` is not a reply of this persona (known: ${definition.order.join(', ')})`,
        );
      }
    }
    checkCounts(label, values, label === 'chances');
  }
  if (options.delayMs !== undefined && !(Number.isFinite(options.delayMs) && options.delayMs >= 0)) {
    throw new TypeError('persona: `delayMs` must be a number of milliseconds ≥ 0');
  }
  const random = options.random ?? seededRandom(options.seed ?? 1);
  // Longest key first, so `unknown-user` wins over `unknown` regardless of how the object was written.
  const matchLocalPart = localPartMatcher(localParts);
  let rcptCount = 0;
  /** Per connection: the `message`-stage reply a recipient of the current transaction chose. */
  const messageReplies = new Map<string, string>();
  const delayMs = options.delayMs ?? 0;

  const pick = (context: SmtpContext): Name | 'accept' => {
    const chosen = options.choose?.(context);
    if (chosen !== undefined) {
      if (!known.has(chosen))
        throw new TypeError(`persona ${definition.name}: choose() returned unknown reply \`${chosen}\``);
      return chosen;
    }
    const byLocalPart = matchLocalPart(context.recipient ?? '');
    if (byLocalPart !== undefined) return byLocalPart;
    for (const name of definition.order) {
      const limit = options.first?.[name];
      if (limit !== undefined && rcptCount <= limit) return name;
    }
    for (const name of definition.order) {
      const period = options.every?.[name];
      if (period !== undefined && period > 0 && rcptCount % period === 0) return name;
    }
    if (options.chances !== undefined) {
      const draw = random();
      let sum = 0;
      for (const name of definition.order) {
        sum += options.chances[name] ?? 0;
        if (draw < sum) return name;
      }
    }
    return 'accept';
  };

  const withDelay = (step: SmtpStep | undefined): SmtpStep | undefined => {
    if (delayMs === 0) return step;
    if (step === undefined) return { delayMs };
    return typeof step === 'string' ? { reply: step, delayMs } : { ...step, delayMs };
  };

  const rcpt: SmtpResponder = (context) => {
    rcptCount += 1;
    const name = pick(context);
    if (name === 'accept') return withDelay(definition.accept.rcpt);
    const chosen = definition.replies[name];
    if (chosen.stage === 'rcpt') return withDelay(chosen.reply);
    if (!messageReplies.has(context.connectionId)) messageReplies.set(context.connectionId, chosen.reply);
    return withDelay(definition.accept.rcpt);
  };

  const script: SmtpScript = {
    greeting: () => withDelay(definition.accept.greeting),
    ehlo: () => withDelay(undefined),
    mail: (context) => {
      // A new transaction: forget what the previous one's recipients chose.
      messageReplies.delete(context.connectionId);
      return withDelay(undefined);
    },
    rcpt,
    data: () => withDelay(undefined),
    message: (context) => {
      const reply = messageReplies.get(context.connectionId);
      messageReplies.delete(context.connectionId);
      return withDelay(reply ?? definition.accept.message);
    },
  };

  return { name: definition.name, script, replies: definition.replies, localParts };
}
