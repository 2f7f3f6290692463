// The return path's mailbox: where a relay that answered 250 tells us, later and by email, what the
// next hop did (RFC 3464 delivery status notifications). Each new email in the Maildir is read with
// `parseBounce` and stored like a webhook event (one transaction, deduplicated by its file name),
// then moved to `cur/` — stored first, so a crash between the two only means reading it again.
// The runner applies it like a webhook: matched to the attempt by the returned Message-ID (our
// attempt id, see smtp-provider.ts), it turns "accepted by the relay" into delivered or bounced.
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseBounce } from '@mailverdict/bounce';
import type { DeliveryOutcome } from '@mailverdict/core';
import { stripBrackets } from './fakes';
import type { WebhookPort } from './runner';
import type { Store } from './store';

/** What is stored per report: the outcomes and the Message-ID of the message it is about. */
export interface StoredReport {
  readonly kind: string;
  readonly messageId?: string;
  readonly outcomes: readonly DeliveryOutcome[];
}

/** Reads the reports that arrived in `maildir/new` into the store; returns how many were new. */
export async function readBounceMailbox(maildir: string, store: Store, now: number): Promise<number> {
  let stored = 0;
  // Maildir order is arrival order only by convention; names start with the relay's time, so sort.
  for (const file of readdirSync(join(maildir, 'new')).sort()) {
    const path = join(maildir, 'new', file);
    const report = await parseBounce(readFileSync(path));
    const body: StoredReport = {
      kind: report.kind,
      ...(report.original?.messageId === undefined ? {} : { messageId: report.original.messageId }),
      outcomes: report.outcomes,
    };
    const added = store.recordWebhook({
      id: `dsn:${file}`,
      messageId: body.messageId ?? null,
      receivedAt: now,
      recordType: `dsn-${report.kind}`,
      payload: JSON.stringify({ provider: 'smtp', body }),
    });
    if (added) stored++;
    renameSync(path, join(maildir, 'cur', `${file}:2,S`));
  }
  return stored;
}

/** The runner's view of a stored report (the same shape as a provider's webhook). */
export const bounceReportPort: WebhookPort = {
  convert: (payload) => [...((payload as StoredReport).outcomes ?? [])],
  correlate: (payload) => {
    const messageId = (payload as StoredReport).messageId;
    return messageId === undefined ? {} : { attemptId: stripBrackets(messageId.trim()) };
  },
};
