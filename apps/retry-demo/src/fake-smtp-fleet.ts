// The simulated destinations' mail servers: one real SMTP server per destination on a loopback port,
// each answering with a testkit persona, all on the simulated clock (greylisting delays and
// deferral windows are simulated minutes). Scenario choices live here, in one place:
// - gmail.com: `unknown-*` → 550-5.1.1; `full-*` → 452-4.2.2 for the first two simulated days;
//   mail from the unsigned newsletter domain → 550-5.7.26 (DMARC) after the body; every 25th RCPT
//   → 421-4.7.28 (rate limited).
// - outlook.com: `unknown-*` → 550 5.1.10; 451 4.7.650 (IP reputation) for the first 45 minutes.
// - yahoo.com: `unknown-*` → 554 after the body; 421 4.7.0 [TSS04] for the first 40 minutes.
// - greylist.example: postgrey-style greylisting, 5 minutes.
// - slow.example: accepts everything, slowly (real milliseconds per reply).
// - dead.example: nothing listens (connection refused), until the 5-day give-up.
// - corp.example: mail goes through our relay, which accepts with 250 and reports later by email
//   (fake-relay.ts): `unknown-*` → a failure DSN with the next hop's 550 5.1.10, else a success DSN.
// - flaky.example: `lost-*` → the MX keeps the message and drops the connection before its 250
//   (testkit's lostReply: the reply is lost, the log marks the message `replyDropped`).
import {
  gmailLike,
  greylisting,
  lostReply,
  microsoftLike,
  type RunningFakeSmtp,
  type SmtpLogMessage,
  type SmtpScript,
  slowHost,
  startDeadHost,
  startFakeSmtp,
  yahooLike,
} from '@mailverdict/testkit';
import { startFakeRelay } from './fake-relay';
import { destinations, type Persona, scenarioStart, senders } from './scenario';

const minute = 60_000;
const day = 24 * 60 * minute;

export interface SmtpRoute {
  readonly host: string;
  readonly port: number;
  /** Client timeouts for this destination, in real milliseconds. */
  readonly timeoutMs: number;
  /** The route is our relay: its 250 is not delivery, the report comes later by email (RFC 3464). */
  readonly relay?: boolean;
}

export interface SmtpFleet {
  /** Recipient domain → the fake MX to connect to. */
  readonly routes: Readonly<Record<string, SmtpRoute>>;
  /** Every message any fake MX accepted, in order. */
  messages(): SmtpLogMessage[];
  /** The Maildir the relay writes its delivery status notifications to (our return path's mailbox). */
  readonly bounceMaildir: string;
  /** Lets the relay write the reports due by now. */
  deliverReports(): void;
  /** Whether an accepted copy reached the recipient's mailbox (false when the relay's next hop refused it). */
  delivered(message: SmtpLogMessage): boolean;
  close(): Promise<void>;
}

/** Simulated time between the relay's 250 and its report. */
const relayReportDelayMs = 30 * minute;

/** The script of a destination's MX; `undefined` for the dead host (nothing listens). */
function scriptFor(persona: Persona): SmtpScript | undefined {
  switch (persona) {
    case 'gmail':
      return gmailLike({
        every: { ratelimit: 25 },
        choose: (context) => {
          if ((context.from ?? '').toLowerCase() === senders.newsletter) return 'unauthenticated';
          const local = (context.recipient ?? '').toLowerCase();
          if (local.startsWith('full-')) return context.now < scenarioStart + 2 * day ? 'full' : 'accept';
          return undefined;
        },
      }).script;
    case 'microsoft':
      return microsoftLike({
        choose: (context) => {
          if ((context.recipient ?? '').toLowerCase().startsWith('unknown-')) return 'unknown';
          return context.now < scenarioStart + 45 * minute ? 'ratelimit' : undefined;
        },
      }).script;
    case 'yahoo':
      return yahooLike({
        choose: (context) => {
          if ((context.recipient ?? '').toLowerCase().startsWith('unknown-')) return 'unknown';
          return context.now < scenarioStart + 40 * minute ? 'ratelimit' : undefined;
        },
      }).script;
    case 'greylisting':
      return greylisting({ delayMs: 5 * minute }).script;
    case 'slow':
      return slowHost({ replyDelayMs: 15 }).script;
    case 'lost-reply':
      return lostReply({
        when: (context) => context.recipients.some((to) => to.toLowerCase().startsWith('lost-')),
      }).script;
    case 'dead':
    case 'relay':
      return undefined;
  }
}

export async function startSmtpFleet(now: () => number, bounceMaildir: string): Promise<SmtpFleet> {
  const servers: RunningFakeSmtp[] = [];
  const closers: Array<() => Promise<void>> = [];
  const routes: Record<string, SmtpRoute> = {};
  const relay = await startFakeRelay(now, bounceMaildir, relayReportDelayMs);
  servers.push(relay.server);
  closers.push(() => relay.server.close());
  for (const destination of destinations) {
    if (destination.persona === 'relay') {
      routes[destination.domain] = {
        host: relay.server.host,
        port: relay.server.port,
        timeoutMs: 5000,
        relay: true,
      };
      continue;
    }
    const script = scriptFor(destination.persona);
    if (script === undefined) {
      const dead = await startDeadHost('refuse');
      closers.push(() => dead.close());
      routes[destination.domain] = { host: dead.host, port: dead.port, timeoutMs: 2000 };
      continue;
    }
    const server = await startFakeSmtp(script, { now, name: `mx.${destination.domain}` });
    servers.push(server);
    closers.push(() => server.close());
    routes[destination.domain] = { host: server.host, port: server.port, timeoutMs: 5000 };
  }
  return {
    routes,
    messages: () => servers.flatMap((server) => server.log.messages),
    bounceMaildir,
    deliverReports: () => relay.deliverReports(),
    delivered: (message) =>
      !relay.server.log.messages.includes(message) || message.to.every((to) => relay.delivers(to)),
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
