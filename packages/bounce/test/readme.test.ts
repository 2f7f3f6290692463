// The README's examples run as written (the package import pointed at this source tree), and each
// `console.log(…); // text` prints exactly the text its comment says, so the README cannot rot.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const importName = "'@mailverdict/bounce'";

function codeBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (current === undefined && line === '```ts') current = [];
    else if (current !== undefined && line === '```') {
      blocks.push(current.join('\n'));
      current = undefined;
    } else current?.push(line);
  }
  return blocks;
}

/** What each `console.log(…); // expected` line of a block says it prints, in order. */
function expectedOutput(code: string): string[] {
  return code
    .split('\n')
    .filter((line) => line.trimStart().startsWith('console.log(') && line.includes('); // '))
    .map((line) => line.slice(line.indexOf('); // ') + 6));
}

const blocks = codeBlocks(readFileSync(join(packageRoot, 'README.md'), 'utf8')).filter((code) =>
  code.includes(importName),
);
const tsx = join(
  createRequire(join(packageRoot, '../../package.json')).resolve('tsx/package.json'),
  '..',
  'dist/cli.mjs',
);

function runBlock(code: string, index: number): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const directory = join(packageRoot, `.readme-run-${index}`);
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'example.mts');
  writeFileSync(file, code.split(importName).join(JSON.stringify(join(packageRoot, 'src/index.ts'))));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, file],
      { cwd: packageRoot, timeout: 60_000 },
      (error, stdout, stderr) => {
        rmSync(directory, { recursive: true, force: true });
        resolve({ stdout, stderr, failed: error !== null });
      },
    );
  });
}

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  blocks.forEach((code, index) => {
    it(`example ${index + 1} runs and prints what its comments say`, async () => {
      const { stdout, stderr, failed } = await runBlock(code, index);
      expect(failed, stderr).toBe(false);
      expect(stdout.trimEnd().split('\n')).toEqual(expectedOutput(code));
    });
  });
});
