import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

// Runs describeAdapter against deliberately broken adapters in a separate vitest process and reads which tests
// failed: the suite must catch each broken rule, and only those.
describe('describeAdapter catches broken adapters', () => {
  it('fails exactly the tests each broken adapter breaks', async () => {
    const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
    const vitestCli = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
    const directory = mkdtempSync(join(tmpdir(), 'conformance-check-'));
    const output = join(directory, 'report.json');
    await new Promise<void>((resolve) => {
      execFile(
        process.execPath,
        [
          vitestCli,
          'run',
          '--config',
          'src/conformance/__fixtures__/vitest.check.config.ts',
          '--reporter=json',
          `--outputFile=${output}`,
        ],
        { cwd: packageRoot, timeout: 150_000 },
        () => resolve(),
      );
    });
    const report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
    rmSync(directory, { recursive: true, force: true });
    const results = report.testResults.flatMap((file) => file.assertionResults);
    const failed = results.filter((result) => result.status === 'failed').map((result) => result.fullName);
    const failedIn = (adapter: string) => failed.filter((name) => name.startsWith(`${adapter} conformance`));

    expect(failedIn('throws on null')).toEqual(['throws on null conformance garbage never throws on null']);
    expect(failedIn('mutates its input')).toEqual(['mutates its input conformance fixtures fixture']);
    expect(failedIn('copies raw')).toContain('copies raw conformance fixtures fixture');
    // Every garbage input the sample answers with an outcome now carries a wrong category.
    expect(failedIn('classifies garbage').length).toBeGreaterThan(20);
    expect(failedIn('classifies garbage')).not.toContain('classifies garbage conformance fixtures fixture');
    expect(failedIn('invents an event')).toContain('invents an event conformance fixtures fixture');
    expect(failedIn('wrong provider and count')).toContain(
      'wrong provider and count conformance fixtures fixture',
    );
    expect(results.length).toBeGreaterThan(150);
  }, 180_000);
});
