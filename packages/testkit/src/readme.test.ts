import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from './readme-examples';

// The README's examples are run as written (with the package import pointed at this source tree), so they
// cannot rot. Blocks meant for test files (the conformance ones) and the real-Postfix one (it needs root;
// the bounce and cli packages' Postfix tests run it) are not run here.
const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const subpaths = ['linear-time', 'readme-examples'];
const imports = (code: string, name: string) => code.includes(`from '@mailverdict/testkit${name}';`);

const blocks = codeBlocks(readFileSync(join(packageRoot, 'README.md'), 'utf8'))
  .map((block) => block.code)
  .filter(
    (code) =>
      ['', ...subpaths.map((name) => `/${name}`)].some((name) => imports(code, name)) &&
      !imports(code, '/postfix') &&
      !imports(code, '/conformance'),
  );
const tsx = join(
  createRequire(join(packageRoot, '../../package.json')).resolve('tsx/package.json'),
  '..',
  'dist/cli.mjs',
);
const marker = '@@example@@';

/** Runs every example in one tsx process, one after the other, and splits what each printed. */
async function runAll(): Promise<{ outputs: string[]; stderr: string; failed: boolean }> {
  const directory = join(packageRoot, '.readme-run');
  mkdirSync(directory, { recursive: true });
  const pointed = (code: string) =>
    subpaths.reduce(
      (text, name) =>
        text
          .split(`'@mailverdict/testkit/${name}'`)
          .join(JSON.stringify(join(packageRoot, `src/${name}.ts`))),
      code.split("'@mailverdict/testkit'").join(JSON.stringify(join(packageRoot, 'src/index.ts'))),
    );
  const files = blocks.map((code, index) => {
    const file = join(directory, `example-${index}.mts`);
    writeFileSync(file, pointed(code));
    return file;
  });
  const runner = join(directory, 'run.mts');
  writeFileSync(
    runner,
    `for (const file of ${JSON.stringify(files)}) { console.log(${JSON.stringify(marker)}); await import(file); }\n`,
  );
  try {
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        [tsx, runner],
        { cwd: packageRoot, timeout: 150_000 },
        (error, stdout, stderr) => {
          resolve({ outputs: stdout.split(`${marker}\n`).slice(1), stderr, failed: error !== null });
        },
      );
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('README examples', () => {
  // What each example prints, as its comments in the README say.
  const expectations: string[][] = [
    ["[ 'jane@gmail.test' ]", '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser'],
    ['250 2.0.0 OK queued as 4XyZ1'],
    [],
    ['450', "[ 'jane@grey.test' ]"],
    ['HardBounce', 'InactiveRecipientsError 406'],
    ['POST'],
    ['true'],
    ["[ { line: 4, code: 'console.log(1);' } ]"],
  ];

  it('all run and print what the README says', async () => {
    expect(blocks).toHaveLength(expectations.length);
    const { outputs, stderr, failed } = await runAll();
    expect(failed, stderr).toBe(false);
    expect(outputs).toHaveLength(blocks.length);
    expectations.forEach((texts, index) => {
      for (const text of texts) expect(outputs[index], `example ${index + 1}`).toContain(text);
    });
  }, 180_000);
});
