import type { Category, DeliveryOutcome, Verdict } from '@mailverdict/core';

/**
 * A tiny adapter used to test the conformance suite itself: it reads `{ recipient, response }` records (the shape
 * of a nodemailer `rejectedErrors` entry, reduced) and classifies by reply code only. Not a real classifier.
 */
export interface SampleRecord {
  readonly recipient?: unknown;
  readonly response?: unknown;
}

function verdict(category: Category, summary: string, permanent: boolean): Verdict {
  return {
    category,
    permanence: permanent ? 'permanent' : 'transient',
    scope: category === 'unknown' ? 'destination' : 'recipient',
    suppressRecipient: category === 'mailbox-unknown',
    retry: { allowed: !permanent, changeRequired: false },
    rule: `sample.${category}`,
    confidence: 0.5,
    summary,
  };
}

function unknown(input: unknown, reason: string): DeliveryOutcome {
  return {
    provider: 'sample',
    event: 'failed',
    origin: 'local',
    providerDetail: {},
    verdict: verdict('unknown', `Not a sample record: ${reason}.`, true),
    raw: input,
  };
}

function convertOne(record: unknown): DeliveryOutcome {
  if (record === null || typeof record !== 'object') return unknown(record, 'not an object');
  const { recipient, response } = record as SampleRecord;
  if (typeof recipient !== 'string' || recipient === '' || typeof response !== 'string') {
    return unknown(record, 'no recipient or response');
  }
  const code = Number.parseInt(response.slice(0, 3), 10);
  if (!(code >= 200 && code < 600)) return unknown(record, 'the response has no reply code');
  if (code < 300) {
    return {
      provider: 'sample',
      event: 'accepted',
      recipient,
      origin: 'remote-server',
      providerDetail: { code },
      verdict: verdict('delivered', 'Accepted.', false),
      raw: record,
    };
  }
  const permanent = code >= 500;
  return {
    provider: 'sample',
    event: permanent ? 'rejected' : 'deferred',
    recipient,
    origin: 'remote-server',
    providerDetail: { code },
    verdict: verdict(permanent ? 'mailbox-unknown' : 'deferred', `The server answered ${code}.`, permanent),
    raw: record,
  };
}

/** One record, or an array of records (a batch). Never throws. */
export function convertSample(input: unknown): DeliveryOutcome[] {
  try {
    if (Array.isArray(input)) {
      if (input.length === 0 || input.length > 1000) return [];
      return input.map((item: unknown) => convertOne(item));
    }
    return [convertOne(input)];
  } catch (error) {
    return [unknown(input, `reading it threw (${error instanceof Error ? error.message : 'non-error'})`)];
  }
}
