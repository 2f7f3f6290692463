// The folder list is the architecture (README "Architecture"): every stage imports only the stages
// below it — reply ← verdict ← {classify, retry, throttle, explain, adapter}. The rule database sits
// between verdict and classify; among the top stages, only the edges listed here are allowed.
// Tests and fixtures may import anything: they are the callers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/** Each folder and the folders its files may import (besides their own). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  reply: [],
  verdict: ['reply'],
  rules: ['reply', 'verdict'],
  classify: ['reply', 'verdict', 'rules'],
  retry: ['reply', 'verdict'],
  throttle: ['reply', 'verdict'],
  // explain classifies a string it is given and writes durations as the retry decisions do
  explain: ['reply', 'verdict', 'classify', 'retry'],
  // judgeRelayedReply classifies the reply a provider relayed; the entry re-exports the throttle's option
  // validation and rule matcher for throttles kept outside the process (Redis)
  adapter: ['reply', 'verdict', 'classify', 'throttle'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The folder right under src/ a path lies in (undefined for the entry files at src/ itself). */
function stageOf(path: string): string | undefined {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every relative import and export specifier of a file's text, resolved to a path. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => join(dirname(file), specifier));
}

/** `file → target` lines for every import against the direction, given each file's text. */
function violations(files: readonly (readonly [file: string, text: string])[]): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const stage = stageOf(file);
    if (stage === undefined) continue;
    const may = allowed[stage];
    for (const target of importsOf(file, text)) {
      const to = stageOf(target);
      if (to === stage) continue;
      if (may === undefined || to === undefined || !may.includes(to)) {
        found.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
  }
  return found;
}

describe('import direction: reply ← verdict ← {classify, retry, throttle, explain, adapter}', () => {
  const files = sourceFiles(src);

  it('knows every folder under src/', () => {
    const stages = new Set(files.map(stageOf).filter((stage) => stage !== undefined));
    expect([...stages].sort()).toEqual(Object.keys(allowed).sort());
  });

  it('finds no file importing against the direction', () => {
    expect(violations(files.map((file) => [file, readFileSync(file, 'utf8')] as const))).toEqual([]);
  });

  it('catches a lower stage importing a higher one, and a top stage importing a sibling not listed', () => {
    const at = (...parts: string[]) => join(src, ...parts);
    expect(
      violations([
        [at('reply', 'parse-reply.ts'), "import type { Verdict } from '../verdict/verdict';"],
        [at('verdict', 'create-verdict.ts'), "import { classify } from '../classify/classify';"],
        [at('retry', 'decide-retry.ts'), "export { createThrottle } from '../throttle/create-throttle';"],
        [at('throttle', 'warm-up.ts'), "const entry = await import('../index');"],
        [at('classify', 'classify.ts'), "import { parseReply } from '../reply/parse-reply';"],
      ]),
    ).toEqual([
      'reply/parse-reply.ts → verdict/verdict',
      'verdict/create-verdict.ts → classify/classify',
      'retry/decide-retry.ts → throttle/create-throttle',
      'throttle/warm-up.ts → index',
    ]);
  });
});
