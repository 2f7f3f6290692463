// The README's console examples run as tests: each `$ ` line runs in a shell, from this package's
// directory, with `mailverdict` (and `npx mailverdict`) pointing at the BUILT bin; what it prints
// must be exactly what the README shows below it. The root README's example is checked the same way.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath } from '../test/helpers/run-cli';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const shimDir = mkdtempSync(join(tmpdir(), 'mailverdict-readme-'));
afterAll(() => rmSync(shimDir, { recursive: true, force: true }));

interface Example {
  readonly command: string;
  readonly output: string;
}

export function consoleExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const blocks = markdown.split('```console\n').slice(1);
  for (const block of blocks) {
    const body = block.slice(0, block.indexOf('```'));
    let current: { command: string; output: string[] } | undefined;
    for (const line of body.split('\n')) {
      if (line.startsWith('$ ')) {
        if (current !== undefined)
          examples.push({ command: current.command, output: current.output.join('\n') });
        current = { command: line.slice(2), output: [] };
      } else current?.output.push(line);
    }
    if (current !== undefined) examples.push({ command: current.command, output: current.output.join('\n') });
  }
  return examples;
}

function run(command: string): string {
  assertBuilt();
  const shim = join(shimDir, 'mailverdict');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`);
  chmodSync(shim, 0o755);
  const result = spawnSync('sh', ['-c', command.replaceAll('npx mailverdict', 'mailverdict')], {
    cwd: packageDir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', PATH: `${shimDir}:${process.env.PATH ?? ''}` },
    timeout: 60_000,
  });
  return result.stdout;
}

const packageExamples = consoleExamples(readFileSync(join(packageDir, 'README.md'), 'utf8'));
const rootExamples = consoleExamples(readFileSync(join(packageDir, '../../README.md'), 'utf8')).filter(
  (example) => example.command.includes('mailverdict'),
);

describe('README examples print what the README shows', () => {
  it('has examples for every command', () => {
    for (const command of ['explain', 'classify', 'bounce', 'scan'])
      expect(packageExamples.some((example) => example.command.includes(`mailverdict ${command}`))).toBe(
        true,
      );
    expect(rootExamples.length).toBeGreaterThan(0);
  });

  it.each([...packageExamples, ...rootExamples].map((example) => [example.command, example] as const))(
    '$ %s',
    (_command, example) => {
      expect(run(example.command).trimEnd()).toBe(example.output.trimEnd());
    },
  );
});
