import {
  type Category,
  categories,
  type DeliveryEvent,
  type DeliveryOutcome,
  type OutcomeOrigin,
  type Permanence,
  type Scope,
} from '@mailverdict/core';

// Runtime lists of the closed unions in core; the `satisfies` + exhaustiveness types below fail the build
// when core adds a member that is missing here.
export const deliveryEvents = [
  'accepted',
  'delivered',
  'deferred',
  'bounced',
  'rejected',
  'complained',
  'failed',
] as const satisfies readonly DeliveryEvent[];
export const outcomeOrigins = [
  'remote-server',
  'provider',
  'account',
  'network',
  'local',
] as const satisfies readonly OutcomeOrigin[];
export const permanences = ['success', 'transient', 'permanent'] as const satisfies readonly Permanence[];
export const scopes = [
  'recipient',
  'message',
  'sender',
  'destination',
  'provider',
  'none',
] as const satisfies readonly Scope[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const exhaustive: [
  Exhaustive<DeliveryEvent, (typeof deliveryEvents)[number]>,
  Exhaustive<OutcomeOrigin, (typeof outcomeOrigins)[number]>,
  Exhaustive<Permanence, (typeof permanences)[number]>,
  Exhaustive<Scope, (typeof scopes)[number]>,
] = [true, true, true, true];
void exhaustive;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Everything wrong with one `DeliveryOutcome` (empty when it satisfies every invariant of core's type and the
 * taxonomy's closed sets). Never throws, whatever it is given. Does not look at `raw` (see `rawProblems`).
 */
export function outcomeProblems(outcome: unknown): string[] {
  try {
    return inspect(outcome);
  } catch (error) {
    return [`inspecting the outcome threw: ${error instanceof Error ? error.message : describe(error)}`];
  }
}

function inspect(outcome: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(outcome)) return [`an outcome must be an object, got ${describe(outcome)}`];
  const field = (name: string): unknown => {
    try {
      return outcome[name];
    } catch {
      problems.push(`reading \`${name}\` threw`);
      return undefined;
    }
  };
  if (!isNonEmptyString(field('provider')))
    problems.push(`provider must be a non-empty string, got ${describe(field('provider'))}`);
  const event = field('event');
  if (!(deliveryEvents as readonly unknown[]).includes(event)) {
    problems.push(`event ${describe(event)} is not one of ${deliveryEvents.join(', ')}`);
  }
  const origin = field('origin');
  if (!(outcomeOrigins as readonly unknown[]).includes(origin)) {
    problems.push(`origin ${describe(origin)} is not one of ${outcomeOrigins.join(', ')}`);
  }
  const recipient = field('recipient');
  if (recipient !== undefined && !isNonEmptyString(recipient)) {
    problems.push(`recipient must be absent or a non-empty string, got ${describe(recipient)}`);
  }
  const messageId = field('messageId');
  if (messageId !== undefined && !isNonEmptyString(messageId)) {
    problems.push(`messageId must be absent or a non-empty string, got ${describe(messageId)}`);
  }
  const occurredAt = field('occurredAt');
  if (occurredAt !== undefined && !(typeof occurredAt === 'number' && Number.isFinite(occurredAt))) {
    problems.push(`occurredAt must be absent or finite epoch milliseconds, got ${describe(occurredAt)}`);
  }
  const retryAfterMs = field('retryAfterMs');
  if (retryAfterMs !== undefined && !isDuration(retryAfterMs)) {
    problems.push(`retryAfterMs must be absent or milliseconds ≥ 0, got ${describe(retryAfterMs)}`);
  }
  if (!isRecord(field('providerDetail'))) problems.push('providerDetail must be an object');
  if (!('raw' in outcome)) problems.push('raw must be present (the original input)');
  problems.push(...replyProblems(field('reply'), 'reply'));
  problems.push(...verdictProblems(field('verdict')));
  return problems;
}

function replyProblems(reply: unknown, where: string): string[] {
  if (reply === undefined) return [];
  if (!isRecord(reply)) return [`${where} must be absent or a parsed SmtpReply object`];
  const problems: string[] = [];
  if (typeof reply.raw !== 'string') problems.push(`${where}.raw must be the reply string as given`);
  if (typeof reply.text !== 'string') problems.push(`${where}.text must be a string`);
  if (!Array.isArray(reply.lines) || !reply.lines.every((line) => typeof line === 'string')) {
    problems.push(`${where}.lines must be an array of strings`);
  }
  if (typeof reply.classMismatch !== 'boolean') problems.push(`${where}.classMismatch must be a boolean`);
  if (
    reply.code !== undefined &&
    !(Number.isInteger(reply.code) && (reply.code as number) >= 100 && (reply.code as number) <= 999)
  ) {
    problems.push(`${where}.code must be absent or a three-digit integer, got ${describe(reply.code)}`);
  }
  return problems;
}

function verdictProblems(verdict: unknown): string[] {
  if (!isRecord(verdict)) return ['verdict must be an object'];
  const problems: string[] = [];
  if (!(categories as readonly unknown[]).includes(verdict.category)) {
    problems.push(`verdict.category ${describe(verdict.category)} is not a taxonomy category`);
  }
  if (!(permanences as readonly unknown[]).includes(verdict.permanence)) {
    problems.push(
      `verdict.permanence ${describe(verdict.permanence)} is not one of ${permanences.join(', ')}`,
    );
  }
  if (!(scopes as readonly unknown[]).includes(verdict.scope)) {
    problems.push(`verdict.scope ${describe(verdict.scope)} is not one of ${scopes.join(', ')}`);
  }
  if (typeof verdict.suppressRecipient !== 'boolean')
    problems.push('verdict.suppressRecipient must be a boolean');
  const retry = verdict.retry;
  if (!isRecord(retry)) {
    problems.push('verdict.retry must be an object');
  } else {
    if (typeof retry.allowed !== 'boolean') problems.push('verdict.retry.allowed must be a boolean');
    if (typeof retry.changeRequired !== 'boolean')
      problems.push('verdict.retry.changeRequired must be a boolean');
    if (retry.afterMs !== undefined && !isDuration(retry.afterMs))
      problems.push('verdict.retry.afterMs must be absent or ms ≥ 0');
  }
  if (!isNonEmptyString(verdict.rule)) problems.push('verdict.rule must name the deciding rule');
  if (!(typeof verdict.confidence === 'number' && verdict.confidence >= 0 && verdict.confidence <= 1)) {
    problems.push(`verdict.confidence must be between 0 and 1, got ${describe(verdict.confidence)}`);
  }
  if (!isNonEmptyString(verdict.summary)) problems.push('verdict.summary must be a non-empty sentence');
  if (verdict.cause !== undefined && !(categories as readonly unknown[]).includes(verdict.cause)) {
    problems.push(`verdict.cause ${describe(verdict.cause)} is not a taxonomy category`);
  }
  if (verdict.status !== undefined && typeof verdict.status !== 'string')
    problems.push('verdict.status must be a string');
  problems.push(...replyProblems(verdict.reply, 'verdict.reply'));
  return problems;
}

/** The category of an outcome, when it has a well-formed one. */
export function categoryOf(outcome: unknown): Category | undefined {
  if (!isRecord(outcome) || !isRecord(outcome.verdict)) return undefined;
  const category = outcome.verdict.category;
  return (categories as readonly unknown[]).includes(category) ? (category as Category) : undefined;
}

/** Compile-time helper: a `DeliveryOutcome` passes the same checks as an unknown value. */
export function isWellFormedOutcome(outcome: unknown): outcome is DeliveryOutcome {
  return outcomeProblems(outcome).length === 0;
}
