// PLACEHOLDER owned by the classifier work (issue 3): replaced by the real rule engine.
import type { SmtpCommand } from './smtp-command';
import type { SmtpReply } from './smtp-reply';
import type { Verdict } from './verdict';

export interface ClassifyContext {
  readonly command?: SmtpCommand;
  /** Recipient domain or MX host. */
  readonly destination?: string;
}

export function classify(input: string | SmtpReply, _context: ClassifyContext = {}): Verdict {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null)) {
    throw new TypeError('classify: `input` must be a string or an SmtpReply');
  }
  return {
    category: 'unknown',
    permanence: 'permanent',
    scope: 'destination',
    suppressRecipient: false,
    retry: { allowed: true, changeRequired: false },
    rule: 'placeholder',
    confidence: 0,
    summary: 'Not classified yet.',
  };
}
