// Minified + gzip size of each published entry, as a user's bundler would ship it: the built ESM
// entry bundled with every chunk it imports. Shared by the build (tsup.config.ts fails over the
// budget) and `pnpm bench` (prints each size beside the budget).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Issue 3 and 12: each entry stays small enough for browsers and edge runtimes (minified + gzip). */
export const maxGzipBytes = 40 * 1024;

/** One entry per audience: applications, people reading explanations, adapter authors. */
export const entries = {
  'core bundle': 'dist/index.js',
  'core/explain bundle': 'dist/explain.js',
  'core/adapter bundle': 'dist/adapter.js',
} as const;

export async function gzipSizeOf(entry: string): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
