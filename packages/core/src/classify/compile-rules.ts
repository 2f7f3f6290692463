// Turns the rule layers into one index, once: every phrase of every rule goes into ONE phrase
// matcher (a single pass over the text finds them all), code-only rules go into maps keyed by
// enhanced code, basic code and class. Classifying a reply then touches only the rules whose
// phrase or code occurs in it, in precedence order — never a loop over all rules.

import { isSmtpCommand, type SmtpCommand } from '../reply/smtp-command';
import { type LayerName, layerConfidence, type Rule } from '../rules/rule';
import { blocklistIds } from '../verdict/blocklists';
import { MailverdictError } from '../verdict/errors';
import { isMailboxProvider } from '../verdict/mailbox-provider';
import { type Category, type CategoryDefaults, categoryDefaults, isCategory } from '../verdict/taxonomy';
import type { Permanence, RetryAdvice, Scope } from '../verdict/verdict';
import { normalizePhrase, PhraseMatcher } from './phrase-matcher';

/** `5.7.1`, `X.7.1`, `X.7.*`, `4.7.*` parsed: `undefined` class or detail = any. */
interface CodePattern {
  readonly class: number | undefined;
  readonly subject: number;
  readonly detail: number | undefined;
}

/**
 * A rule as the engine reads it. The fields the classifier reads per reply are copied here from
 * the rule (whose object shapes all differ), so every read on the hot path sees one object shape.
 */
export interface CompiledRule {
  readonly rule: Rule;
  readonly id: string;
  readonly category: Category;
  readonly defaults: CategoryDefaults;
  /** The rule's summary, else the category's (left undefined for `unknown`: it depends on the class). */
  readonly summary: string | undefined;
  readonly permanence: Permanence | undefined;
  readonly scope: Scope | undefined;
  readonly provider: string | undefined;
  readonly providerOnly: boolean;
  readonly blocklist: string | undefined;
  readonly suppressRecipient: boolean | undefined;
  readonly layer: LayerName;
  /** Position in the one precedence order: lower wins. */
  readonly order: number;
  readonly confidence: number;
  readonly also: readonly number[] | undefined;
  readonly unless: readonly number[] | undefined;
  readonly enhanced: readonly CodePattern[] | undefined;
  readonly notEnhanced: readonly CodePattern[] | undefined;
  readonly codes: readonly number[] | undefined;
  readonly classes: readonly number[] | undefined;
  readonly commands: readonly SmtpCommand[] | undefined;
  /** The rule's retry overrides (`afterMs`, `changeRequired`), built once; undefined when it has none. */
  readonly retry: Partial<RetryAdvice> | undefined;
  /** The category is a failure (not delivered / auto-reply / complaint): never applies to a 2xx reply. */
  readonly failure: boolean;
}

export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  readonly matcher: PhraseMatcher;
  /** phrase index → orders of the rules it makes candidates (empty for none: a dense array, read per found phrase) */
  readonly triggers: readonly (readonly number[])[];
  /** phrase index → provider it signals (index into `signatureProviders`, -1 for none), for provider recognition */
  readonly signatures: Int32Array;
  readonly signatureProviders: readonly string[];
  /** phrase index → what it says of the reply's subject: 1 a mailbox or address, 2 the sender, 0 neither (rules/recipient-words.ts) */
  readonly subjects: Int8Array;
  /** code-only rules by exact enhanced code (`codeKey`) and by class + subject (for `5.7.*`) */
  readonly byEnhanced: ReadonlyMap<number, readonly number[]>;
  readonly bySubject: ReadonlyMap<number, readonly number[]>;
  readonly byCode: ReadonlyMap<number, readonly number[]>;
  readonly byClass: readonly (readonly number[])[];
}

const permanences = new Set(['success', 'transient', 'permanent']);
const scopes = new Set(['recipient', 'message', 'sender', 'destination', 'provider', 'none']);

function invalid(rule: unknown, message: string): never {
  const id =
    typeof rule === 'object' && rule !== null && typeof (rule as Rule).id === 'string'
      ? (rule as Rule).id
      : '?';
  throw new MailverdictError('invalid-rule', `rule "${id}": ${message}`);
}

export function parseCodePattern(pattern: string): CodePattern | undefined {
  const parts = pattern.split('.');
  if (parts.length !== 3) return undefined;
  const [first, second, third] = parts as [string, string, string];
  const digits = (text: string) => /^(0|[1-9]\d{0,2})$/.test(text);
  if (!(first === 'X' || first === '2' || first === '4' || first === '5')) return undefined;
  if (!digits(second)) return undefined;
  if (!(third === '*' || digits(third))) return undefined;
  return {
    class: first === 'X' ? undefined : Number(first),
    subject: Number(second),
    detail: third === '*' ? undefined : Number(third),
  };
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim().length > 0);
}

/**
 * Throws `MailverdictError` (`invalid-rule`) naming the rule and what is wrong with it. `documented`
 * requires `example` and `source` (custom rules; the built-in ones are checked by their tests).
 */
