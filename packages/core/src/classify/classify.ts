// The verdict engine: parse once, find the candidate rules in one pass over the text plus index
// look-ups by code, take the first whose conditions hold in the one declared precedence
// (custom → provider text → generic text → enhanced code → basic code → class; rules/index.ts).

import { parseReply } from '../reply/parse-reply';
import type { SmtpCommand } from '../reply/smtp-command';
import { isSmtpCommand } from '../reply/smtp-command';
import type { SmtpReply } from '../reply/smtp-reply';
import { builtInLayers, providerSignatures, recipientWords } from '../rules/index';
import type { LayerName, Rule } from '../rules/rule';
import { buildVerdict, defaultPermanence, type VerdictOptions } from '../verdict/create-verdict';
import { MailverdictError } from '../verdict/errors';
import { recognizeProvider } from '../verdict/mailbox-provider';
import type { Category } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import {
  type CompiledRule,
  type CompiledRules,
  codeKey,
  compileRules,
  matchesCode,
  subjectMailbox,
  validateRule,
} from './compile-rules';

export interface ClassifyContext {
  /** The SMTP command the reply answered, when the caller knows it (overrides the reply's own). */
  readonly command?: SmtpCommand;
  /** Recipient domain, address or MX host: names the mailbox provider when the text does not. */
  readonly destination?: string;
}

export interface ClassifierOptions {
  /** The application's own rules: same shape as the built-in ones, checked before all of them. */
  readonly rules?: readonly Rule[];
}

export interface Classifier {
  classify(input: string | SmtpReply, context?: ClassifyContext): Verdict;
  /** Every rule in precedence order, custom ones first. */
  readonly rules: readonly Rule[];
}

/** What deciding one reply produced, before nested replies are weighed. */
interface Decision {
  readonly rule: CompiledRule | undefined;
  readonly provider: string | undefined;
  /** Confidence lowered when a code rule was reached through the X.<subject>.0 fallback. */
  readonly fallback: boolean;
  /** The text has a word about a mailbox or address and none about the sender (docs/taxonomy.md#decision-15). */
  readonly aboutMailbox: boolean;
}

/** The reply class: first digit of the basic code, else the enhanced code's class. */
function digitOf(reply: SmtpReply): number | undefined {
  const code = reply.code;
  return code !== undefined && code >= 100 && code < 1000 ? Math.floor(code / 100) : reply.enhanced?.class;
}

function isReply(value: unknown): value is SmtpReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SmtpReply).text === 'string' &&
    typeof (value as SmtpReply).raw === 'string' &&
    Array.isArray((value as SmtpReply).lines)
  );
}

class Engine {
  private readonly compiled: CompiledRules;
  private readonly found: Int32Array;
  private readonly candidates: Int32Array;
  private readonly seen: Int32Array;
  /** `stamp` for rules added through the X.<subject>.0 fallback of an undefined enhanced code */
  private readonly fallback: Int32Array;
  private stamp = 0;
  readonly rulesInOrder: readonly Rule[];

  constructor(compiled: CompiledRules) {
    this.compiled = compiled;
    this.found = new Int32Array(compiled.matcher.phrases.length);
    this.candidates = new Int32Array(compiled.rules.length);
    this.seen = new Int32Array(compiled.rules.length);
    this.fallback = new Int32Array(compiled.rules.length);
    this.rulesInOrder = compiled.rules.map((candidate) => candidate.rule);
  }

