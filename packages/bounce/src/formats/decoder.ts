import type { Category, SmtpCommand } from '@mailverdict/core';
import type { BounceKind } from '../bounce-report';
import type { Field } from '../mail/fields';
import type { Mail } from '../mail/mail';

/** What a decoder read about one recipient, before any classification. */
export interface FoundRecipient {
  /** Lowercased address; undefined when the report names none (an ARF report of a redacted message). */
  readonly address: string | undefined;
  /** RFC 3464 `Final-Recipient` (lowercased) when the report also gives a different `Original-Recipient`, which is `address`. */
  readonly finalRecipient?: string;
  /** RFC 3464 `Action`: `failed`, `delayed`, `delivered`, `relayed`, `expanded`. */
  readonly action?: string;
  /** RFC 3464 `Status` (`5.1.1`), when the report states one. */
  readonly status?: string;
  /** The diagnostic text: the remote server's reply, or the reporting MTA's own words. */
  readonly diagnostic?: string;
  /** `Remote-MTA`, when the report names it. */
  readonly remoteMta?: string;
  /** The SMTP command that failed, when the report says. */
  readonly command?: SmtpCommand;
  /** RFC 5965 `Feedback-Type` (ARF). */
  readonly feedbackType?: string;
  /** The category, when the format itself says what happened (Google Groups' refusal). */
  readonly category?: Category;
  /** Id of the format rule that set `category`. */
  readonly rule?: string;
  /** `Last-Attempt-Date` (or ARF `Arrival-Date`), as written. */
  readonly date?: string;
}

/** What a decoder read from one email. */
export interface Decoded {
  /** Set by decoders that know the kind outright (ARF, auto-replies, confirmations). */
  readonly kind?: BounceKind;
  readonly recipients: readonly FoundRecipient[];
  readonly reportingMta?: string;
  /** `Arrival-Date` as written. */
  readonly arrivalDate?: string;
  /** Headers of the returned message, when the decoder found them. */
  readonly original?: readonly Field[];
  /** Text that explains every recipient's failure (an intro paragraph), used when a recipient has none of its own. */
  readonly context?: string;
}

/**
 * A decoder reads one report format. `recognize` is cheap (header fields, the first lines) and
 * says whether to try it; `decode` returns undefined when the email is not in its format after all.
 */
export interface Decoder {
  readonly name: string;
  recognize(mail: Mail): boolean;
  decode(mail: Mail): Decoded | undefined;
}
