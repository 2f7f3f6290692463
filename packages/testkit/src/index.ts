// Exports are kept sorted by module path (biome). The vitest conformance suite is `@mailverdict/testkit/conformance`.
export { type GarbageInput, garbageInputs } from './conformance/garbage';
export { outcomeProblems } from './conformance/outcome-problems';
export { deepFreeze, isPartOf } from './conformance/raw';
export { type DeadHostMode, type RunningDeadHost, startDeadHost } from './dead-host';
export {
  type FakeMailgun,
  type FakeMailgunOptions,
  type MailgunScenario,
  type MailgunSendRecord,
  type MailgunWebhookOptions,
  mailgunScenarios,
  parseFormFields,
  postMailgunWebhook,
  signMailgunWebhook,
  startFakeMailgun,
} from './fake-mailgun';
export {
  type PostmarkFailure,
  type PostmarkLogMessage,
  type PostmarkRequestContext,
  type PostmarkScenarios,
  type PostmarkWebhookConfig,
  type PostmarkWebhookEvent,
  type RunningFakePostmark,
  startFakePostmark,
} from './fake-postmark';
export {
  createResendWebhookSecret,
  type FakeResend,
  type FakeResendOptions,
  postResendWebhook,
  type ResendScenario,
  type ResendSendRecord,
  type ResendWebhookOptions,
  resendScenarios,
  type SignedResendWebhook,
  signResendWebhook,
  startFakeResend,
} from './fake-resend';
export {
  createSendGridTestKeys,
  type FakeSendGrid,
  type FakeSendGridOptions,
  postSendGridEvents,
  type SendGridErrorEntry,
  type SendGridScenario,
  type SendGridSendRecord,
  type SendGridTestKeys,
  type SignedSendGridBatch,
  sendGridEvents,
  sendGridScenarios,
  sendGridSignatureHeader,
  sendGridTimestampHeader,
  signSendGridBatch,
  startFakeSendGrid,
} from './fake-sendgrid';
export {
  createSelfSignedCertificate,
  createSnsTestSigner,
  type FakeSes,
  type FakeSesOptions,
  postSnsMessage,
  type SesNotificationStyle,
  type SesRecipientDetail,
  type SesScenario,
  type SesSendRecord,
  type SnsEnvelopeOptions,
  type SnsTestSigner,
  type SnsTestSignerOptions,
  sesErrorStatus,
  sesEventBridgeDetailTypes,
  sesEvents,
  sesScenarios,
  signSnsMessage,
  startFakeSes,
  toEventBridge,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from './fake-ses';
export { type FakeSmtpOptions, type RunningFakeSmtp, startFakeSmtp } from './fake-smtp';
export {
  type HttpHandler,
  type HttpReply,
  type HttpServerOptions,
  headerValue,
  json,
  parseJsonBody,
  type RecordedRequest,
  type RunningHttpServer,
  startHttpServer,
  text,
} from './http-server';
export { maxInWindow } from './max-in-window';
export { parseMessageId } from './message-id';
export { type GmailReplyName, gmailLike, gmailReplies } from './personas/gmail';
export {
  type GreylistingOptions,
  type GreylistingPersona,
  greylisting,
  greylistReply,
} from './personas/greylisting';
export { type LostReplyOptions, lostReply } from './personas/lost-reply';
export { type MicrosoftReplyName, microsoftLike, microsoftReplies } from './personas/microsoft';
export {
  definePersona,
  type Persona,
  type PersonaAccept,
  type PersonaDefinition,
  type PersonaOptions,
  type PersonaReply,
} from './personas/persona';
export { type SlowHostOptions, slowHost } from './personas/slow';
export { type YahooReplyName, yahooLike, yahooReplies } from './personas/yahoo';
export {
  type PostmarkBounceType,
  type PostmarkBounceTypeName,
  postmarkBounceTypes,
} from './postmark/bounce-types';
export { type PostmarkOutcome, postmarkLocalParts, postmarkOutcomes } from './postmark/outcomes';
export { seededRandom } from './random';
export {
  countDeliveries,
  type DeliveryCount,
  findDuplicates,
  type SmtpLog,
  type SmtpLogConnection,
  type SmtpLogMessage,
  type SmtpLogReply,
} from './smtp-log';
export {
  replyCode,
  type SmtpContext,
  type SmtpResponder,
  type SmtpScript,
  type SmtpStage,
  type SmtpStep,
  type SmtpStepObject,
} from './smtp-script';