  /** The deciding rule, if any, with the provider recognized and whether the code fallback decided. */
  decide(reply: SmtpReply, command: SmtpCommand | undefined, destination: string | undefined): Decision {
    const compiled = this.compiled;
    const { triggers, signatures, signatureProviders, subjects, rules } = compiled;
    const found = this.found;
    const count = compiled.matcher.scan(reply.text, found);
    this.stamp++;
    let size = 0;
    let signature = signatureProviders.length;
    let subject = 0;
    // Plain index loops: this runs once per reply, so no iterators or closures here.
    for (let i = 0; i < count; i++) {
      const phrase = found[i]!;
      const list = triggers[phrase]!;
      for (let k = 0; k < list.length; k++) size = this.add(list[k]!, size);
      const provider = signatures[phrase]!;
      if (provider >= 0 && provider < signature) signature = provider;
      subject |= subjects[phrase]!;
    }
    const aboutMailbox = subject === subjectMailbox;
    const enhanced = reply.enhanced;
    let viaFallback = false;
    if (enhanced !== undefined) {
      const { byEnhanced, bySubject } = compiled;
      const exact = byEnhanced.get(codeKey(enhanced.class, enhanced.subject, enhanced.detail));
      if (exact !== undefined) for (let k = 0; k < exact.length; k++) size = this.add(exact[k]!, size);
      const subject = bySubject.get(codeKey(enhanced.class, enhanced.subject, 0));
      if (subject !== undefined) for (let k = 0; k < subject.length; k++) size = this.add(subject[k]!, size);
      if (exact === undefined && enhanced.detail !== 0) {
        // A code the registry does not define (5.7.999, Microsoft's 5.1.351): its subject's X.<s>.0 meaning.
        const general = byEnhanced.get(codeKey(enhanced.class, enhanced.subject, 0));
        if (general !== undefined) {
          for (let k = 0; k < general.length; k++) {
            const order = general[k]!;
            if (this.seen[order] !== this.stamp) {
              this.fallback[order] = this.stamp;
              viaFallback = true;
            }
            size = this.add(order, size);
          }
        }
      }
    }
    const code = reply.code;
    if (code !== undefined) {
      const byCode = compiled.byCode.get(code);
      if (byCode !== undefined) for (let k = 0; k < byCode.length; k++) size = this.add(byCode[k]!, size);
    }
    const digit = digitOf(reply);
    const byClass = digit === undefined ? undefined : compiled.byClass[digit];
    if (byClass !== undefined) for (let k = 0; k < byClass.length; k++) size = this.add(byClass[k]!, size);

    const candidates = this.candidates;
    // Few candidates (rarely more than 10): an insertion sort beats allocating.
    for (let i = 1; i < size; i++) {
      const value = candidates[i]!;
      let j = i - 1;
      while (j >= 0 && candidates[j]! > value) {
        candidates[j + 1] = candidates[j]!;
        j--;
      }
      candidates[j + 1] = value;
    }
    let recognized = signature < signatureProviders.length ? signatureProviders[signature] : undefined;
    if (recognized === undefined && destination !== undefined) recognized = recognizeProvider(destination);
    for (let i = 0; i < size; i++) {
      const candidate = rules[candidates[i]!]!;
      const fallback = viaFallback && this.fallback[candidate.order] === this.stamp;
      if (this.holds(candidate, reply, digit, command, recognized, fallback)) {
        return { rule: candidate, provider: candidate.provider ?? recognized, fallback, aboutMailbox };
      }
    }
    return { rule: undefined, provider: recognized, fallback: false, aboutMailbox };
  }

  private add(order: number, size: number): number {
    if (this.seen[order] === this.stamp) return size;
    this.seen[order] = this.stamp;
    this.candidates[size] = order;
    return size + 1;
  }

  /** Whether any of the phrases (indexes into the matcher) was found by the latest scan. */
  private anyFound(phrases: readonly number[]): boolean {
    const matcher = this.compiled.matcher;
    for (let i = 0; i < phrases.length; i++) if (matcher.has(phrases[i]!)) return true;
    return false;
  }

  private holds(
    candidate: CompiledRule,
    reply: SmtpReply,
    digit: number | undefined,
    command: SmtpCommand | undefined,
    provider: string | undefined,
    fallback: boolean,
  ): boolean {
    // A 2xx reply is a success whatever its text says ("250 2.0.0 OK, no spam found").
    if (candidate.failure && digit === 2) return false;
    if (
      candidate.codes !== undefined &&
      (reply.code === undefined || candidate.codes.indexOf(reply.code) < 0)
    ) {
      return false;
    }
    if (candidate.classes !== undefined) {
      if (digit === undefined || candidate.classes.indexOf(digit) < 0) return false;
    }
    const enhanced = reply.enhanced;
    if (candidate.enhanced !== undefined && !fallback) {
      if (enhanced === undefined) return false;
      if (!matchesCode(candidate.enhanced, enhanced.class, enhanced.subject, enhanced.detail)) return false;
    }
    if (candidate.notEnhanced !== undefined && enhanced !== undefined) {
      if (matchesCode(candidate.notEnhanced, enhanced.class, enhanced.subject, enhanced.detail)) return false;
    }
    if (
      candidate.commands !== undefined &&
      (command === undefined || candidate.commands.indexOf(command) < 0)
    ) {
      return false;
    }
    if (candidate.providerOnly && provider !== candidate.provider) return false;
    if (candidate.also !== undefined && !this.anyFound(candidate.also)) return false;
    if (candidate.unless !== undefined && this.anyFound(candidate.unless)) return false;
    return true;
  }
}

