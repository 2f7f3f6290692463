// The in-doubt mark itself is core's (`@mailverdict/core/adapter`): provider adapters set it, the
// processor and the demo's outbox read it. Re-exported here for the processor's users.
export { isInDoubt, markInDoubt } from '@mailverdict/core/adapter';

/**
 * What the provider says about an attempt whose result we never saw: it has the message
 * (`delivered`: never send again), it never got it (`absent`: safe to send again), or it cannot say
 * (`unknown`: hold for a human — direct SMTP has nobody to ask).
 */
export type LookupAnswer = 'delivered' | 'absent' | 'unknown';
