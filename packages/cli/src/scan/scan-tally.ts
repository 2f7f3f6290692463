// Everything `scan` reports, counted while the lines stream past. Each table is capped, so memory
// stays flat however long the log is: past a cap the counts still add up under `(other)`.
import { type Category, destinationOf, type Scope, type Verdict } from '@mailverdict/core';
import type { LogEvent, LogFormat, LogStatus } from '../logs/log-event';
import { detach } from './detach';
import { domainOf, judgeEvent } from './judge-event';

export const maxDestinations = 5_000;
export const maxReplyGroups = 5_000;
export const maxSuppressed = 100_000;

/** Whose move it is, from the verdict's scope (docs/taxonomy.md). */
export type Owner = 'ours' | 'recipients' | 'destination';

export function ownerOf(scope: Scope): Owner {
  if (scope === 'sender' || scope === 'provider' || scope === 'message') return 'ours';
  if (scope === 'recipient') return 'recipients';
  return 'destination';
}

export type FailureStatus = Exclude<LogStatus, 'sent'>;

export interface DestinationTally {
  readonly name: string;
  readonly counts: Record<LogStatus, number>;
  /** Failures by status, then category. */
  readonly categories: Record<FailureStatus, Map<Category, number>>;
}

/** Failures the classifier judged alike (same rule, status and destination), with the first reply seen. */
export interface ReplyGroup {
  readonly destination: string;
  readonly verdict: Verdict;
  readonly sample: string;
  count: number;
}

export interface SuppressedRecipient {
  readonly recipient: string;
  readonly category: Category;
  readonly destination: string;
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const otherName = '(other)';

/**
 * The destination a recipient belongs to: its mailbox provider when core knows the domain
 * (`gmail.com` → `google`), else the domain; the relay for a line with no recipient domain. A pure
 * function of the line, so sent and failed deliveries to one domain always land in one row.
 */
export function destinationNameOf(recipient: string | undefined, event: LogEvent): string | undefined {
  const domain = domainOf(recipient);
  if (domain !== undefined) return destinationOf(domain);
  return event.relay;
}

export class ScanTally {
  lines = 0;
  deliveries = 0;
  readonly statuses: Record<LogStatus, number> = { sent: 0, deferred: 0, bounced: 0, expired: 0 };
  readonly formats: Record<LogFormat, number> = { postfix: 0, exim: 0, sendmail: 0 };
  readonly destinations = new Map<string, DestinationTally>();
  readonly replies = new Map<string, ReplyGroup>();
  readonly owners: Record<Owner, Map<Category, number>> = {
    ours: new Map(),
    recipients: new Map(),
    destination: new Map(),
  };
  readonly suppressed = new Map<string, SuppressedRecipient>();
  suppressedOverflow = 0;

  /** Counts one line; returns its event and verdict when the line recorded a failure. */
  add(
    line: string,
    parse: (line: string) => LogEvent | undefined,
  ): { event: LogEvent; verdict?: Verdict } | undefined {
    this.lines++;
    const event = parse(line);
    if (event === undefined) return undefined;
    const recipients = event.recipients.length === 0 ? [undefined] : event.recipients;
    this.deliveries += recipients.length;
    this.statuses[event.status] += recipients.length;
    this.formats[event.format] += recipients.length;
    if (event.status === 'sent') {
      for (const recipient of recipients) this.destination(destinationNameOf(recipient, event)).counts.sent++;
      return { event };
    }
    // Detached: the verdict keeps the reply text, and a reply group keeps the verdict (detach.ts).
    const { verdict, text } = judgeEvent(event, detach);
    const status = event.status;
    for (const recipient of recipients) {
      const destination = this.destination(destinationNameOf(recipient, event));
      destination.counts[status]++;
      increment(destination.categories[status], verdict.category);
      increment(this.owners[ownerOf(verdict.scope)], verdict.category);
      this.group(destination.name, verdict, text);
      if (verdict.suppressRecipient && recipient !== undefined)
        this.suppress(recipient, verdict, destination.name);
    }
    return { event, verdict };
  }

  private destination(name: string | undefined): DestinationTally {
    let key = name === undefined || name === '' ? '(unknown)' : name.toLowerCase();
    if (this.destinations.has(key)) return this.destinations.get(key) as DestinationTally;
    key = detach(key);
    if (!this.destinations.has(key) && this.destinations.size >= maxDestinations) key = otherName;
    let tally = this.destinations.get(key);
    if (tally === undefined) {
      tally = {
        name: key,
        counts: { sent: 0, deferred: 0, bounced: 0, expired: 0 },
        categories: { deferred: new Map(), bounced: new Map(), expired: new Map() },
      };
      this.destinations.set(key, tally);
    }
    return tally;
  }

  private group(destination: string, verdict: Verdict, reply: string): void {
    const key = `${destination}\u0000${verdict.rule}\u0000${verdict.status ?? ''}\u0000${verdict.reply?.code ?? ''}`;
    const group = this.replies.get(key);
    if (group !== undefined) {
      group.count++;
      return;
    }
    if (this.replies.size >= maxReplyGroups) return;
    // Keep a bounded sample: a reply is rarely longer than a few hundred characters.
    this.replies.set(key, { destination, verdict, sample: reply.slice(0, 2_000), count: 1 });
  }

  private suppress(recipient: string, verdict: Verdict, destination: string): void {
    const key = recipient.toLowerCase();
    if (this.suppressed.has(key)) return;
    if (this.suppressed.size >= maxSuppressed) {
      this.suppressedOverflow++;
      return;
    }
    this.suppressed.set(detach(key), {
      recipient: detach(recipient),
      category: verdict.category,
      destination,
    });
  }

  /** Failures that need action from us, or recipients to stop mailing: `scan` exits 1. */
  needsAction(): boolean {
    let ours = 0;
    for (const value of this.owners.ours.values()) ours += value;
    return ours > 0 || this.suppressed.size > 0 || this.suppressedOverflow > 0;
  }
}
