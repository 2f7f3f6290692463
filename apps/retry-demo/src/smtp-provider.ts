// Our own SMTP sending, through nodemailer, straight to each destination's MX. The app never looks
// at nodemailer's errors itself: `@mailverdict/nodemailer` turns every result into DeliveryOutcomes.
import type { DeliveryOutcome } from '@mailverdict/core';
import { sendMail } from '@mailverdict/nodemailer';
import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpRoute } from './fake-smtp-fleet';
import type { OutgoingMail, ProviderPort } from './ports';

export interface SmtpProviderOptions {
  /** Recipient domain → MX host and port (a real deployment looks the MX up in DNS). */
  readonly routes: Readonly<Record<string, SmtpRoute>>;
  /** Our HELO/EHLO name. */
  readonly heloName: string;
  readonly lookup: ProviderPort['lookup'];
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function createSmtpProvider(options: SmtpProviderOptions): ProviderPort {
  const transports = new Map<string, Transporter>();
  const transportFor = (domain: string): Transporter => {
    let transport = transports.get(domain);
    if (transport !== undefined) return transport;
    const route = options.routes[domain];
    if (route === undefined) throw new Error(`smtp: no route for ${domain}`);
    transport = createTransport({
      host: route.host,
      port: route.port,
      secure: false,
      // Keep connections to a destination open and send several messages on each, as an MTA's
      // connection cache does: opening a session costs a greeting round trip (more with a slow host).
      pool: true,
      maxConnections: 4,
      maxMessages: 100,
      // The fakes speak plain SMTP on loopback; against real MXs keep STARTTLS (see README).
      ignoreTLS: true,
      name: options.heloName,
      connectionTimeout: route.timeoutMs,
      greetingTimeout: route.timeoutMs,
      socketTimeout: route.timeoutMs,
    });
    transports.set(domain, transport);
    return transport;
  };
  return {
    name: 'smtp',
    // Straight to the MX, its 250 is delivery; our relay's 250 is not (it reports by email later).
    acceptedIsDelivery: (recipient) => options.routes[domainOf(recipient)]?.relay !== true,
    async send(mail: OutgoingMail): Promise<DeliveryOutcome[]> {
      const domain = domainOf(mail.to);
      const result = await sendMail(transportFor(domain), {
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // The attempt id travels as the Message-ID: it is how a restarted process finds the attempt again.
        messageId: `<${mail.attemptId}>`,
        headers: { 'X-Outbox-Id': mail.outboxId },
        // Through a relay, ask for a report either way, with the headers returned (RFC 3461 §4.1, §4.3):
        // the success report is what turns "accepted by the relay" into "delivered".
        ...(options.routes[domain]?.relay === true
          ? {
              dsn: {
                id: mail.outboxId,
                return: 'headers',
                notify: ['success', 'failure'],
                recipient: mail.from,
              },
            }
          : {}),
      });
      return result.outcomes;
    },
    lookup: options.lookup,
    close() {
      for (const transport of transports.values()) transport.close();
      transports.clear();
    },
  };
}
