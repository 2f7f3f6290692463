// Traffic-shaping rules as data, in the spirit of KumoMTA's shaping automation
// (KumoCorp/kumomta assets/policy-extras/shaping.toml): per provider, a reply pattern, a trigger
// (immediately, or N matches within an explicit window) and actions held for a time. Matching uses
// lowercase phrases (indexOf), never regular expressions, so a hostile reply cannot make it slow.

import { MailverdictError } from '../verdict/errors';
import { isMailboxProvider } from '../verdict/mailbox-provider';
import { type Category, isCategory } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';

export interface ShapingMatch {
  /** Lowercase phrases; any one found in `"<code> <enhanced code> <text>"` (lowercased) matches. */
  readonly phrases?: readonly string[];
  /** The basic reply code, e.g. 421. */
  readonly code?: number;
  /** The enhanced status code, e.g. `4.7.0`. */
  readonly enhanced?: string;
  /** The verdict's category. */
  readonly category?: Category;
}

/** Fire on the first match, or when `count` matches fall within `windowMs`. */
export type ShapingTrigger = 'immediately' | { readonly count: number; readonly windowMs: number };

export interface ShapingAction {
  /** Stop sending to the provider for `holdMs`. */
  readonly pause?: boolean;
  /** Cap the provider's rate (messages per second) for `holdMs`. */
  readonly maxRate?: number;
  /** Cap the attempts in flight to the provider for `holdMs`. */
  readonly maxConcurrency?: number;
}

export interface ShapingRule {
  readonly id: string;
  /** A mailbox provider id (`yahoo`, `microsoft`…): a rule for an unknown provider is an error. */
  readonly provider: string;
  /** Every condition given must hold. */
  readonly match: ShapingMatch;
  readonly trigger: ShapingTrigger;
  readonly action: ShapingAction;
  /** How long the action lasts, in milliseconds (separate from the trigger's window). */
  readonly holdMs: number;
  /** A verbatim reply the rule is meant for. */
  readonly example?: string;
  /** Where the rule comes from. */
  readonly source: string;
}

const minute = 60_000;
const hour = 60 * minute;

export const defaultShapingRules: readonly ShapingRule[] = [
  {
    // KumoMTA ships `\[TS?S04\]` → Suspend 2 hours for Yahoo; we wait for a second deferral within the
    // hour so that one stray reply does not stop all Yahoo mail.
    id: 'yahoo-tss04',
    provider: 'yahoo',
    match: { phrases: ['[tss04]', '[ts04]'] },
    trigger: { count: 2, windowMs: hour },
    action: { pause: true },
    holdMs: 2 * hour,
    example:
      '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: 'KumoCorp/kumomta assets/policy-extras/shaping.toml (provider "yahoo" automation)',
  },
  {
    // Yahoo: "We encourage you to retry sending emails 4 hours after encountering the error" — the
    // deferral names our IP, so it holds for all of Yahoo, not one message.
    id: 'yahoo-ts01',
    provider: 'yahoo',
    match: { phrases: ['[ts01]'] },
    trigger: 'immediately',
    action: { pause: true },
    holdMs: 4 * hour,
    example: '421 4.7.0 [TS01] Messages from 192.0.2.25 temporarily deferred due to user complaints',
    source: 'https://au.help.yahoo.com/kb/SLN3434.html',
  },
  {
    // KumoMTA's default automation: 1 message per minute, one connection, for 90 minutes.
    id: 'microsoft-ip-reputation',
    provider: 'microsoft',
    match: { phrases: ['temporarily rate limited due to ip reputation'] },
    trigger: 'immediately',
    action: { maxRate: 1 / 60, maxConcurrency: 1 },
    holdMs: 90 * minute,
    example:
      '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)',
    source: 'KumoCorp/kumomta assets/policy-extras/shaping.toml ("default" automation)',
  },
  {
    // Provided to KumoMTA by Comcast: RL0000 twice in an hour → 10,000 messages an hour for 2 hours.
    id: 'comcast-rl0000',
    provider: 'comcast',
    match: { phrases: ['rl0000'] },
    trigger: { count: 2, windowMs: hour },
    action: { maxRate: 10_000 / 3600 },
    holdMs: 2 * hour,
    source: 'KumoCorp/kumomta assets/policy-extras/shaping.toml ("comcast.net" automation)',
  },
];

/** A rule, validated, with what the matcher needs ready. */
export interface CompiledShapingRule extends ShapingRule {
  /** 1 for `immediately`. */
  readonly count: number;
  /** 0 for `immediately`. */
  readonly windowMs: number;
}

