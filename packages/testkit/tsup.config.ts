import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The fakes (no test-runner dependency) and the vitest conformance suite are kept apart so importing
// the fakes never loads vitest; the real-Postfix harness, the Redis starter and the README and
// linear-time helpers are their own subpaths, so what one does not use is never loaded.
export default defineConfig(
  packageBuild({
    entry: [
      'src/index.ts',
      'src/conformance.ts',
      'src/postfix.ts',
      'src/linear-time.ts',
      'src/readme-examples.ts',
      'src/redis.ts',
    ],
  }),
);
