import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';
import { version } from './package.json';

// A command-line tool first: ESM only (Node ≥ 20 runs it; nothing `require()`s a bin). The library
// entry (`index.ts`: the log-line parsers) ships with its types for people who script their own triage.
export default defineConfig(
  packageBuild({
    entry: ['src/cli.ts', 'src/index.ts'],
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    define: { PACKAGE_VERSION: JSON.stringify(version) },
  }),
);
