import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';
import { entries, gzipSizeOf, maxGzipBytes } from './scripts/entry-size';

// The built-in rules' `example`, `source`, `reason` and `note` are documentation and test data (every rule's example
// is classified by src/rules/rules.test.ts against the source files); they are dropped from the
// published bundle, which keeps ~8 KB gzip off every user's download. Values are a quoted string,
// a template without nested back-ticks, an identifier or a call: the shapes used in src/rules.
const value = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60|[A-Za-z_$][\w$.]*(?:\([^()]*\))?)`;
const docProperty = new RegExp(String.raw`([{,\s])(?:example|source|reason|note):\s*${value}\s*,?`, 'g');

const stripRuleDocs: Plugin = {
  name: 'strip-rule-docs',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/](rules[\\/][^.]+|verdict[\\/]blocklists)\.ts$/ }, async (args) => {
      if (args.path.endsWith('.test.ts')) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(docProperty, '$1'), loader: 'ts' };
    });
  },
};

// Each entry (scripts/entry-size.ts) is checked against the budget on its own; code they share is
// split into chunks (`splitting`), so an application importing two does not get the classifier twice.
export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', explain: 'src/explain/index.ts', adapter: 'src/adapter/index.ts' },
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
