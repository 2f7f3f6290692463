// Outcomes as an application's send function builds them: the server's reply, classified by core.
import { classify, type DeliveryOutcome } from '@mailverdict/core';

export function outcome(recipient: string, reply: string, provider = 'smtp'): DeliveryOutcome {
  const verdict = classify(reply);
  const code = Number(reply.slice(0, 3));
  return {
    provider,
    event: code < 300 ? 'accepted' : code < 500 ? 'deferred' : 'rejected',
    recipient,
    origin: 'remote-server',
    providerDetail: {},
    verdict,
    raw: reply,
  };
}
