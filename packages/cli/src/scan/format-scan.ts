// `scan`'s report: what a deliverability engineer wants first — per destination the deferrals and
// bounces by category, the top replies with their explanation, whose move each failure is, and the
// recipients to stop mailing. Text for people (coloured on a terminal), JSON for scripts.
import type { Category } from '@mailverdict/core';
import { explain } from '@mailverdict/core/explain';
import type { Colors } from '../output/colors';
import { count, formatTable } from '../output/table';
import type { DestinationTally, Owner, ReplyGroup, ScanTally } from './scan-tally';

export interface ScanReportOptions {
  /** How many reply groups and destinations to print in full. */
  readonly top: number;
  /** How many recipients to list (all are in the JSON). */
  readonly listRecipients: number;
}

const ownerTitles: Readonly<Record<Owner, string>> = {
  ours: 'Ours to fix (sending set-up, authentication, reputation, block lists, content, account)',
  recipients: 'The recipients’ (addresses and mailboxes)',
  destination: 'The receiving side’s (usually temporary: their load, greylisting, network)',
};

function sorted<K>(map: ReadonlyMap<K, number>): [K, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

function failures(tally: DestinationTally): number {
  return tally.counts.deferred + tally.counts.bounced + tally.counts.expired;
}

function categoryList(map: ReadonlyMap<Category, number>): string {
  return sorted(map)
    .map(([category, value]) => `${category} ${count(value)}`)
    .join(', ');
}

function topGroups(tally: ScanTally, top: number): ReplyGroup[] {
  return [...tally.replies.values()]
    .sort((a, b) => b.count - a.count || a.sample.localeCompare(b.sample))
    .slice(0, top);
}

function topDestinations(tally: ScanTally): DestinationTally[] {
  return [...tally.destinations.values()].sort(
    (a, b) => failures(b) - failures(a) || b.counts.sent - a.counts.sent || a.name.localeCompare(b.name),
  );
}

export function formatScanText(tally: ScanTally, colors: Colors, options: ScanReportOptions): string {
  const out: string[] = [];
  const title = (text: string) => out.push('', colors.bold(text));
  const { sent, deferred, bounced, expired } = tally.statuses;
  out.push(
    colors.bold(
      `mailverdict scan: ${count(tally.lines)} lines, ${count(tally.deliveries)} delivery attempts`,
    ),
    `  ${colors.green(`sent ${count(sent)}`)}  ${colors.yellow(`deferred ${count(deferred)}`)}  ${colors.red(
      `bounced ${count(bounced)}`,
    )}  expired ${count(expired)}`,
  );
  if (tally.deliveries === 0) {
    out.push('', 'No Postfix, Exim or Sendmail delivery lines found.');
    return `${out.join('\n')}\n`;
  }

  title('By destination');
  const destinations = topDestinations(tally);
  const rows: string[][] = [['destination', 'sent', 'deferred', 'bounced', 'expired']];
  for (const destination of destinations.slice(0, options.top))
    rows.push([
      destination.name,
      count(destination.counts.sent),
      count(destination.counts.deferred),
      count(destination.counts.bounced),
      count(destination.counts.expired),
    ]);
  const table = formatTable(rows);
  out.push(`  ${colors.dim(table[0] ?? '')}`);
  destinations.slice(0, options.top).forEach((destination, index) => {
    out.push(`  ${table[index + 1] ?? ''}`);
    for (const status of ['deferred', 'bounced', 'expired'] as const)
      if (destination.categories[status].size > 0)
        out.push(`      ${colors.dim(`${status}:`)} ${categoryList(destination.categories[status])}`);
  });
  if (destinations.length > options.top)
    out.push(`  … and ${count(destinations.length - options.top)} more destinations (--top to see more)`);

  const groups = topGroups(tally, options.top);
  if (groups.length > 0) {
    title('Top replies');
    groups.forEach((group, index) => {
      const explanation = explain(group.verdict);
      out.push(
        `  ${index + 1}. ${colors.bold(`${count(group.count)}×`)} ${group.destination}: ${colors.cyan(
          explanation.headline,
        )}`,
        `     ${group.sample.replaceAll('\n', ' ')}`,
        `     ${explanation.summary}`,
      );
      const step = explanation.steps[0];
      if (step !== undefined) out.push(`     ${colors.dim('What to do:')} ${step}`);
    });
  }

  title('Whose move');
  for (const owner of ['ours', 'recipients', 'destination'] as const) {
    const map = tally.owners[owner];
    if (map.size === 0) continue;
    let total = 0;
    for (const value of map.values()) total += value;
    const heading = `${ownerTitles[owner]}: ${count(total)}`;
    out.push(`  ${owner === 'ours' ? colors.red(heading) : heading}`, `      ${categoryList(map)}`);
  }

  const suppressed = [...tally.suppressed.values()];
  const totalSuppressed = suppressed.length + tally.suppressedOverflow;
  title(`Recipients to suppress: ${count(totalSuppressed)}`);
  if (totalSuppressed === 0) out.push('  none');
  for (const item of suppressed.slice(0, options.listRecipients))
    out.push(`  ${item.recipient}  ${colors.dim(`${item.category}, ${item.destination}`)}`);
  if (totalSuppressed > options.listRecipients)
    out.push(`  … and ${count(totalSuppressed - options.listRecipients)} more (--json lists them all)`);
  return `${out.join('\n')}\n`;
}

export function scanReportJson(tally: ScanTally, options: ScanReportOptions): unknown {
  const object = <K extends string>(map: ReadonlyMap<K, number>) => Object.fromEntries(sorted(map));
  return {
    lines: tally.lines,
    deliveries: tally.deliveries,
    statuses: tally.statuses,
    formats: tally.formats,
    destinations: topDestinations(tally).map((destination) => ({
      destination: destination.name,
      ...destination.counts,
      categories: {
        deferred: object(destination.categories.deferred),
        bounced: object(destination.categories.bounced),
        expired: object(destination.categories.expired),
      },
    })),
    topReplies: topGroups(tally, options.top).map((group) => {
      const explanation = explain(group.verdict);
      return {
        count: group.count,
        destination: group.destination,
        reply: group.sample,
        category: group.verdict.category,
        status: group.verdict.status,
        scope: group.verdict.scope,
        rule: group.verdict.rule,
        headline: explanation.headline,
        summary: explanation.summary,
        steps: explanation.steps,
        links: explanation.links,
      };
    }),
    owners: {
      ours: object(tally.owners.ours),
      recipients: object(tally.owners.recipients),
      destination: object(tally.owners.destination),
    },
    suppress: [...tally.suppressed.values()],
    suppressNotListed: tally.suppressedOverflow,
    needsAction: tally.needsAction(),
  };
}
