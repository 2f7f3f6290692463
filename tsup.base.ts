import type { Options } from 'tsup';

// Every package builds the same way: ESM + CJS + declarations for both, one entry unless it says otherwise.
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // Maps without the sources inside them: stack traces still point at src/ lines, but the
    // package does not ship every source file a second time (most of its installed size).
    sourcemap: true,
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    target: 'es2022',
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}
