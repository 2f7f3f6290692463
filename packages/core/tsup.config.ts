import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { type Plugin, transform } from 'esbuild';
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

export default defineConfig(
  packageBuild({
    esbuildPlugins: [stripRuleDocs],
    async onSuccess() {
      const source = readFileSync('dist/index.js', 'utf8');
      const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2022' });
      const size = gzipSync(code, { level: 9 }).length;
      const line = `core bundle: ${(code.length / 1024).toFixed(1)} KB minified, ${(size / 1024).toFixed(1)} KB minified + gzip (limit ${maxGzipBytes / 1024} KB)`;
      console.log(line);
      if (size > maxGzipBytes) throw new Error(`${line}: over the limit`);
    },
  }),
);
