import type { DeliveryOutcome, RetryAdvice, SmtpReply, Verdict } from '@mailverdict/core';
import type { ProviderAdapter } from '@mailverdict/core/adapter';
import { describe, expect, it } from 'vitest';
import { type GarbageInput, garbageInputs } from './conformance/garbage';
import { outcomeProblems } from './conformance/outcome-problems';
import { deepFreeze, isPartOf } from './conformance/raw';
import { describeWebhookVerifier, type VerifierSuiteOptions } from './conformance/verifier-suite';

/** What a fixture expects of one outcome: any subset of its fields (nested objects are matched partially too). */
export type ExpectedOutcome = Partial<
  Omit<DeliveryOutcome, 'verdict' | 'reply' | 'providerDetail' | 'raw'>
> & {
  readonly verdict?: Partial<Omit<Verdict, 'retry' | 'reply'>> & { readonly retry?: Partial<RetryAdvice> };
  readonly reply?: Partial<SmtpReply>;
  readonly providerDetail?: Readonly<Record<string, unknown>>;
};

/** A real payload shape with the outcomes the adapter must produce for it. */
export interface AdapterFixture<Input = unknown> {
  readonly name: string;
  /** A function when the input must be fresh per test (e.g. a real `Error` built by the provider's client). */
  readonly input: Input | (() => Input);
  /** The outcomes, in order — the adapter must produce exactly this many; a single object means exactly one. */
  readonly expected: ExpectedOutcome | readonly ExpectedOutcome[];
  /** Where the shape comes from (provider doc, a section of the provider package's own document, recorded run). */
  readonly source?: string;
}

export interface DescribeAdapterOptions<Input = unknown> {
  /** Test-suite title, e.g. `fromPostmarkWebhook`. */
  readonly name: string;
  /** Every outcome's `provider` must be this (e.g. `postmark`, `smtp`). */
  readonly provider: string;
  /** The adapter under test. */
  readonly convert: (input: Input) => readonly DeliveryOutcome[];
  readonly fixtures: readonly AdapterFixture<Input>[];
  /**
   * Fixtures whose `input` is a function: set when the input itself is a function (rare), so it is not called.
   * Default false.
   */
  readonly inputIsFunction?: boolean;
  readonly garbage?: {
    /** More garbage for this adapter (values or named makers). */
    readonly extra?: readonly (GarbageInput | unknown)[];
    /** Built-in garbage to skip, by name, with the reason (it becomes the skipped test's title). */
    readonly skip?: Readonly<Record<string, string>>;
    /** Longest a garbage input may take (ms); default 1000. */
    readonly timeLimitMs?: number;
  };
}

/**
 * The whole adapter at once: every role (`fromError`, `fromResponse`, `fromWebhook`) runs its fixtures and the
 * garbage pool, and a package with signed webhooks passes `verifier` to run the shared verifier suite.
 */
export interface DescribeProviderAdapterOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any verifier options and send context
  readonly adapter: ProviderAdapter<any, any>;
  /** Real payload shapes per role; a role without fixtures still runs the garbage pool. */
  readonly fixtures?: {
    readonly error?: readonly AdapterFixture[];
    readonly response?: readonly AdapterFixture[];
    readonly webhook?: readonly AdapterFixture[];
  };
  readonly inputIsFunction?: boolean;
  readonly garbage?: DescribeAdapterOptions['garbage'];
  /** How to sign requests for the shared verifier suite (packages whose provider signs webhooks). */
  readonly verifier?: VerifierSuiteOptions;
}

const roles = [
  ['error', 'fromError'],
  ['response', 'fromResponse'],
  ['webhook', 'fromWebhook'],
] as const;

