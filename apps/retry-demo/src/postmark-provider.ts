// Sending through the Postmark API with the real `postmark` client. Every answer — a send response,
// any error the client rejects with, every webhook — becomes DeliveryOutcomes in
// `@mailverdict/postmark`; the app adds no Postmark-specific retry logic.
import type { DeliveryOutcome } from '@mailverdict/core';
import { createWebhookGuard, hasOutboundMessage, postmarkAdapter, sendEmail } from '@mailverdict/postmark';
import { ServerClient } from 'postmark';
import type { OutgoingMail, ProviderPort } from './ports';
import type { WebhookPort } from './runner';

export interface PostmarkProviderOptions {
  /** `127.0.0.1:PORT` for the fake; absent → api.postmarkapp.com over HTTPS. */
  readonly requestHost?: string;
  readonly serverToken: string;
}

export function createPostmarkProvider(options: PostmarkProviderOptions): ProviderPort {
  const client =
    options.requestHost === undefined
      ? new ServerClient(options.serverToken)
      : // packages/postmark/PROVIDER.md §3: the exact options that point the real client at a local fake.
        new ServerClient(options.serverToken, {
          useHttps: false,
          requestHost: options.requestHost,
          timeout: 10,
        });
  return {
    name: 'postmark',
    acceptedIsDelivery: () => false,
    async send(mail: OutgoingMail): Promise<DeliveryOutcome[]> {
      const { outcomes } = await sendEmail(client, {
        From: mail.from,
        To: mail.to,
        Subject: mail.subject,
        TextBody: mail.text,
        MessageStream: 'outbound',
        // The attempt id travels as metadata: webhooks carry it back, and the message search finds it.
        Metadata: { outbox: mail.outboxId, attempt: mail.attemptId },
        Headers: [{ Name: 'Message-ID', Value: `<${mail.attemptId}>` }],
      });
      return outcomes;
    },
    // Postmark's outbound message search by the attempt's metadata (@mailverdict/postmark): after a
    // lost reply, and for an attempt in flight when the process died.
    search: (attemptId, recipient) => hasOutboundMessage(client, { attempt: attemptId }, recipient),
    lookup: async (attemptId) =>
      (await hasOutboundMessage(client, { attempt: attemptId })) ? 'accepted' : 'absent',
    close() {},
  };
}

function metadataOf(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null) return {};
  const metadata = (payload as Record<string, unknown>).Metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
}

export const postmarkWebhookPort: WebhookPort = {
  convert: (payload) => postmarkAdapter.fromWebhook(payload),
  correlate(payload) {
    const attempt = metadataOf(payload).attempt;
    const messageId =
      typeof payload === 'object' && payload !== null
        ? (payload as Record<string, unknown>).MessageID
        : undefined;
    return {
      ...(typeof attempt === 'string' ? { attemptId: attempt } : {}),
      ...(typeof messageId === 'string' ? { providerMessageId: messageId } : {}),
    };
  },
};

export { createWebhookGuard };
