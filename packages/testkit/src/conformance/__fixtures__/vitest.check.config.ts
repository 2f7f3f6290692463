import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs only broken-adapters.check.ts, from conformance-catches.test.ts, to prove the suite fails bad adapters.
export default defineConfig({
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  resolve: {
    alias: [
      {
        find: /^@mailverdict\/core$/,
        replacement: fileURLToPath(new URL('../../../../core/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: { include: ['src/conformance/__fixtures__/broken-adapters.check.ts'], testTimeout: 20_000 },
});
