import type { DeliveryOutcome } from '@mailverdict/core';
import { fromPostmarkError } from './error';
import { fromPostmarkResponse } from './response';
import type { PostmarkMessageLike, PostmarkSendResponse } from './types';

/** What `sendEmail` needs of the `postmark` client (`ServerClient#sendEmail`). */
export interface SendEmailClient<Message extends PostmarkMessageLike> {
  sendEmail(message: Message): Promise<PostmarkSendResponse>;
}

export interface PostmarkSendResult {
  /** What the client resolved with; absent when the send failed. */
  readonly response?: PostmarkSendResponse;
  /** One outcome per recipient of `message`: accepted, rejected, or failed with the reason. */
  readonly outcomes: DeliveryOutcome[];
}

/**
 * Sends one message with the `postmark` client and resolves with the outcome per recipient; a
 * delivery failure (an API error, no response at all) resolves too. A request that got no response
 * is marked in doubt (packages/postmark/PROVIDER.md §9): look it up with `hasOutboundMessage` before
 * sending again.
 */
export async function sendEmail<Message extends PostmarkMessageLike>(
  client: SendEmailClient<Message>,
  message: Message,
): Promise<PostmarkSendResult> {
  if (typeof client?.sendEmail !== 'function') {
    throw new TypeError('sendEmail: `client` must be a postmark ServerClient (an object with `sendEmail`)');
  }
  let response: PostmarkSendResponse;
  try {
    response = await client.sendEmail(message);
  } catch (error) {
    return { outcomes: fromPostmarkError(error, message) };
  }
  return { response, outcomes: fromPostmarkResponse(response, message) };
}
