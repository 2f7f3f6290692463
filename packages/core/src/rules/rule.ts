import type { SmtpCommand } from '../reply/smtp-command';
import type { Category } from '../verdict/taxonomy';
import type { Permanence, Scope } from '../verdict/verdict';

/**
 * One classification rule: typed data (CONTRIBUTING.md, "Adding a classifier rule"). A rule applies when ALL its
 * conditions hold; within the precedence of `layers` (rules/index.ts) the first applying rule wins.
 *
 * A rule needs something to be found by: `phrases` (found in one pass over the text), or, for
 * rules without phrases, `enhanced`, `codes` or `classes` (looked up in an index). There are no
 * regular expressions: a backtracking one can take exponential time on a hostile reply.
 */
export interface Rule {
  /** Unique id, `<layer or provider>:<what>` — kept on the verdict as `rule`. */
  readonly id: string;
  readonly category: Category;
  /** Lowercase phrases; the rule is a candidate when ANY occurs in the text. A leading or trailing space means a word boundary. */
  readonly phrases?: readonly string[];
  /** And at least one of these must occur too. */
  readonly also?: readonly string[];
  /** And none of these may occur. */
  readonly unless?: readonly string[];
  /** Basic reply codes (`550`). */
  readonly codes?: readonly number[];
  /** Reply classes (first digit of the basic code, else of the enhanced code). */
  readonly classes?: readonly (2 | 3 | 4 | 5)[];
  /** Enhanced codes: `5.7.1` exactly, `X.7.1` for any class, `X.7.*` for any detail. */
  readonly enhanced?: readonly string[];
  /** And the enhanced code is none of these (same syntax). */
  readonly notEnhanced?: readonly string[];
  /** The SMTP command the reply answered must be one of these. */
  readonly commands?: readonly SmtpCommand[];
  /** The mailbox provider (or filter) this rule describes — must exist in `mailboxProviders`. */
  readonly provider?: string;
  /** Only apply when the provider was recognized (from the text or the destination). */
  readonly providerOnly?: boolean;
  /** For `blocklisted`: the list, when the rule itself names it (an id of `blocklists`). */
  readonly blocklist?: string;

  // Overrides of the category defaults, each with `reason` saying why (provider doc, RFC section).
  readonly permanence?: Permanence;
  readonly scope?: Scope;
  readonly suppressRecipient?: boolean;
  readonly changeRequired?: boolean;
  /** A documented minimum wait before retrying, in milliseconds. */
  readonly afterMs?: number;
  /** Why the overrides hold (documentation; left out of the published bundle). */
  readonly reason?: string;

  /** One plain sentence for the verdict; defaults to the category's. */
  readonly summary?: string;
  /** 0–1; defaults to the layer's confidence. */
  readonly confidence?: number;
  /**
   * A verbatim reply this rule decides: REQUIRED for custom rules, checked when added (it must
   * classify to this rule). Built-in rules carry it in the source and are tested against it; the
   * published bundle leaves it out to stay small.
   */
  readonly example?: string;
  /** Where the wording comes from (provider page, RFC section, real bounce): REQUIRED for custom rules, as `example`. */
  readonly source?: string;
}

/** The layers, in the one declared order of precedence (docs/taxonomy.md: text first, then codes). */
export const layerNames = [
  'custom',
  'provider',
  'generic',
  'enhanced-code',
  'cue',
  'basic-code',
  'class',
] as const;
export type LayerName = (typeof layerNames)[number];

/** How sure a layer's rules are, unless a rule says otherwise. */
export const layerConfidence: Readonly<Record<LayerName, number>> = {
  custom: 1,
  provider: 0.95,
  generic: 0.85,
  'enhanced-code': 0.6,
  cue: 0.5,
  'basic-code': 0.4,
  class: 0.2,
};

/** One hour, one minute… for readable `afterMs` values. */
export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
