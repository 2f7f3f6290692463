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
    // Subpath exports map to `src/<subpath>.ts` (`@mailverdict/testkit/conformance`), or to the
    // entry of the folder of that name (`@mailverdict/core/adapter` → `src/adapter/index.ts`).
    ...readdirSync(`${packagesDir}${dir}/src`).flatMap((name) => {
      const subpath = name.endsWith('.ts') ? name.slice(0, -3) : name;
      const file = name.endsWith('.ts') ? name : `${name}/index.ts`;
      if (
        subpath === 'index' ||
        name.endsWith('.test.ts') ||
        !existsSync(`${packagesDir}${dir}/src/${file}`)
      ) {
        return [];
      }
      return [
        {
          find: new RegExp(`^@mailverdict/${dir}/${subpath}$`),
          replacement: `${packagesDir}${dir}/src/${file}`,
        },
      ];
    }),
  ]);

export function packageTests(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      resolve: { alias },
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
        testTimeout: 20_000,
        hookTimeout: 20_000,
      },
    }),
    overrides,
  );
}
