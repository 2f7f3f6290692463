import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderModule } from '../scripts/generate-phrase-scan';
import { PhraseMatcher } from './phrase-matcher';
import { maxText } from './phrase-scan';

function scan(matcher: PhraseMatcher, text: string): string[] {
  const found = new Int32Array(matcher.phrases.length);
  const count = matcher.scan(text, found);
  return [...new Set([...found.subarray(0, count)].map((index) => matcher.phrases[index]!))].sort();
}

describe('the WebAssembly phrase scan', () => {
  it('is up to date with its generator (run `npx tsx scripts/generate-phrase-scan.ts`)', async () => {
    const generated = readFileSync(new URL('./generated/phrase-scan-wasm.ts', import.meta.url), 'utf8');
    expect(generated).toBe(await renderModule());
  });

  it('finds a phrase whose whitespace run crosses where any of eight parts starts', () => {
    // A partial match that outlives the overlap: the chain before reads on until the chains agree.
    const phrases = ['mailbox full', 'user unknown'];
    const native = new PhraseMatcher(phrases);
    const plain = new PhraseMatcher(phrases, { native: false });
    expect(native.usesWebAssembly).toBe(true);
    for (let run = 1; run <= 40; run += 3) {
      for (let at = 0; at < 200; at += 7) {
        const text = `${'x'.repeat(at)}Mailbox${' '.repeat(run)}FULL ${'y'.repeat(200 - at)}`;
        expect(scan(native, text), `${run}/${at}`).toEqual(['mailbox full']);
        expect(scan(plain, text), `${run}/${at}`).toEqual(['mailbox full']);
      }
    }
  });

  it('takes the JavaScript scan past its longest text and for non-ASCII text, with the same answers', () => {
    const native = new PhraseMatcher(['user unknown']);
    for (const length of [maxText - 1, maxText, maxText + 1]) {
      const text = `${'q '.repeat(length / 2).slice(0, length - 13)} user unknown`;
      expect(text.length).toBe(length);
      expect(scan(native, text)).toEqual(['user unknown']);
    }
    expect(scan(native, `Empfänger ${'q'.repeat(50)} USER UNKNOWN`)).toEqual(['user unknown']);
    // One wide character first, and exactly as many bytes as the buffer holds: not mistaken for ASCII.
    const wide = `é${'q '.repeat(maxText).slice(0, maxText - 14)} user unknown`;
    expect(wide.length).toBe(maxText);
    expect(scan(native, wide)).toEqual(['user unknown']);
  });
});
