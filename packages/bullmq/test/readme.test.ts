import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from '@mailverdict/testkit/redis';
import { beforeAll, describe, expect, it } from 'vitest';

// The README's examples run as written, with the package import pointed at this source tree; each asserts
// its own claims with node:assert, so a wrong README fails here.
const root = fileURLToPath(new URL('../', import.meta.url));
const blocks: string[] = [];
let current: string[] | undefined;
for (const line of readFileSync(join(root, 'README.md'), 'utf8').split('\n')) {
  if (current === undefined && line === '```ts') current = [];
  else if (current !== undefined && line === '```') {
    blocks.push(current.join('\n'));
    current = undefined;
  } else current?.push(line);
}

let url: string;
beforeAll(async () => {
  url = await ensureRedis();
});

describe('README examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(2));
  blocks.forEach((code, index) => {
    it(`example ${index + 1} runs`, { timeout: 30_000 }, async () => {
      const directory = mkdtempSync(join(root, '.readme-'));
      const file = join(directory, 'example.ts');
      writeFileSync(
        file,
        code.replace("from '@mailverdict/bullmq'", `from ${JSON.stringify(join(root, 'src/index.ts'))}`),
      );
      try {
        const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = execFile(
            process.execPath,
            ['--import', 'tsx', file],
            { cwd: root, env: { ...process.env, REDIS_URL: url }, timeout: 25_000 },
            (error, _out, stderr) => resolve({ code: error === null ? 0 : (child.exitCode ?? 1), stderr }),
          );
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});
