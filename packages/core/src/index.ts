export { type Category, categories, isCategory } from './category';
export { type CategoryDefaults, categoryDefaults } from './category-defaults';
export { type ClassifyContext, classify } from './classify';
export type { DeliveryEvent, DeliveryOutcome, OutcomeOrigin } from './delivery-outcome';
export { MailverdictError } from './errors';
export {
  isMailboxProvider,
  type MailboxProvider,
  mailboxProviders,
  recognizeProvider,
} from './mailbox-provider';
export { isSmtpCommand, type SmtpCommand, smtpCommands } from './smtp-command';
export type { EnhancedSource, EnhancedStatus, ReplyWrapper, SmtpReply } from './smtp-reply';
export type { Permanence, RetryAdvice, Scope, Verdict } from './verdict';
