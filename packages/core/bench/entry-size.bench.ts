// `pnpm bench`: each published entry's size, minified + gzip, as a bundler ships it (the built
// dist/, so run `pnpm build` first). Budget: ≤ 40 KB each (issue 12).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entries, gzipSizeOf, maxGzipBytes } from '../scripts/entry-size';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function lines(): Promise<string[]> {
  const out: string[] = [];
  for (const [name, file] of Object.entries(entries)) {
    if (!existsSync(`${root}${file}`)) {
      out.push(`${name}: ${file} is missing; run \`pnpm build\` first`);
      continue;
    }
    const { gzip } = await gzipSizeOf(`${root}${file}`);
    const kb = (gzip / 1024).toFixed(1);
    const verdict = gzip <= maxGzipBytes ? 'MET' : 'NOT MET';
    out.push(
      `${`${name} (minified + gzip)`.padEnd(44)} ${kb.padStart(14)} KB  (budget ≤ ${maxGzipBytes / 1024} KB: ${verdict})`,
    );
  }
  return out;
}
