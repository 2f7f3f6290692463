// What a basic SMTP reply code means: RFC 5321 §4.2.1 (first and second digit) and §4.2.3 (the
// codes), RFC 7504 (521, 556), and the codes SMTP extensions add (AUTH, STARTTLS, ETRN, registry).
import { replyCodeTable } from './generated/reply-codes';
import type { ReplyCodeEntry } from './status-registry';

export type ReplyClassMeaning =
  | 'positive completion'
  | 'positive intermediate'
  | 'transient negative completion'
  | 'permanent negative completion';

/** RFC 5321 §4.2.1, first digit. */
const classMeanings: Readonly<Record<2 | 3 | 4 | 5, ReplyClassMeaning>> = {
  2: 'positive completion',
  3: 'positive intermediate',
  4: 'transient negative completion',
  5: 'permanent negative completion',
};

/** RFC 5321 §4.2.1, second digit (x0z … x5z). */
const groupMeanings: readonly string[] = [
  'syntax',
  'information',
  'connections',
  'unspecified',
  'unspecified',
  'mail system',
];

export interface ReplyCodeDescription {
  readonly code: number;
  readonly class: 2 | 3 | 4 | 5;
  /** RFC 5321 §4.2.1: `transient negative completion` for 4yz, `permanent negative completion` for 5yz… */
  readonly classMeaning: ReplyClassMeaning;
  /** RFC 5321 §4.2.1 second digit ("category" there): `syntax`, `connections`, `mail system`…; undefined for 6–9. */
  readonly groupMeaning?: string;
  /** True when an RFC or the registry defines the code; `571` and other server inventions are not. */
  readonly registered: boolean;
  /** The defining meaning: RFC 5321 / RFC 7504 first, otherwise the extension's. */
  readonly meaning?: string;
  readonly reference?: string;
  /** Every definition of the code, RFC 5321 / RFC 7504 first, then extensions (`535`, `454`…). */
  readonly uses: readonly ReplyCodeEntry[];
}

/**
 * Describes a basic reply code (`550`). Returns undefined when `code` is not an integer from 200 to
 * 599 (RFC 5321 §4.2: the first digit is 2–5); unregistered codes such as `571` get their class and
 * group meanings with `registered: false`.
 *
 * @throws TypeError when `code` is not a number.
 */
export function describeReplyCode(code: number): ReplyCodeDescription | undefined {
  if (typeof code !== 'number') throw new TypeError('describeReplyCode: `code` must be a number such as 550');
  if (!Number.isInteger(code) || code < 200 || code > 599) return undefined;
  const uses = replyCodeTable.filter((entry) => entry.code === code);
  const first = uses[0];
  const replyClass = Math.floor(code / 100) as 2 | 3 | 4 | 5;
  return {
    code,
    class: replyClass,
    classMeaning: classMeanings[replyClass],
    groupMeaning: groupMeanings[Math.floor(code / 10) % 10],
    registered: first !== undefined,
    meaning: first?.meaning,
    reference: first?.reference,
    uses,
  };
}
