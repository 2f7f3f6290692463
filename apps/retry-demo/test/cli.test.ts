// The command line as a person meets it: a bad flag is exit code 2 with the reason and the usage line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));

function demo(args: readonly string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(appDir, 'test', 'tsconfig.sources.json') },
    timeout: 60_000,
  });
}

describe('retry-demo command line', () => {
  it('exits 2 with the reason and a usage line for a bad flag', () => {
    const result = demo(['--messages', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--messages must be a whole number, got "lots"');
    expect(result.stderr).toContain('usage: retry-demo');
    expect(result.stdout).toBe('');
  }, 60_000);
});
