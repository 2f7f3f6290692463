// The README's examples run as tests, as written (imports pointed at this source tree), so an example
// cannot drift from the code. A line `expression; // value` whose comment starts with a literal
// (a string, number, boolean, `undefined` or a one-line object, `…` for "and more") also checks
// that the expression gives that value; any other comment is prose.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { throwingProxy } from './adapter/__fixtures__/hostile-values';
import type { DeliveryOutcome } from './verdict/delivery-outcome';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

interface Example {
  /** README line of the first line of the example */
  readonly line: number;
  readonly lines: readonly string[];
}

/** The ```ts blocks; a block without an import continues the example before it. */
function examples(markdown: string): Example[] {
  const found: { line: number; lines: string[] }[] = [];
  let current: string[] | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (current === undefined && text === '```ts') {
      current = [];
      found.push({ line: index + 2, lines: current });
    } else if (current !== undefined && text === '```') {
      const block = found[found.length - 1]!;
      const previous = found[found.length - 2];
      if (previous !== undefined && !block.lines.some((line) => line.startsWith('import '))) {
        previous.lines.push(...block.lines);
        found.pop();
      }
      current = undefined;
    } else current?.push(text);
  });
  return found;
}

/** The literal a value comment starts with, as source text, or undefined when the comment is prose. */
export function literalOf(comment: string): string | undefined {
  const first = comment[0];
  if (first === "'" || first === '"') {
    const end = comment.indexOf(first, 1);
    const text = comment.slice(0, end + 1);
    return end > 0 && !text.includes('…') ? text : undefined;
  }
  if (first === '{') {
    let depth = 0;
    for (let index = 0; index < comment.length; index++) {
      if (comment[index] === '{') depth++;
      else if (comment[index] === '}' && --depth === 0) {
        return comment.slice(0, index + 1).replace(/,?\s*…\s*/g, ' ');
      }
    }
    return undefined;
  }
  const word = /^(true|false|undefined|\d[\d_]*)\b/.exec(comment);
  return word?.[1];
}

const checked = /^([A-Za-z_$][^=]*?);\s*\/\/\s*(.+)$/;

/** The example as a module: imports pointed at src/, value comments turned into checks. */
function toModule(example: Example, index: number): { source: string; checks: number } {
  let checks = 0;
  const lines = example.lines.map((line, offset) => {
    const pointed = line
      .replace("'@mailverdict/core/explain'", JSON.stringify(join(packageRoot, 'src/explain/index.ts')))
      .replace("'@mailverdict/core/adapter'", JSON.stringify(join(packageRoot, 'src/adapter/index.ts')))
      .replace("'@mailverdict/core'", JSON.stringify(join(packageRoot, 'src/index.ts')));
    const match = checked.exec(pointed);
    if (match === null || /^(const|let|import|export|return|if|else)\b/.test(match[1]!)) return pointed;
    const literal = literalOf(match[2]!);
    if (literal === undefined) return pointed;
    checks++;
    const where = `README.md line ${example.line + offset} (example ${index + 1})`;
    return `(globalThis as any).readmeCheck(() => (${match[1]}), (${literal}), ${JSON.stringify(where)});`;
  });
  return { source: lines.join('\n'), checks };
}

const directory = join(packageRoot, '.readme-run');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

(globalThis as { readmeCheck?: unknown }).readmeCheck = (
  actual: () => unknown,
  expected: unknown,
  where: string,
) => {
  const value = actual();
  if (typeof expected === 'object' && expected !== null) expect(value, where).toMatchObject(expected);
  else expect(value, where).toBe(expected);
};

describe('README examples', () => {
  const all = examples(readme);

  it('finds the examples and the values they promise', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(literalOf("'mailbox-full' — Orange's misleading 5.1.1")).toBe("'mailbox-full'");
    expect(literalOf('3 — each line')).toBe('3');
    expect(literalOf('{ registered: false, classMeaning: "x", … }')).toBe(
      '{ registered: false, classMeaning: "x" }',
    );
    expect(literalOf('the input, unchanged')).toBeUndefined();
    expect(literalOf('"The email account … typos"')).toBeUndefined();
  });

  it.each(all.map((example, index) => [index + 1, example.line, example, index] as const))(
    'example %i (README line %i) runs and gives the values its comments say',
    async (_, __, example, index) => {
      const { source } = toModule(example, index);
      mkdirSync(directory, { recursive: true });
      const file = join(directory, `example-${index + 1}.ts`);
      writeFileSync(file, source);
      await import(file);
    },
  );

  it('checks at least one value in every example that promises one', () => {
    const promised = all.filter((example) => example.lines.some((line) => /;\s*\/\/\s*['"{\d]/.test(line)));
    for (const example of promised)
      expect(toModule(example, 0).checks, `line ${example.line}`).toBeGreaterThan(0);
  });
});

describe('README: Writing an adapter, on more than the happy path', () => {
  async function fromAcmeBounce(): Promise<(payload: unknown) => DeliveryOutcome[]> {
    const all = examples(readme);
    const index = all.findIndex((example) =>
      example.lines.some((line) => line.includes('fromAcmeBounce(payload')),
    );
    const { source } = toModule(all[index]!, index);
    mkdirSync(directory, { recursive: true });
    const file = join(directory, 'adapter-example.ts');
    writeFileSync(file, source);
    return ((await import(file)) as { fromAcmeBounce: (payload: unknown) => DeliveryOutcome[] })
      .fromAcmeBounce;
  }

  it('classifies the relayed text and keeps the reply; falls back to the label without text', async () => {
    const convert = await fromAcmeBounce();
    const [outcome] = convert({
      bounce: {
        email: 'bob@gmail.com',
        smtp: '550 5.1.1 The email account that you tried to reach does not exist.',
      },
    });
    expect(outcome?.verdict.category).toBe('mailbox-unknown');
    expect(outcome?.reply?.code).toBe(550);
    const [labelled] = convert({ bounce: { email: 'bob@example.com' } });
    expect(labelled?.verdict.rule).toBe('acme-hard-bounce');
    expect(labelled !== undefined && 'reply' in labelled).toBe(false);
  });

  it('answers one unreadable outcome for garbage and hostile input', async () => {
    const convert = await fromAcmeBounce();
    for (const payload of [{ bounce: {} }, 'text', throwingProxy()]) {
      const outcomes = convert(payload);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.verdict.rule).toBe('acme-unreadable');
    }
  });
});
