import type { SmtpContext, SmtpScript } from '../smtp-script';

export interface LostReplyOptions {
  /** Which messages lose their reply; default every one. */
  readonly when?: (context: SmtpContext) => boolean;
}

/**
 * A host that accepts the message after DATA and then drops the connection before its `250` reply:
 * the client sees a connection error although the message was received (it is in the log). The case
 * RFC 5321 §4.1.1.4 leaves open and RFC 1047 describes as the cause of duplicate messages.
 */
export function lostReply(options: LostReplyOptions = {}): {
  readonly name: 'lost-reply';
  readonly script: SmtpScript;
} {
  const when = options.when ?? (() => true);
  return {
    name: 'lost-reply',
    script: { message: (context) => (when(context) ? { dropAfterAccept: true } : {}) },
  };
}
