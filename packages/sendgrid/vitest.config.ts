import { fileURLToPath } from 'node:url';
import { packageTests } from '../../vitest.base';

// The conformance suite is a subpath export of the testkit; read it from source like the other siblings.
export default packageTests({
  resolve: {
    alias: [
      {
        find: /^@mailverdict\/testkit\/conformance$/,
        replacement: fileURLToPath(new URL('../testkit/src/conformance.ts', import.meta.url)),
      },
    ],
  },
});