function describeProviderAdapter(options: DescribeProviderAdapterOptions): void {
  const { adapter } = options;
  if (typeof adapter !== 'object' || adapter === null) {
    throw new TypeError('describeAdapter: `adapter` must be a ProviderAdapter object');
  }
  describe(`${String(adapter.provider)} adapter`, () => {
    it('has the ProviderAdapter shape', () => {
      expect(adapter.provider, 'provider').toBeTypeOf('string');
      expect(adapter.provider).not.toBe('');
      for (const [, method] of roles) expect(adapter[method], method).toBeTypeOf('function');
      if (options.verifier !== undefined) {
        expect(adapter.createWebhookVerifier, 'createWebhookVerifier').toBeTypeOf('function');
      }
    });
  });
  for (const [role, method] of roles) {
    describeRole({
      name: `${adapter.provider} ${method}`,
      provider: adapter.provider,
      convert: (input: unknown) => adapter[method](input),
      fixtures: options.fixtures?.[role] ?? [],
      ...(options.inputIsFunction === undefined ? {} : { inputIsFunction: options.inputIsFunction }),
      ...(options.garbage === undefined ? {} : { garbage: options.garbage }),
      requireFixtures: false,
    });
  }
  if (options.verifier !== undefined) describeWebhookVerifier(adapter.provider, options.verifier);
}

function isGarbageInput(value: unknown): value is GarbageInput {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as GarbageInput).name === 'string' &&
    typeof (value as GarbageInput).make === 'function'
  );
}

function tryFreeze<T>(value: T): T {
  try {
    return deepFreeze(value);
  } catch {
    // Hostile inputs (throwing proxies) cannot be walked; the adapter gets them as they are.
    return value;
  }
}

function safePartOf(raw: unknown, input: unknown): boolean {
  try {
    return isPartOf(raw, input);
  } catch {
    return Object.is(raw, input);
  }
}

function checkOutcomes(outcomes: unknown, input: unknown, provider: string): void {
  expect(Array.isArray(outcomes), 'convert() must return an array').toBe(true);
  (outcomes as unknown[]).forEach((outcome, index) => {
    expect(outcomeProblems(outcome), `outcome ${index} breaks DeliveryOutcome invariants`).toEqual([]);
    const record = outcome as DeliveryOutcome;
    expect(record.provider, `outcome ${index}: provider`).toBe(provider);
    expect(
      safePartOf(record.raw, input),
      `outcome ${index}: raw must be the input or a part of it, untouched`,
    ).toBe(true);
  });
}

/**
 * The conformance suite every mailverdict adapter runs (vitest). Call it at the top level of a test file:
 *
 * ```ts
 * import { describeAdapter } from '@mailverdict/testkit/conformance';
 * describeAdapter({ name: 'fromPostmarkWebhook', provider: 'postmark', convert: fromPostmarkWebhook, fixtures });
 * ```
 *
 * For each fixture: the input is deep-frozen (so any mutation throws), `convert` must not throw, must return
 * exactly the expected number of outcomes, each matching its expectation partially, each satisfying the
 * `DeliveryOutcome` invariants, with `raw` being the input or a part of it.
 * For each garbage input: `convert` must not throw, must finish within the time limit, and must return `[]`
 * or well-formed outcomes whose verdict category is `unknown` (with the reason in the summary).
 */
export function describeAdapter<Input>(
  options: DescribeAdapterOptions<Input> | DescribeProviderAdapterOptions,
): void {
  if (options === null || typeof options !== 'object')
    throw new TypeError('describeAdapter: `options` must be an object');
  if ('adapter' in options) describeProviderAdapter(options);
  else describeRole({ ...options, requireFixtures: true });
}

