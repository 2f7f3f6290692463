import type { Options } from 'tsup';

// Every package builds the same way: ESM + CJS + declarations for both, one entry unless it says otherwise.
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    splitting: false,
    ...overrides,
  };
}