interface Judgement {
  readonly decision: Decision;
  /** The reply whose class and enhanced code the verdict takes: the innermost informative one. */
  readonly judged: SmtpReply;
  /** The command the judged reply answered, when known. */
  readonly command: SmtpCommand | undefined;
  readonly cause?: Category;
}

/**
 * docs/taxonomy.md#decision-7: a nested reply (`… -> 550 5.1.1 …`) is judged by the innermost reply that
 * says something — except that an outer "expired" is the outcome itself, and the inner reply is its
 * last underlying cause (docs/taxonomy.md#decision-10).
 */
function judge(
  engine: Engine,
  reply: SmtpReply,
  command: SmtpCommand | undefined,
  destination: string | undefined,
): Judgement {
  const outer = engine.decide(reply, command, destination);
  const inner = reply.inner;
  if (inner === undefined) return { decision: outer, judged: reply, command };
  const nested = judge(engine, inner, inner.command ?? command, destination);
  if (outer.rule?.category === 'expired') {
    return isInformative(nested.decision)
      ? { decision: outer, judged: reply, command, cause: nested.decision.rule!.category }
      : { decision: outer, judged: reply, command };
  }
  if (!isInformative(nested.decision)) return { decision: outer, judged: reply, command };
  const decision = nested.decision;
  const provider = decision.provider ?? outer.provider;
  const judged = { ...decision, provider };
  return nested.cause === undefined
    ? { decision: judged, judged: nested.judged, command: nested.command }
    : { decision: judged, judged: nested.judged, command: nested.command, cause: nested.cause };
}

function toVerdict(
  { rule: candidate, provider, fallback, aboutMailbox }: Decision,
  reply: SmtpReply,
  judged: SmtpReply,
  command: SmtpCommand | undefined,
  cause: Category | undefined,
): Verdict {
  if (candidate === undefined) {
    // Only reachable for replies with no code at all: no class rule applies.
    return buildVerdict('unknown', 'permanent', 'destination', {
      reply,
      ...(provider === undefined ? {} : { provider }),
      rule: 'none',
      confidence: 0,
      summary:
        reply.text.length === 0
          ? 'The reply is empty: nothing to classify.'
          : 'No rule recognized this reply and it carries no reply code; treated as permanent.',
    });
  }
  // Everything read here was copied onto the compiled rule (one object shape, no keyed look-ups).
  const { category, defaults } = candidate;
  const permanence = candidate.permanence ?? defaultPermanence(defaults, judged);
  const scope = candidate.scope ?? defaults.scope;
  let summary = candidate.summary;
  if (summary === undefined && category === 'unknown') {
    const digit = permanence === 'transient' ? '4xx' : '5xx';
    summary = `No rule recognized this reply; its permanence comes from the reply class (${digit}) alone.`;
  }
  // Every key present (undefined when absent): one object shape for every reply, and the rule's
  // retry overrides were put together once, when the rules were compiled.
  const options: VerdictOptions = {
    reply,
    rule: candidate.id,
    confidence: fallback ? candidate.confidence * 0.8 : candidate.confidence,
    summary,
    status: judged.enhanced?.code,
    provider,
    blocklist: candidate.blocklist,
    suppressRecipient: codeAloneOffStage(candidate, aboutMailbox, command)
      ? false
      : candidate.suppressRecipient,
    retry: candidate.retry,
    cause,
  };
  return buildVerdict(category, permanence, scope, options, defaults);
}

