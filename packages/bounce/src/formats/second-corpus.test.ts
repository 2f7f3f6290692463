// A second, independent public corpus: flufl.bounce's (GNU Mailman's) real bounce samples
// (src/__fixtures__/flufl-bounce, see its README), checked against that project's own expectations:
// the failed recipients it expects (order-insensitive), permanent vs temporary, and "not a bounce"
// where it says so. The decoders were written from formats, never from these files. Last, eight
// samples of a third project, Mail::DeliveryStatus::BounceParser (src/__fixtures__/bounceparser),
// read once after the decoders were written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FluflRow, fluflEmail, readFluflRows, scoreFlufl } from '../../scripts/accuracy-flufl';
import { parseBounce } from '../index';

/** Samples no decoder can read as the source expects, and why (each must still fail: fix it, drop it here). */
const unreadable: Readonly<Record<string, string>> = {
  // "userx    No matches to nameserver query": a bare name; flufl.bounce's Yale detector appends the
  // two Yale domains itself, knowledge of one site rather than of a format.
  'yale_01.txt': 'names a local part only',
  // One failure, `zzzzz@shaft.coal.nl (expanded from: zzzzz@nfg.nl)`: flufl returns both addresses,
  // we give one outcome per failed delivery, to the address that failed (as for Postfix's "expanded from").
  'sendmail_01.txt': 'one outcome for an alias and its expansion',
  // "unable to deliver your message to usery@… for the following reason: 552 Quota violation for
  // userx@…": the notice names usery as the recipient; flufl also takes the address quoted in the reply.
  'simple_14.txt': 'the reply quotes a second address',
  // Exim names the recipient as Google obfuscated it, `david...@gmail.com`; flufl's pattern rejects
  // the dots, we keep it (such local parts are real at Japanese carriers, and the DSN part states it).
  'simple_42.txt': 'an obfuscated recipient is kept as written',
  // Names no recipient; we fall back to the returned message's one To (the list's address), flufl finds none.
  'simple_43.txt': 'no recipient named; ours is the returned To',
};

async function failedRecipients(
  row: FluflRow,
): Promise<{ addresses: string[]; events: string[]; kind: string }> {
  const report = await parseBounce(fluflEmail(row.file));
  const failed = report.outcomes.filter(
    (outcome) => outcome.event === 'bounced' || outcome.event === 'deferred',
  );
  return {
    // A DSN may repeat a recipient's group (one per attempt): the set of addresses is compared.
    addresses: [...new Set(failed.map((outcome) => (outcome.recipient ?? '').toLowerCase()))].sort(),
    events: [...new Set(failed.map((outcome) => outcome.event))],
    kind: report.kind,
  };
}

function check(row: FluflRow, found: { addresses: string[]; events: string[]; kind: string }): void {
  expect(found.addresses).toEqual(row.recipients.map((address) => address.toLowerCase()).sort());
  if (row.permanent !== null) expect(found.events).toEqual([row.permanent ? 'bounced' : 'deferred']);
  if (row.kind !== null) expect(found.kind).toBe(row.kind);
}

describe('flufl.bounce samples read as that project expects', () => {
  for (const row of readFluflRows()) {
    const reason = unreadable[row.file];
    if (reason === undefined) {
      it(row.file, async () => check(row, await failedRecipients(row)));
    } else {
      it.fails(`${row.file} (not read: ${reason})`, async () => check(row, await failedRecipients(row)));
    }
  }

  it('every known gap names a sample of the corpus', () => {
    const files = new Set(readFluflRows().map((row) => row.file));
    for (const file of Object.keys(unreadable)) expect(files.has(file), file).toBe(true);
  });

  it('the corpus as a whole stays above its floor (scripts/accuracy-flufl.ts prints the figures)', async () => {
    const score = await scoreFlufl(readFluflRows());
    expect(score.found / score.recipients).toBeGreaterThanOrEqual(0.965);
    expect(score.kindAgreed / score.kindRows).toBeGreaterThanOrEqual(0.99);
    expect(score.permanenceAgreed / score.permanenceRows).toBe(1);
  });
});

interface BounceParserRow {
  readonly file: string;
  /** The source's `is_bounce`: a failure report, or not (an auto-reply, a challenge-response). */
  readonly is_bounce: boolean;
  /** Where the source's test names them (`t/various-unknown.t`): the bounced addresses, its `std_reason`, its reply code. */
  readonly recipients?: readonly string[];
  readonly std_reason?: 'user_unknown' | 'over_quota';
  readonly smtp_code?: number | null;
}

const bounceParser = fileURLToPath(new URL('../__fixtures__/bounceparser/', import.meta.url));

/** Our categories for each BounceParser `std_reason` (`user_unknown`: the mailbox is not there, or no longer). */
const categoriesOf: Readonly<Record<'user_unknown' | 'over_quota', readonly string[]>> = {
  user_unknown: ['mailbox-unknown', 'mailbox-disabled'],
  over_quota: ['mailbox-full'],
};

/** Samples whose category differs from BounceParser's, and why. */
const otherCategory: Readonly<Record<string, string>> = {
  // "553 sorry, badrcptto(user mail-box not found) (#5.7.1)": the reply's own 5.7.1 code says policy.
  'badrcptto.msg': 'policy, from the reply’s own 5.7.1',
};

describe('Mail::DeliveryStatus::BounceParser samples (a third project; see its README)', () => {
  const rows = readFileSync(join(bounceParser, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BounceParserRow);
  for (const row of rows) {
    it(row.file, async () => {
      const report = await parseBounce(readFileSync(join(bounceParser, 'emails', row.file)));
      const failed = report.outcomes.filter((outcome) => outcome.event === 'bounced');
      if (!row.is_bounce) {
        expect(['bounce', 'delay']).not.toContain(report.kind);
        expect(failed).toEqual([]);
        return;
      }
      expect(report.kind).toBe('bounce');
      expect(failed.length).toBeGreaterThan(0);
      if (row.recipients !== undefined)
        expect(failed.map((outcome) => outcome.recipient)).toEqual(row.recipients);
      const outcome = failed[0]!;
      if (row.smtp_code !== undefined && row.smtp_code !== null)
        expect(outcome.reply?.code).toBe(row.smtp_code);
      if (row.std_reason === undefined) return;
      const accepted = categoriesOf[row.std_reason];
      if (otherCategory[row.file] === undefined) expect(accepted).toContain(outcome.verdict.category);
      else expect(accepted).not.toContain(outcome.verdict.category);
    });
  }
});
