// The outbox: who gets mail, through which provider, and what each destination will do with it.
// Generated from the seed alone, so a run is reproducible and a test can say what is inevitable.
import { createRandom } from './prng';
import type { NewMessage, ProviderName } from './store';

/** A simulated destination: a recipient domain and the fake MX persona that answers for it. */
export type Persona =
  | 'gmail'
  | 'microsoft'
  | 'yahoo'
  | 'greylisting'
  | 'slow'
  | 'dead'
  | 'relay'
  | 'lost-reply';

export interface Destination {
  readonly domain: string;
  readonly persona: Persona;
  /** Share of the outbox (weights, not percentages). */
  readonly weight: number;
}

export const destinations: readonly Destination[] = [
  { domain: 'gmail.com', persona: 'gmail', weight: 26 },
  { domain: 'outlook.com', persona: 'microsoft', weight: 20 },
  { domain: 'yahoo.com', persona: 'yahoo', weight: 18 },
  { domain: 'greylist.example', persona: 'greylisting', weight: 16 },
  { domain: 'slow.example', persona: 'slow', weight: 10 },
  { domain: 'dead.example', persona: 'dead', weight: 2 },
  // A company domain our SMTP route reaches through our relay: bounces come back by email.
  { domain: 'corp.example', persona: 'relay', weight: 10 },
  // An MX that keeps some messages and drops the connection before its 250 (a lost reply).
  { domain: 'flaky.example', persona: 'lost-reply', weight: 4 },
];

/**
 * What a recipient is, which decides what the fakes answer. The local part carries it
 * (`unknown-17@gmail.com`), so the fake servers need no shared state with the app.
 * - `ok`: a normal mailbox.
 * - `unknown`: the address does not exist (SMTP 550 5.1.1; Postmark: a hard-bounce webhook).
 * - `inactive`: Postmark has it on its suppression list (HTTP 422, ErrorCode 406); the MX knows it as unknown.
 * - `full`: over quota for the first two simulated days, then accepts (452 4.2.2).
 * - `lost`: the MX keeps the message and drops the connection instead of answering (its reply is lost).
 */
export type RecipientKind = 'ok' | 'unknown' | 'inactive' | 'full' | 'lost';

/** The sender identities. `news@` is signed by nothing: Gmail-like MXs reject it (550 5.7.26, DMARC). */
export const senders = {
  transactional: 'receipts@shop.example',
  newsletter: 'news@unsigned.example',
} as const;

export type SenderKind = keyof typeof senders;

export interface OutboxMessage extends NewMessage {
  readonly kind: RecipientKind;
  readonly sender: SenderKind;
}

export interface Scenario {
  readonly seed: number;
  readonly startAt: number;
  readonly messages: readonly OutboxMessage[];
}

/** Simulated start of every run: a fixed instant, so reports are reproducible. */
export const scenarioStart = Date.UTC(2026, 10, 23, 9, 0, 0);

/** Messages are enqueued over the first simulated hour, as an application would create them. */
const enqueueWindowMs = 60 * 60_000;

export function kindOf(recipient: string): RecipientKind {
  const local = recipient.slice(0, recipient.indexOf('@')).toLowerCase();
  if (local.startsWith('unknown-')) return 'unknown';
  if (local.startsWith('inactive-')) return 'inactive';
  if (local.startsWith('full-')) return 'full';
  if (local.startsWith('lost-')) return 'lost';
  return 'ok';
}

export function createScenario(seed: number, count: number): Scenario {
  const random = createRandom(seed);
  const totalWeight = destinations.reduce((sum, destination) => sum + destination.weight, 0);
  const messages: OutboxMessage[] = [];
  const width = String(count).length;
  // A few addresses receive several messages, so a later message meets the suppression list.
  const repeated: string[] = [];
  for (let index = 0; index < count; index++) {
    let roll = random.next() * totalWeight;
    let destination = destinations[0] as Destination;
    for (const candidate of destinations) {
      roll -= candidate.weight;
      if (roll < 0) {
        destination = candidate;
        break;
      }
    }
    // Transactional mail goes through Postmark, the newsletter through our own SMTP.
    const provider: ProviderName = random.next() < 0.35 ? 'postmark' : 'smtp';
    const kindRoll = random.next();
    let kind: RecipientKind = 'ok';
    // Unknown and inactive addresses live where the MX (or the relay's next hop) checks recipients.
    const checksRecipients =
      destination.persona === 'gmail' ||
      destination.persona === 'microsoft' ||
      destination.persona === 'yahoo' ||
      destination.persona === 'relay';
    if (destination.persona === 'lost-reply') kind = kindRoll < 0.5 ? 'lost' : 'ok';
    else if (!checksRecipients) kind = 'ok';
    else if (kindRoll < 0.08) kind = 'unknown';
    else if (kindRoll < 0.12 && provider === 'postmark') kind = 'inactive';
    else if (kindRoll < 0.15 && destination.persona === 'gmail') kind = 'full';
    let recipient = `${kind === 'ok' ? 'user' : kind}-${index}@${destination.domain}`;
    if ((kind === 'unknown' || kind === 'inactive') && repeated.length > 0 && random.next() < 0.3) {
      recipient = random.pick(repeated);
      kind = kindOf(recipient);
    } else if (kind === 'unknown' || kind === 'inactive') {
      repeated.push(recipient);
    }
    const domain = recipient.slice(recipient.indexOf('@') + 1);
    // The newsletter goes out through our own SMTP; Gmail-like MXs reject it (unsigned: DMARC).
    const sender: SenderKind =
      provider === 'smtp' && kind === 'ok' && random.next() < 0.12 ? 'newsletter' : 'transactional';
    messages.push({
      id: `m${String(index + 1).padStart(width, '0')}`,
      recipient,
      destination: domain,
      provider,
      createdAt: scenarioStart + Math.floor((index / count) * enqueueWindowMs),
      kind,
      sender,
    });
  }
  return { seed, startAt: scenarioStart, messages };
}

export function destinationOf(domain: string): Destination | undefined {
  return destinations.find((destination) => destination.domain === domain);
}
