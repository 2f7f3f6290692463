// Every ```ts block of this README type-checks under --strict; the provider packages run the same check on
// theirs with `readmeTypeErrors` (src/readme/readme-type-errors.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeTypeErrors } from './readme/readme-type-errors';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));

describe('README types', () => {
  it('every ```ts block of the README type-checks under --strict', () => {
    const { blocks, errors } = readmeTypeErrors(packageRoot);
    expect(blocks).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
  }, 120_000);

  it('names the README line of a snippet that does not type-check', () => {
    const markdown = [
      '# x',
      '',
      '```ts',
      "import { startFakePostmark } from '@mailverdict/testkit';",
      '',
      'const api = await startFakePostmark();',
      'api.failNext(1, { drop: 1 });', // README line 7: `drop` is a boolean
      'transport.sendMail({});', // README line 8: a name the snippet never declares
      '```',
      '',
      '```ts',
      'declare const port: number; // a name the reader supplies, declared',
      'const url: string = String(port);',
      'console.log(url);',
      '```',
    ].join('\n');
    const { blocks, errors } = readmeTypeErrors(packageRoot, markdown);
    expect(blocks).toBe(2);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^README\.md line 7: .*boolean/s);
    expect(errors[1]).toBe("README.md line 8: Cannot find name 'transport'.");
  }, 120_000);

  it('is strict: an implicit any and a possibly undefined value are errors', () => {
    const markdown = [
      '```ts',
      'export function twice(value) {',
      '  return value * 2;',
      '}',
      'const key: string = process.env.KEY;',
      'console.log(key);',
      '```',
    ].join('\n');
    const { errors } = readmeTypeErrors(packageRoot, markdown);
    expect(errors.map((error) => error.slice(0, 'README.md line 2'.length))).toEqual([
      'README.md line 2',
      'README.md line 5',
    ]);
  }, 120_000);
});