export function validateRule(rule: Rule, documented = true): void {
  if (typeof rule !== 'object' || rule === null) invalid(rule, 'a rule must be an object');
  if (typeof rule.id !== 'string' || rule.id.length === 0) invalid(rule, '`id` must be a non-empty string');
  if (!isCategory(rule.category)) invalid(rule, `unknown category ${JSON.stringify(rule.category)}`);
  if (documented && typeof rule.example !== 'string')
    invalid(rule, '`example` must be a reply this rule decides');
  if (documented && (typeof rule.source !== 'string' || rule.source.length === 0)) {
    invalid(rule, '`source` must say where the wording comes from');
  }
  for (const key of ['phrases', 'also', 'unless'] as const) {
    if (rule[key] !== undefined && !isStringList(rule[key]))
      invalid(rule, `\`${key}\` must be a list of non-empty strings`);
  }
  for (const key of ['enhanced', 'notEnhanced'] as const) {
    const list = rule[key];
    if (list === undefined) continue;
    if (!isStringList(list)) invalid(rule, `\`${key}\` must be a list of enhanced codes`);
    for (const code of list) {
      if (parseCodePattern(code) === undefined)
        invalid(rule, `\`${key}\`: ${JSON.stringify(code)} is not like 5.7.1, X.7.1 or X.7.*`);
    }
  }
  if (rule.codes !== undefined) {
    if (
      !Array.isArray(rule.codes) ||
      !rule.codes.every((code) => Number.isInteger(code) && code >= 200 && code <= 599)
    ) {
      invalid(rule, '`codes` must be basic reply codes from 200 to 599');
    }
  }
  if (rule.classes !== undefined) {
    if (
      !Array.isArray(rule.classes) ||
      !rule.classes.every((digit) => digit === 2 || digit === 3 || digit === 4 || digit === 5)
    ) {
      invalid(rule, '`classes` must be reply classes 2, 3, 4 or 5');
    }
  }
  if (rule.commands !== undefined) {
    if (!Array.isArray(rule.commands) || !rule.commands.every(isSmtpCommand))
      invalid(rule, '`commands` holds an unknown SMTP command');
  }
  if (rule.provider !== undefined && !isMailboxProvider(rule.provider)) {
    invalid(rule, `unknown provider ${JSON.stringify(rule.provider)} (see mailboxProviders)`);
  }
  if (rule.providerOnly === true && rule.provider === undefined)
    invalid(rule, '`providerOnly` needs a `provider`');
  if (rule.blocklist !== undefined && !blocklistIds.has(rule.blocklist)) {
    invalid(rule, `unknown block list ${JSON.stringify(rule.blocklist)} (see blocklists)`);
  }
  // Rules have no regular expressions: no check tells every backtracking pattern (`/^(\w+\s?)+$/`,
  // `/^(a|aa)+$/`) from a safe one, and phrases, codes and conditions cover what rules need.
  if ('pattern' in rule) {
    invalid(
      rule,
      '`pattern` is not supported (a regular expression can take exponential time on a hostile reply): use `phrases`, `also`, `unless` and code conditions',
    );
  }
  if (rule.permanence !== undefined && !permanences.has(rule.permanence))
    invalid(rule, `unknown permanence ${JSON.stringify(rule.permanence)}`);
  if (rule.scope !== undefined && !scopes.has(rule.scope))
    invalid(rule, `unknown scope ${JSON.stringify(rule.scope)}`);
  if (
    rule.afterMs !== undefined &&
    !(typeof rule.afterMs === 'number' && rule.afterMs >= 0 && Number.isFinite(rule.afterMs))
  ) {
    invalid(rule, '`afterMs` must be a finite number of milliseconds ≥ 0');
  }
  if (
    rule.confidence !== undefined &&
    !(typeof rule.confidence === 'number' && rule.confidence >= 0 && rule.confidence <= 1)
  ) {
    invalid(rule, '`confidence` must be a number from 0 to 1');
  }
  const found =
    (rule.phrases?.length ?? 0) > 0 ||
    (rule.enhanced?.length ?? 0) > 0 ||
    (rule.codes?.length ?? 0) > 0 ||
    (rule.classes?.length ?? 0) > 0;
  if (!found) invalid(rule, 'needs `phrases`, `enhanced`, `codes` or `classes` to be found by');
}

function retryOverrides(rule: Rule): Partial<RetryAdvice> | undefined {
  const { afterMs, changeRequired } = rule;
  if (afterMs === undefined && changeRequired === undefined) return undefined;
  if (afterMs === undefined) return { changeRequired };
  return changeRequired === undefined ? { afterMs } : { afterMs, changeRequired };
}

function push<K>(map: Map<K, number[]>, key: K, order: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [order]);
  else if (list[list.length - 1] !== order) list.push(order);
}

/** Bits of `CompiledRules.subjects`. */
export const subjectMailbox = 1;
export const subjectSender = 2;

/** The trigger list of a phrase that makes no rule a candidate. */
const noRules: readonly number[] = [];

