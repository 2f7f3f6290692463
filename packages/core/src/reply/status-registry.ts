// The shapes of the generated registry tables (src/reply/generated/*.ts, written by
// scripts/generate-status-codes.ts from data/*.csv).

/** One row of the IANA "SMTP Enhanced Status Codes" registry (RFC 5248), class left open (`X.7.26`). */
export interface RegistryEntry {
  /** IANA's "Sample Text". */
  readonly summary: string;
  /**
   * The classes the code is meant for (2 success, 4 persistent transient, 5 permanent): derived
   * from the registry's associated basic codes and the RFC's wording (see data/README.md).
   */
  readonly classes: readonly (2 | 4 | 5)[];
  /** The defining documents: `['RFC 3463']`, `['RFC 7372', 'RFC 7208']`. */
  readonly references: readonly string[];
  /** The registry's "Associated basic status code" column as written (`"451, 550"`), when it gives one. */
  readonly basicCodes?: string;
}

/** One basic reply code from RFC 5321 §4.2.3, RFC 7504 or an extension (AUTH, STARTTLS, ETRN, the registry). */
export interface ReplyCodeEntry {
  readonly code: number;
  readonly meaning: string;
  readonly reference: string;
  /** True for codes defined by an SMTP extension rather than RFC 5321 / RFC 7504. */
  readonly extension: boolean;
}