function describeRole<Input>(options: DescribeAdapterOptions<Input> & { requireFixtures: boolean }): void {
  if (typeof options.convert !== 'function')
    throw new TypeError('describeAdapter: `convert` must be a function');
  if (typeof options.name !== 'string' || options.name === '')
    throw new TypeError('describeAdapter: `name` is required');
  if (typeof options.provider !== 'string' || options.provider === '') {
    throw new TypeError('describeAdapter: `provider` is required (the `provider` every outcome must carry)');
  }
  if (!Array.isArray(options.fixtures)) throw new TypeError('describeAdapter: `fixtures` must be an array');
  const names = new Set<string>();
  for (const fixture of options.fixtures) {
    if (names.has(fixture.name))
      throw new TypeError(`describeAdapter: two fixtures are named \`${fixture.name}\``);
    names.add(fixture.name);
  }
  const skip = options.garbage?.skip ?? {};
  for (const name of Object.keys(skip)) {
    if (!garbageInputs.some((input) => input.name === name)) {
      throw new TypeError(`describeAdapter: \`garbage.skip\` names unknown garbage \`${name}\``);
    }
  }
  const timeLimitMs = options.garbage?.timeLimitMs ?? 1000;
  const convert = options.convert as (input: unknown) => readonly DeliveryOutcome[];

  describe(`${options.name} conformance`, () => {
    // A role described without fixtures (an adapter's role that only runs the garbage pool) has no fixture block.
    if (options.fixtures.length > 0 || options.requireFixtures) {
      describe('fixtures', () => {
        if (options.fixtures.length === 0 && options.requireFixtures) {
          it('has fixtures', () => {
            expect.fail('describeAdapter needs at least one fixture with a real payload shape');
          });
        }
        for (const fixture of options.fixtures) {
          it(fixture.name, () => {
            const made =
              typeof fixture.input === 'function' && options.inputIsFunction !== true
                ? (fixture.input as () => Input)()
                : fixture.input;
            const input = tryFreeze(made);
            let outcomes: readonly DeliveryOutcome[] = [];
            expect(() => {
              outcomes = convert(input);
            }, 'convert() threw on a fixture (or tried to change its frozen input)').not.toThrow();
            checkOutcomes(outcomes, input, options.provider);
            const expected: readonly ExpectedOutcome[] = Array.isArray(fixture.expected)
              ? (fixture.expected as readonly ExpectedOutcome[])
              : [fixture.expected as ExpectedOutcome];
            expect(outcomes, `expected ${expected.length} outcome(s)`).toHaveLength(expected.length);
            expected.forEach((expectation, index) => {
              expect(outcomes[index], `outcome ${index}`).toMatchObject(expectation);
            });
          });
        }
      });
    }

    describe('garbage', () => {
      const extra = (options.garbage?.extra ?? []).map(
        (value, index): GarbageInput =>
          isGarbageInput(value) ? value : { name: `extra garbage #${index + 1}`, make: () => value },
      );
      for (const garbage of [...garbageInputs, ...extra]) {
        const reason = skip[garbage.name];
        if (reason !== undefined) {
          it.skip(`${garbage.name} (skipped: ${reason})`, () => {});
          continue;
        }
        it(`never throws on ${garbage.name}`, () => {
          const input = tryFreeze(garbage.make());
          const started = performance.now();
          let outcomes: readonly DeliveryOutcome[] = [];
          expect(() => {
            outcomes = convert(input);
          }, 'convert() threw on garbage').not.toThrow();
          const elapsed = performance.now() - started;
          expect(
            elapsed,
            `convert() took ${Math.round(elapsed)} ms (limit ${timeLimitMs} ms)`,
          ).toBeLessThanOrEqual(timeLimitMs);
          checkOutcomes(outcomes, input, options.provider);
          for (const outcome of outcomes) {
            expect(outcome.verdict.category, 'garbage must give [] or category `unknown`').toBe('unknown');
          }
        });
      }
    });
  });
}

export { type GarbageInput, garbageInputs } from './conformance/garbage';
export { categoryOf, outcomeProblems } from './conformance/outcome-problems';
export { deepFreeze, isPartOf } from './conformance/raw';
export { describeWebhookVerifier, type VerifierSuiteOptions } from './conformance/verifier-suite';