export function compileRules(
  layers: readonly { readonly name: LayerName; readonly rules: readonly Rule[] }[],
  signatures: readonly { readonly provider: string; readonly phrases: readonly string[] }[],
  words: { readonly mailbox: readonly string[]; readonly sender: readonly string[] },
): CompiledRules {
  const phraseIndex = new Map<string, number>();
  const phrases: string[] = [];
  const phraseId = (phrase: string): number => {
    const normalized = normalizePhrase(phrase);
    let id = phraseIndex.get(normalized);
    if (id === undefined) {
      id = phrases.length;
      phraseIndex.set(normalized, id);
      phrases.push(normalized);
    }
    return id;
  };
  const triggers: (number[] | undefined)[] = [];
  const rules: CompiledRule[] = [];
  const byEnhanced = new Map<number, number[]>();
  const bySubject = new Map<number, number[]>();
  const byCode = new Map<number, number[]>();
  const byClass: number[][] = [[], [], [], [], [], []];
  const ids = new Set<string>();

  // Rules arrive valid: custom ones are checked by createClassifier (validateRule), the built-in ones by
  // their tests, so an application that only classifies does not download the checks.
  for (const layer of layers) {
    for (const rule of layer.rules) {
      if (ids.has(rule.id)) invalid(rule, 'duplicate id');
      ids.add(rule.id);
      const order = rules.length;
      const enhanced = rule.enhanced?.map((code) => parseCodePattern(code) as CodePattern);
      rules.push({
        rule,
        id: rule.id,
        category: rule.category,
        defaults: categoryDefaults[rule.category],
        summary:
          rule.summary ?? (rule.category === 'unknown' ? undefined : categoryDefaults[rule.category].summary),
        permanence: rule.permanence,
        scope: rule.scope,
        provider: rule.provider,
        providerOnly: rule.providerOnly === true,
        blocklist: rule.blocklist,
        suppressRecipient: rule.suppressRecipient,
        layer: layer.name,
        order,
        confidence: rule.confidence ?? layerConfidence[layer.name],
        also: rule.also?.map(phraseId),
        unless: rule.unless?.map(phraseId),
        enhanced,
        notEnhanced: rule.notEnhanced?.map((code) => parseCodePattern(code) as CodePattern),
        codes: rule.codes,
        classes: rule.classes,
        commands: rule.commands,
        retry: retryOverrides(rule),
        failure: categoryDefaults[rule.category].permanence !== 'success',
      });
      // How the rule is found: its phrases, else its codes.
      if (rule.phrases !== undefined && rule.phrases.length > 0) {
        for (const phrase of rule.phrases) {
          const id = phraseId(phrase);
          const list = triggers[id] ?? [];
          if (list[list.length - 1] !== order) list.push(order);
          triggers[id] = list;
        }
      } else if (enhanced !== undefined && enhanced.length > 0) {
        for (const code of enhanced) {
          for (const digit of code.class === undefined ? [2, 4, 5] : [code.class]) {
            if (code.detail === undefined) push(bySubject, codeKey(digit, code.subject, 0), order);
            else push(byEnhanced, codeKey(digit, code.subject, code.detail), order);
          }
        }
      } else if (rule.codes !== undefined && rule.codes.length > 0) {
        for (const code of rule.codes) push(byCode, code, order);
      } else if (rule.classes !== undefined) {
        for (const digit of rule.classes) byClass[digit]!.push(order);
      }
    }
  }

  const signatureProviders: string[] = [];
  const signatureOf: (number | undefined)[] = [];
  for (const signature of signatures) {
    const index = signatureProviders.length;
    signatureProviders.push(signature.provider);
    for (const phrase of signature.phrases) {
      const id = phraseId(phrase);
      if (signatureOf[id] === undefined) signatureOf[id] = index;
    }
  }
  const mailboxIds = words.mailbox.map(phraseId);
  const senderIds = words.sender.map(phraseId);
  // Dense, one entry per phrase: sparse arrays would be hash tables in V8, read once per found phrase.
  const subjects = new Int8Array(phrases.length);
  for (const id of mailboxIds) subjects[id] = subjects[id]! | subjectMailbox;
  for (const id of senderIds) subjects[id] = subjects[id]! | subjectSender;
  const signatureIndex = new Int32Array(phrases.length).fill(-1);
  signatureOf.forEach((index, phrase) => {
    if (index !== undefined) signatureIndex[phrase] = index;
  });
  return {
    rules,
    matcher: new PhraseMatcher(phrases),
    triggers: Array.from(phrases, (_, phrase) => triggers[phrase] ?? noRules),
    signatures: signatureIndex,
    signatureProviders,
    subjects,
    byEnhanced,
    bySubject,
    byCode,
    byClass,
  };
}

/** One number for an enhanced code: class, subject and detail are each at most three digits. */
export function codeKey(digit: number, subject: number, detail: number): number {
  return digit * 1_000_000 + subject * 1000 + detail;
}

/** Whether an enhanced code (`class`, `subject`, `detail`) matches one of the patterns. */
export function matchesCode(
  patterns: readonly CodePattern[],
  digit: number,
  subject: number,
  detail: number,
): boolean {
  for (const pattern of patterns) {
    if (
      (pattern.class === undefined || pattern.class === digit) &&
      pattern.subject === subject &&
      (pattern.detail === undefined || pattern.detail === detail)
    ) {
      return true;
    }
  }
  return false;
}
