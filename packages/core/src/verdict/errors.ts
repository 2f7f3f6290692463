const brand = Symbol.for('mailverdict.error');

/**
 * The one error class of mailverdict: thrown only for programmer errors (a bad argument, an invalid
 * policy or rule), never for untrusted input such as a reply text or a webhook body.
 */
export class MailverdictError extends Error {
  readonly [brand] = true;
  /** Stable machine-readable reason, e.g. `invalid-rule` or `invalid-policy`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailverdictError';
    this.code = code;
  }

  /** Works across copies of the package (a bundled and an installed one), unlike `instanceof`. */
  static isInstance(value: unknown): value is MailverdictError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
