// pnpm accuracy:bounces (second part) — parseBounce over a second, independent public corpus: the
// test samples of flufl.bounce, Mailman's bounce detector (src/__fixtures__/flufl-bounce, see its
// README), against that project's own expectations (expected.jsonl, written from its test table).
// Prints: expected recipients found among the failed or delayed outcomes, files whose failed
// recipients are exactly the expected ones, kind agreement where the source states one, and
// permanent/transient agreement (flufl's permanent list ↔ `bounced`, its temporary list ↔ `deferred`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBounce } from '../src/index';

const corpus = fileURLToPath(new URL('../src/__fixtures__/flufl-bounce/', import.meta.url));

export interface FluflRow {
  readonly file: string;
  /** The addresses flufl.bounce's detectors must return; empty when its test expects none. */
  readonly recipients: readonly string[];
  /** Set where the source says it: a permanent failure, a delay warning, or not a bounce at all. */
  readonly kind: 'bounce' | 'delay' | 'not-a-bounce' | null;
  /** Whether the recipients are in flufl's permanent list (true) or its temporary one (false). */
  readonly permanent: boolean | null;
}

export interface FluflScore {
  files: number;
  recipients: number;
  found: number;
  exactFiles: number;
  kindRows: number;
  kindAgreed: number;
  permanenceRows: number;
  permanenceAgreed: number;
  misses: string[];
}

export function readFluflRows(): FluflRow[] {
  return readFileSync(join(corpus, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FluflRow);
}

export function fluflEmail(file: string): Buffer {
  return readFileSync(join(corpus, 'emails', file));
}

export async function scoreFlufl(rows: readonly FluflRow[]): Promise<FluflScore> {
  const result: FluflScore = {
    files: 0,
    recipients: 0,
    found: 0,
    exactFiles: 0,
    kindRows: 0,
    kindAgreed: 0,
    permanenceRows: 0,
    permanenceAgreed: 0,
    misses: [],
  };
  for (const row of rows) {
    result.files++;
    const report = await parseBounce(fluflEmail(row.file));
    // Only failures and delays name a recipient in flufl's sense (an auto-reply's sender is not one).
    const failed = report.outcomes.filter(
      (outcome) => outcome.event === 'bounced' || outcome.event === 'deferred',
    );
    const byAddress = new Map(failed.map((outcome) => [(outcome.recipient ?? '').toLowerCase(), outcome]));
    const expected = row.recipients.map((address) => address.toLowerCase());
    let missing = 0;
    for (const address of expected) {
      result.recipients++;
      const outcome = byAddress.get(address);
      if (outcome === undefined) {
        missing++;
        continue;
      }
      result.found++;
      if (row.permanent !== null) {
        result.permanenceRows++;
        const permanent = outcome.event === 'bounced';
        if (permanent === row.permanent) result.permanenceAgreed++;
        else
          result.misses.push(
            `${row.file}: ${address} ${outcome.event}, expected ${row.permanent ? 'permanent' : 'transient'}`,
          );
      }
    }
    const extra = [...byAddress.keys()].filter((address) => !expected.includes(address));
    if (missing === 0 && extra.length === 0) result.exactFiles++;
    else
      result.misses.push(
        `${row.file}: [${report.format}] found ${JSON.stringify([...byAddress.keys()])}, expected ${JSON.stringify(expected)}`,
      );
    if (row.kind !== null) {
      result.kindRows++;
      if (report.kind === row.kind) result.kindAgreed++;
      else result.misses.push(`${row.file}: kind ${report.kind} [${report.format}], expected ${row.kind}`);
    }
  }
  return result;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`;
}

export function fluflLine(value: FluflScore): string {
  return `flufl.bounce files ${value.files} | recipients found ${percent(value.found, value.recipients)} (${value.found}/${value.recipients}) | exact files ${percent(value.exactFiles, value.files)} | kind ${percent(value.kindAgreed, value.kindRows)} (${value.kindRows} stated) | permanent/transient ${percent(value.permanenceAgreed, value.permanenceRows)}`;
}

async function main(): Promise<void> {
  const result = await scoreFlufl(readFluflRows());
  if (process.argv.includes('--misses')) for (const miss of result.misses) console.log(miss);
  console.log(fluflLine(result));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
