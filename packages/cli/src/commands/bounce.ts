// `bounce <file|dir|mbox|Maildir>…`: every bounce email → its outcomes (a table, or JSON lines),
// then a summary by category and destination.
import { basename } from 'node:path';
import { parseBounce } from '@mailverdict/bounce';
import { type DeliveryOutcome, destinationOf } from '@mailverdict/core';
import { type ExitCode, exitCodes } from '../exit-codes';
import { mailItems } from '../input/mail-sources';
import { colorsFor } from '../output/colors';
import { count } from '../output/table';
import { complain, write } from '../output/write';
import { domainOf } from '../scan/judge-event';

export interface BounceOptions {
  readonly json?: boolean;
}

function destinationOfOutcome(outcome: DeliveryOutcome): string {
  const domain = domainOf(outcome.recipient);
  return domain === undefined ? (outcome.verdict.provider ?? '(unknown)') : destinationOf(domain);
}

const header = ['source', 'kind', 'event', 'recipient', 'category', 'status', 'destination'];
const widths = [16, 12, 10, 28, 20, 8];

function formatRow(cells: readonly string[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join(' ')
    .trimEnd();
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function listed(map: ReadonlyMap<string, number>): string {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, value]) => `${key} ${count(value)}`)
    .join(', ');
}

export async function runBounce(paths: readonly string[], options: BounceOptions): Promise<ExitCode> {
  if (paths.length === 0 && process.stdin.isTTY === true) {
    complain('bounce', 'give bounce emails: files, directories, mbox files or Maildirs (see --help)');
    return exitCodes.usage;
  }
  const colors = colorsFor(process.stdout);
  const categories = new Map<string, number>();
  const destinations = new Map<string, number>();
  const kinds = new Map<string, number>();
  let emails = 0;
  let failed = 0;
  let needsAction = false;
  let headerShown = false;
  for await (const item of mailItems(paths.length === 0 ? ['-'] : paths)) {
    if ('error' in item) {
      failed++;
      complain('bounce', `cannot read ${item.source}: ${item.error}; going on with the rest`);
      continue;
    }
    emails++;
    const report = await parseBounce(item.raw);
    increment(kinds, report.kind);
    const rows: string[][] = [];
    let lines = '';
    for (const outcome of report.outcomes) {
      const verdict = outcome.verdict;
      const destination = destinationOfOutcome(outcome);
      if (outcome.event !== 'delivered') {
        increment(categories, verdict.category);
        increment(destinations, destination);
      }
      if (outcome.event === 'bounced' || outcome.event === 'complained') needsAction = true;
      if (options.json === true)
        lines += `${JSON.stringify({
          type: 'outcome',
          source: item.source,
          kind: report.kind,
          format: report.format,
          recipient: outcome.recipient,
          event: outcome.event,
          destination,
          category: verdict.category,
          status: verdict.status,
          permanence: verdict.permanence,
          scope: verdict.scope,
          suppressRecipient: verdict.suppressRecipient,
          reply: outcome.reply?.raw,
          summary: verdict.summary,
          messageId: report.original?.messageId,
        })}\n`;
      else
        rows.push([
          basename(item.source),
          report.kind,
          outcome.event,
          outcome.recipient ?? '-',
          verdict.category,
          verdict.status ?? '-',
          destination,
        ]);
    }
    if (options.json !== true && report.outcomes.length === 0)
      rows.push([basename(item.source), report.kind, '-', '-', '-', '-', report.problems[0] ?? '']);
    if (options.json === true) {
      if (report.outcomes.length === 0)
        lines += `${JSON.stringify({ type: 'report', source: item.source, kind: report.kind, format: report.format, problems: report.problems })}\n`;
      await write(process.stdout, lines);
      continue;
    }
    // The table streams, one email at a time, so its columns have fixed widths (longer cells push on).
    if (!headerShown) {
      await write(process.stdout, `${colors.dim(formatRow(header))}\n`);
      headerShown = true;
    }
    await write(process.stdout, `${rows.map(formatRow).join('\n')}\n`);
  }
  const summary = {
    type: 'summary',
    emails,
    unreadable: failed,
    kinds: Object.fromEntries(kinds),
    categories: Object.fromEntries(categories),
    destinations: Object.fromEntries(destinations),
  };
  if (options.json === true) await write(process.stdout, `${JSON.stringify(summary)}\n`);
  else
    await write(
      process.stdout,
      [
        '',
        colors.bold(
          `${count(emails)} ${emails === 1 ? 'email' : 'emails'}${failed > 0 ? `, ${count(failed)} unreadable` : ''}: ${listed(kinds) || 'none'}`,
        ),
        `  by category:    ${listed(categories) || 'none'}`,
        `  by destination: ${listed(destinations) || 'none'}`,
        '',
      ].join('\n'),
    );
  if (failed > 0) return exitCodes.usage;
  return needsAction ? exitCodes.actionNeeded : exitCodes.ok;
}