/**
 * Issue 14: a recipient code (5.1.1, 5.2.1 …) decided alone is recipient evidence only at the
 * recipient stage. Answering anything else, or with the stage unknown, it needs words about a
 * mailbox and none about the sender (rules/recipient-words.ts): "5.2.1 Subject is Mandatory" or
 * "5.1.1 <bounces@…>: unauthorized sender" misuse the code, and suppressing a customer on them is the
 * costliest mistake (docs/taxonomy.md#decision-15).
 */
function codeAloneOffStage(
  candidate: CompiledRule,
  aboutMailbox: boolean,
  command: SmtpCommand | undefined,
): boolean {
  return candidate.layer === 'enhanced-code' && command !== 'RCPT' && !aboutMailbox;
}

/** A rule that decided from the text or a code (not the bare class): the reply said something. */
function isInformative(decision: Decision): boolean {
  const candidate = decision.rule;
  return candidate !== undefined && candidate.layer !== 'class' && candidate.category !== 'unknown';
}

const noContext: ClassifyContext = Object.freeze({});

function checkContext(context: unknown): ClassifyContext {
  if (context === undefined) return noContext;
  if (typeof context !== 'object' || context === null) {
    throw new TypeError('classify: `context` must be an object ({ command?, destination? })');
  }
  const { command, destination } = context as ClassifyContext;
  if (command !== undefined && !isSmtpCommand(command)) {
    throw new TypeError(
      `classify: \`context.command\` must be an SMTP command (CONNECT, EHLO, …), got ${String(command)}`,
    );
  }
  if (destination !== undefined && typeof destination !== 'string') {
    throw new TypeError('classify: `context.destination` must be a string');
  }
  return context as ClassifyContext;
}

/** A classifier over the given layers, compiled on first use. The layers' rules are valid. */
function classifierOver(
  layers: readonly { readonly name: LayerName; readonly rules: readonly Rule[] }[],
): Classifier {
  let engine: Engine | undefined;
  const ready = (): Engine => {
    engine ??= new Engine(compileRules(layers, providerSignatures, recipientWords));
    return engine;
  };

  function classify(input: string | SmtpReply, context?: ClassifyContext): Verdict {
    const text = typeof input === 'string';
    if (!text && !isReply(input)) {
      throw new TypeError('classify: `input` must be a string or an SmtpReply (from parseReply)');
    }
    const { command, destination } = checkContext(context);
    const reply = text ? parseReply(input) : input;
    const {
      decision,
      judged,
      command: answered,
      cause,
    } = judge(ready(), reply, command ?? reply.command, destination);
    return toVerdict(decision, reply, judged, answered, cause);
  }

  return {
    classify,
    get rules() {
      return ready().rulesInOrder;
    },
  };
}

/**
 * A classifier with the application's own rules before the built-in ones. Each custom rule is
 * validated when added: an unknown category, provider or block list, a `pattern` (rules have no
 * regular expressions), or an example that does not classify to the rule itself throws `MailverdictError`.
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClassifier: `options` must be an object ({ rules? })');
  }
  const custom = options.rules ?? [];
  if (!Array.isArray(custom))
    throw new TypeError('createClassifier: `options.rules` must be an array of rules');
  if (custom.length === 0) return classifierOver(builtInLayers);
  for (const rule of custom) validateRule(rule);
  const classifier = classifierOver([{ name: 'custom', rules: custom }, ...builtInLayers]);
  // Compiles now (a duplicate id throws before anything runs); every custom rule must decide its
  // own example (catches a rule shadowed by an earlier one).
  for (const rule of custom) {
    const context = rule.commands?.[0] === undefined ? undefined : { command: rule.commands[0] };
    const verdict = classifier.classify(rule.example as string, context);
    if (verdict.rule !== rule.id) {
      throw new MailverdictError(
        'invalid-rule',
        `rule "${rule.id}": its example classifies to rule "${verdict.rule}", not to this rule`,
      );
    }
  }
  return classifier;
}

let builtIn: Classifier | undefined;

/**
 * Classify one SMTP reply (a string, parsed here, or an `SmtpReply` from `parseReply`) into a
 * verdict: what happened, whether it can succeed unchanged, whose problem it is, what to do.
 * Never throws on any string; throws `TypeError` on a non-string, non-reply `input`.
 */
export function classify(input: string | SmtpReply, context?: ClassifyContext): Verdict {
  builtIn ??= classifierOver(builtInLayers);
  return builtIn.classify(input, context);
}
