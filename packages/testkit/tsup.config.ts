import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Two entries: the fakes (no test-runner dependency) and the vitest conformance suite, kept apart so importing
// the fakes never loads vitest.
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/conformance.ts'] }));
