import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

// Tests import sibling packages from source, so a change in core is seen by every provider's tests
// without a rebuild. Published builds resolve through each package's exports map instead.
const alias = readdirSync(packagesDir)
  .filter((dir) => existsSync(`${packagesDir}${dir}/src/index.ts`))
  .sort()
  .flatMap((dir) => [
    { find: new RegExp(`^@mailverdict/${dir}$`), replacement: `${packagesDir}${dir}/src/index.ts` },
    // A subpath whose source is a folder (`@mailverdict/core/adapter` → `src/adapter/index.ts`).
    ...readdirSync(`${packagesDir}${dir}/src`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${packagesDir}${dir}/src/${entry.name}/index.ts`))
      .map((entry) => ({
        find: new RegExp(`^@mailverdict/${dir}/${entry.name}$`),
        replacement: `${packagesDir}${dir}/src/${entry.name}/index.ts`,
      })),
    // Subpath exports (`@mailverdict/testkit/conformance`) map to `src/<subpath>.ts`.
    { find: new RegExp(`^@mailverdict/${dir}/(.+)$`), replacement: `${packagesDir}${dir}/src/$1.ts` },
  ]);

export function packageTests(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      resolve: { alias },
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 20_000,
        hookTimeout: 20_000,
      },
    }),
    overrides,
  );
}
