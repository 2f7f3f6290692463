import type { SmtpStage } from './smtp-script';

/** One TCP connection the fake SMTP server accepted. */
export interface SmtpLogConnection {
  readonly id: string;
  /** 1 for the first connection, 2 for the next… */
  readonly number: number;
  readonly remoteAddress: string;
  /** Server clock (`now` option), epoch ms. */
  readonly openedAt: number;
}

/** One reply the server sent, exactly as written to the socket (lines joined with `\n`, no CR). */
export interface SmtpLogReply {
  readonly connectionId: string;
  /** The stage the reply answers; `other` for commands outside the script (RSET, QUIT, NOOP…). */
  readonly stage: SmtpStage | 'other';
  /** The client's command line, when the reply answers one. */
  readonly command?: string;
  /** RCPT: the recipient the reply is about. */
  readonly recipient?: string;
  /** The reply code, when the reply starts with one. */
  readonly code?: number;
  readonly reply: string;
  /** Server clock, epoch ms. */
  readonly at: number;
  /** `true` when the script chose this reply, `false` for smtp-server's own normal reply. */
  readonly scripted: boolean;
}

/** One message the server accepted (it answered 2xx after the body). */
export interface SmtpLogMessage {
  readonly connectionId: string;
  /** The Message-ID header, with its angle brackets, when the body has one. */
  readonly messageId?: string;
  /** MAIL FROM (`''` for the null sender). */
  readonly from: string;
  /** The recipients this message was accepted for. */
  readonly to: readonly string[];
  /** Size of the body in bytes. */
  readonly size: number;
  /** Server clock, epoch ms. */
  readonly at: number;
  /** The message as received (after dot-unstuffing). */
  readonly body: Buffer;
  /** The server kept the message and dropped the connection instead of answering (`dropAfterAccept`). */
  readonly replyDropped?: true;
}

/** Everything the server saw and said, in order. Arrays grow while the server runs. */
export interface SmtpLog {
  readonly connections: SmtpLogConnection[];
  readonly replies: SmtpLogReply[];
  readonly messages: SmtpLogMessage[];
}

/** How many times one message (by Message-ID) was accepted for one recipient. */
export interface DeliveryCount {
  readonly messageId: string;
  readonly recipient: string;
  readonly count: number;
}

/**
 * Counts accepted deliveries per (Message-ID, recipient), across any number of logs — a message that moved
 * from one fake server to another still counts once per acceptance. Recipients are compared case-insensitively
 * (RFC 5321 §2.4 lets the domain differ in case; fakes treat the local part the same way). Messages without a
 * Message-ID are skipped, since they cannot be matched.
 */
export function countDeliveries(
  messages: Iterable<Pick<SmtpLogMessage, 'messageId' | 'to'>>,
): DeliveryCount[] {
  const counts = new Map<string, DeliveryCount>();
  for (const message of messages) {
    if (message.messageId === undefined) continue;
    for (const recipient of message.to) {
      const key = `${message.messageId}\u0000${recipient.toLowerCase()}`;
      const previous = counts.get(key);
      counts.set(key, { messageId: message.messageId, recipient, count: (previous?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()];
}

/** The (Message-ID, recipient) pairs accepted more than once. */
export function findDuplicates(
  messages: Iterable<Pick<SmtpLogMessage, 'messageId' | 'to'>>,
): DeliveryCount[] {
  return countDeliveries(messages).filter((entry) => entry.count > 1);
}
