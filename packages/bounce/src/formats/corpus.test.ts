// Every decoder's real samples are its tests: the public corpus copied into src/__fixtures__/sisimai
// (github.com/sisimai/set-of-emails, BSD-2-Clause) decodes with the decoder named for its family,
// and the corpus as a whole stays above the accuracy it reaches today (scripts/accuracy.ts prints
// the figures; the floors here catch regressions).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heldOut, readRows, score } from '../../scripts/accuracy';
import { fluflEmail, readFluflRows } from '../../scripts/accuracy-flufl';
import { parseBounce } from '../index';
import { decoders } from './index';

const emails = fileURLToPath(new URL('../__fixtures__/sisimai/emails/', import.meta.url));

/** Corpus families (file name without the number) → the decoder that must read every one of them. */
const families: Readonly<Record<string, string>> = {
  arf: 'arf',
  rfc3834: 'rfc3834',
  'lhost-dragonfly': 'dragonfly',
  'lhost-qmail': 'qmail',
  'lhost-exchange2003': 'exchange',
  'lhost-gmail': 'gmail',
  'lhost-googlegroups': 'google-groups',
  'lhost-yahoo': 'yahoo',
  'lhost-notes': 'domino',
  'lhost-imailserver': 'imail',
  'lhost-apachejames': 'apache-james',
  'lhost-verizon': 'apache-james',
  'lhost-v5sendmail': 'sendmail',
  'lhost-office365': 'rfc3464',
  'lhost-outlook': 'rfc3464',
  'lhost-amazonworkmail': 'rfc3464',
  'lhost-receivingses': 'rfc3464',
  'lhost-messagingserver': 'rfc3464',
  'lhost-gmx': 'exim',
  'lhost-mailru': 'exim',
};

const files = readdirSync(emails).sort();
const expectedFiles = new Set(readRows().map((row) => row.file));

describe('corpus samples by format', () => {
  for (const [family, format] of Object.entries(families)) {
    const samples = files.filter((file) => file.startsWith(`${family}-`) && expectedFiles.has(file));
    it(`${family}: ${samples.length} samples read by ${format}`, async () => {
      expect(samples.length).toBeGreaterThan(0);
      for (const file of samples) {
        const report = await parseBounce(readFileSync(emails + file));
        expect([file, report.format]).toEqual([file, format]);
        expect(report.outcomes.length, file).toBeGreaterThan(0);
      }
    });
  }

  it("every decoder reads at least one real sample (of this corpus or flufl.bounce's)", async () => {
    const used = new Set<string>();
    for (const file of files) used.add((await parseBounce(readFileSync(emails + file))).format);
    for (const row of readFluflRows()) used.add((await parseBounce(fluflEmail(row.file))).format);
    const unused = decoders
      .map((decoder) => decoder.name)
      .filter((name) => !used.has(name) && name !== 'not-a-bounce');
    expect(unused).toEqual([]);
  });
});

describe('corpus accuracy (floors; see scripts/accuracy.ts)', () => {
  it('studied files', async () => {
    const held = heldOut();
    const result = await score(readRows().filter((row) => !held.has(row.file)));
    expect(result.found / result.rows).toBeGreaterThanOrEqual(0.98);
    expect(result.agreed / result.rows).toBeGreaterThanOrEqual(0.865);
    expect(result.statusAgreed / result.statusRows).toBeGreaterThanOrEqual(0.96);
  });
});