function invalid(field: string, message: string): never {
  throw new MailverdictError('invalid-rule', `shaping rule ${field} ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      invalid(`${field}.${key}`, `is not a known field (known: ${allowed.join(', ')})`);
  }
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    invalid(field, `must be a finite number > 0, got ${typeof value === 'number' ? value : typeof value}`);
  }
  return value;
}

const enhancedPattern = /^[245]\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * Validates rules and groups them by provider, in the given order. Throws a `MailverdictError`
 * (code `invalid-rule`) naming the rule and field: a rule for an unknown provider, a duplicate id,
 * a phrase that is not lowercase (it could never match), a missing condition or action, a trigger
 * without an explicit window, a non-positive hold time.
 */
export function compileShapingRules(
  rules: readonly ShapingRule[],
): ReadonlyMap<string, readonly CompiledShapingRule[]> {
  if (!Array.isArray(rules)) throw new TypeError('shapingRules must be an array of rules');
  const byProvider = new Map<string, CompiledShapingRule[]>();
  const ids = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule)) invalid(`#${index}`, 'must be an object');
    const id = rule.id;
    if (typeof id !== 'string' || id.length === 0) invalid(`#${index}.id`, 'must be a non-empty string');
    const name = `"${id}"`;
    if (ids.has(id)) invalid(name, 'is defined twice');
    ids.add(id);
    onlyKeys(rule, ['id', 'provider', 'match', 'trigger', 'action', 'holdMs', 'example', 'source'], name);
    const provider = rule.provider;
    if (typeof provider !== 'string' || !isMailboxProvider(provider)) {
      invalid(
        `${name}.provider`,
        `names an unknown provider ${JSON.stringify(provider)}; it would never fire`,
      );
    }
    if (typeof rule.source !== 'string' || rule.source.length === 0)
      invalid(`${name}.source`, 'must say where the rule comes from');
    const match = rule.match;
    if (!isRecord(match)) invalid(`${name}.match`, 'must be an object');
    onlyKeys(match, ['phrases', 'code', 'enhanced', 'category'], `${name}.match`);
    if (Object.keys(match).length === 0) invalid(`${name}.match`, 'needs at least one condition');
    if ('phrases' in match) {
      const phrases = match.phrases;
      if (!Array.isArray(phrases) || phrases.length === 0)
        invalid(`${name}.match.phrases`, 'must be a non-empty array');
      for (const phrase of phrases) {
        if (typeof phrase !== 'string' || phrase.trim().length === 0 || phrase !== phrase.toLowerCase()) {
          invalid(
            `${name}.match.phrases`,
            `must hold non-empty lowercase strings, got ${JSON.stringify(phrase)}`,
          );
        }
      }
    }
    if (
      'code' in match &&
      (typeof match.code !== 'number' ||
        !Number.isInteger(match.code) ||
        match.code < 200 ||
        match.code > 599)
    ) {
      invalid(`${name}.match.code`, 'must be a reply code from 200 to 599');
    }
    if (
      'enhanced' in match &&
      (typeof match.enhanced !== 'string' || !enhancedPattern.test(match.enhanced))
    ) {
      invalid(`${name}.match.enhanced`, 'must be an enhanced status code such as 4.7.0');
    }
    if ('category' in match && !isCategory(match.category))
      invalid(`${name}.match.category`, 'is not a category');
    let count = 1;
    let windowMs = 0;
    if (rule.trigger !== 'immediately') {
      const trigger = rule.trigger;
      if (!isRecord(trigger)) invalid(`${name}.trigger`, "must be 'immediately' or { count, windowMs }");
      onlyKeys(trigger, ['count', 'windowMs'], `${name}.trigger`);
      if (
        typeof trigger.count !== 'number' ||
        !Number.isInteger(trigger.count) ||
        trigger.count < 1 ||
        trigger.count > 1000
      ) {
        invalid(`${name}.trigger.count`, 'must be an integer from 1 to 1000');
      }
      count = trigger.count;
      windowMs = positive(trigger.windowMs, `${name}.trigger.windowMs`);
    }
    const action = rule.action;
    if (!isRecord(action)) invalid(`${name}.action`, 'must be an object');
    onlyKeys(action, ['pause', 'maxRate', 'maxConcurrency'], `${name}.action`);
    if (action.pause !== undefined && action.pause !== true)
      invalid(`${name}.action.pause`, 'must be true when given');
    if (action.maxRate !== undefined) positive(action.maxRate, `${name}.action.maxRate`);
    if (
      action.maxConcurrency !== undefined &&
      (typeof action.maxConcurrency !== 'number' ||
        !Number.isInteger(action.maxConcurrency) ||
        action.maxConcurrency < 1)
    ) {
      invalid(`${name}.action.maxConcurrency`, 'must be an integer ≥ 1');
    }
    if (action.pause === undefined && action.maxRate === undefined && action.maxConcurrency === undefined) {
      invalid(`${name}.action`, 'needs pause, maxRate or maxConcurrency');
    }
    positive(rule.holdMs, `${name}.holdMs`);
    const compiled = Object.freeze({ ...(rule as unknown as ShapingRule), count, windowMs });
    const list = byProvider.get(provider);
    if (list === undefined) byProvider.set(provider, [compiled]);
    else list.push(compiled);
  });
  return byProvider;
}

/** The string phrases are searched in: `"<code> <enhanced code> <text>"`, lowercase. */
export function shapingText(verdict: Verdict): string {
  const reply = verdict.reply;
  if (reply === undefined) return '';
  return `${reply.code ?? ''} ${reply.enhanced?.code ?? ''} ${reply.text}`.toLowerCase();
}

/** Whether a rule's conditions all hold for a verdict; `text` is `shapingText(verdict)`. */
export function shapingRuleMatches(rule: ShapingRule, verdict: Verdict, text: string): boolean {
  const match = rule.match;
  if (match.category !== undefined && match.category !== verdict.category) return false;
  if (match.code !== undefined && match.code !== verdict.reply?.code) return false;
  if (match.enhanced !== undefined && match.enhanced !== verdict.reply?.enhanced?.code) return false;
  if (match.phrases !== undefined) {
    let found = false;
    for (const phrase of match.phrases) {
      if (text.includes(phrase)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
