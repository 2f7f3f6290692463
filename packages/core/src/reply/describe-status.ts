// What an enhanced status code means: the IANA registry entry (RFC 5248) when the code is
// registered, and always the class and subject meanings of RFC 3463 §3.1–3.2.

import { parseEnhancedStatus } from './enhanced-status';
import { enhancedStatusRegistry } from './generated/enhanced-status-codes';
import type { EnhancedStatus } from './smtp-reply';
import type { RegistryEntry } from './status-registry';

export type StatusClassMeaning = 'success' | 'persistent transient failure' | 'permanent failure';

/** RFC 3463 §3.1. */
const classMeanings: Readonly<Record<2 | 4 | 5, StatusClassMeaning>> = {
  2: 'success',
  4: 'persistent transient failure',
  5: 'permanent failure',
};

/** RFC 3463 §3.2, indexed by subject (X.0.XXX – X.7.XXX). */
const subjectMeanings: readonly string[] = [
  'other or undefined status',
  'addressing status',
  'mailbox status',
  'mail system status',
  'network and routing status',
  'mail delivery protocol status',
  'message content or media status',
  'security or policy status',
];

export interface StatusDescription {
  /** `"4.7.650"` */
  readonly code: string;
  readonly class: 2 | 4 | 5;
  /** RFC 3463 §3.1: `success`, `persistent transient failure` or `permanent failure`. */
  readonly classMeaning: StatusClassMeaning;
  readonly subject: number;
  /** RFC 3463 §3.2 (`security or policy status`); undefined for subjects above 7, which no RFC defines. */
  readonly subjectMeaning?: string;
  readonly detail: number;
  /** True when `X.subject.detail` is in the IANA registry; the fields below are then present. */
  readonly registered: boolean;
  /** IANA's sample text (`"Delivery not authorized, message refused"`). */
  readonly summary?: string;
  /** The classes the registry entry is meant for; compare with `class` to spot unusual use (`550 4.4.7`). */
  readonly classes?: readonly (2 | 4 | 5)[];
  /** The defining documents (`['RFC 3463']`). */
  readonly references?: readonly string[];
  /** The registry's associated basic codes as written (`"451, 550"`), when it gives any. */
  readonly basicCodes?: string;
}

function lookup(status: EnhancedStatus): StatusDescription {
  const key = `${status.subject}.${status.detail}`;
  const entry: RegistryEntry | undefined = Object.hasOwn(enhancedStatusRegistry, key)
    ? enhancedStatusRegistry[key]
    : undefined;
  return {
    code: status.code,
    class: status.class,
    classMeaning: classMeanings[status.class],
    subject: status.subject,
    subjectMeaning: subjectMeanings[status.subject],
    detail: status.detail,
    registered: entry !== undefined,
    summary: entry?.summary,
    classes: entry?.classes,
    references: entry?.references,
    basicCodes: entry?.basicCodes,
  };
}

/**
 * Describes an enhanced status code (`"4.7.0"`, or the `enhanced` of a parsed reply).
 *
 * Returns undefined for a string that is not a valid RFC 3463 code (class 2, 4 or 5; subject and
 * detail 1–3 digits without leading zeros), so untrusted text never throws; an unregistered but
 * valid code (`4.7.650`) gets its class and subject meanings with `registered: false`.
 *
 * @throws TypeError when `status` is neither a string nor an EnhancedStatus.
 */
export function describeStatus(status: string | EnhancedStatus): StatusDescription | undefined {
  if (typeof status === 'string') {
    const parsed = parseEnhancedStatus(status);
    return parsed === undefined ? undefined : lookup(parsed);
  }
  if (typeof status === 'object' && status !== null && typeof status.code === 'string') {
    return describeStatus(status.code);
  }
  throw new TypeError('describeStatus: `status` must be a string such as "5.7.1" or an EnhancedStatus');
}

/** Every registered code as `X.subject.detail` (`"X.7.26"`), in registry order. */
export function registeredStatusCodes(): string[] {
  return Object.keys(enhancedStatusRegistry).map((key) => `X.${key}`);
}
