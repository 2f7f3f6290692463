import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

/** Issue 3: core stays small enough for browsers and edge runtimes (minified + gzip). */
const maxGzipBytes = 40 * 1024;

// The built-in rules' `example`, `source`, `reason` and `note` are documentation and test data (every rule's example
// is classified by src/rules/rules.test.ts against the source files); they are dropped from the
// published bundle, which keeps ~8 KB gzip off every user's download. Values are a quoted string,
// a template without nested back-ticks, an identifier or a call: the shapes used in src/rules.
const value = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60|[A-Za-z_$][\w$.]*(?:\([^()]*\))?)`;
const docProperty = new RegExp(String.raw`([{,\s])(?:example|source|reason|note):\s*${value}\s*,?`, 'g');

const stripRuleDocs: Plugin = {
  name: 'strip-rule-docs',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/](rules[\\/][^.]+|blocklists)\.ts$/ }, async (args) => {
      if (args.path.endsWith('.test.ts')) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(docProperty, '$1'), loader: 'ts' };
    });
  },
};

/**
 * Minified + gzip size of what a user downloads who imports only `entry` (a built ESM file): the
 * entry bundled with every chunk it imports, as a bundler would ship it.
 */
async function gzipSizeOf(entry: string): Promise<{ minified: number; gzip: number }> {
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

// Three entries: `@mailverdict/core` (parse, classify, decide, throttle), `@mailverdict/core/explain`
// (the human guidance prose) and `@mailverdict/core/adapter` (the toolkit for provider adapters). Each is checked against the budget on its own; code both use is shared
// through chunks (`splitting`), so an application importing both does not get the classifier twice.
const entries = { 'core bundle': 'dist/index.js', 'core/explain bundle': 'dist/explain.js' } as const;

export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', explain: 'src/explain.ts', adapter: 'src/adapter/index.ts' },
    splitting: true,
    esbuildPlugins: [stripRuleDocs],
    async onSuccess() {
      const over: string[] = [];
      for (const [name, file] of Object.entries(entries)) {
        const size = await gzipSizeOf(file);
        const line = `${name}: ${(size.minified / 1024).toFixed(1)} KB minified, ${(size.gzip / 1024).toFixed(1)} KB minified + gzip (limit ${maxGzipBytes / 1024} KB)`;
        console.log(line);
        if (size.gzip > maxGzipBytes) over.push(line);
      }
      if (over.length > 0) throw new Error(`${over.join('; ')}: over the limit`);
    },
  }),
);
