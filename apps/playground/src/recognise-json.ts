// Recognises which provider a pasted JSON value comes from and converts it with that provider's package.
// Only the converter functions are imported: the packages' webhook verifiers use node:crypto, and importing
// by name from side-effect-free packages keeps them out of the page (test/budget checks the bundle).
import type { DeliveryOutcome } from '@mailverdict/core';
import { fromMailgunError, fromMailgunWebhook } from '@mailverdict/mailgun';
import { fromPostmarkError, fromPostmarkWebhook } from '@mailverdict/postmark';
import { fromResendError, fromResendWebhook } from '@mailverdict/resend';
import { fromSendGridError, fromSendGridEvents } from '@mailverdict/sendgrid';
import { fromSesError, fromSesNotification } from '@mailverdict/ses';

export interface Recognised {
  /** What the JSON was read as, for the page: `Postmark bounce webhook`, … */
  readonly label: string;
  readonly outcomes: readonly DeliveryOutcome[];
}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(value: Json, key: string): boolean {
  return Object.hasOwn(value, key);
}

function isSendGridEvent(value: unknown): boolean {
  return (
    isObject(value) && typeof value.event === 'string' && (has(value, 'sg_event_id') || has(value, 'email'))
  );
}

/** Postmark answers every API error with `{ ErrorCode, Message }`: 401 for a bad token (ErrorCode 10), else 422. */
function postmarkError(body: Json): Recognised {
  const code = body.ErrorCode;
  const error = {
    name: 'PostmarkError',
    message: typeof body.Message === 'string' ? body.Message : '',
    code,
    statusCode: code === 10 ? 401 : 422,
  };
  return { label: 'Postmark API error', outcomes: fromPostmarkError(error) };
}

/** Each provider's documented webhook and error shapes, most distinctive keys first. */
export function recogniseJson(value: unknown): Recognised | undefined {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isSendGridEvent)
      ? { label: 'SendGrid event webhook', outcomes: fromSendGridEvents(value) }
      : undefined;
  }
  if (!isObject(value)) return undefined;
  if (typeof value.Type === 'string' && has(value, 'TopicArn')) {
    return { label: 'SES notification (SNS)', outcomes: fromSesNotification(value) };
  }
  if (
    (typeof value.eventType === 'string' || typeof value.notificationType === 'string') &&
    isObject(value.mail)
  ) {
    return { label: 'SES event', outcomes: fromSesNotification(value) };
  }
  if (value.source === 'aws.ses' && isObject(value.detail)) {
    return { label: 'SES event (EventBridge)', outcomes: fromSesNotification(value) };
  }
  if (typeof value.RecordType === 'string') {
    return {
      label: `Postmark ${value.RecordType.toLowerCase()} webhook`,
      outcomes: fromPostmarkWebhook(value),
    };
  }
  if (typeof value.ErrorCode === 'number' && has(value, 'Message')) return postmarkError(value);
  if (isObject(value['event-data'])) {
    return { label: 'Mailgun webhook', outcomes: fromMailgunWebhook(value) };
  }
  if (typeof value.type === 'string' && value.type.startsWith('email.') && isObject(value.data)) {
    return { label: 'Resend webhook', outcomes: fromResendWebhook(value) };
  }
  if (isSendGridEvent(value))
    return { label: 'SendGrid event webhook', outcomes: fromSendGridEvents([value]) };
  if (isObject(value.$metadata) || typeof value.$fault === 'string') {
    return { label: 'SES API error', outcomes: fromSesError(value) };
  }
  if (Array.isArray(value.errors)) {
    // The body SendGrid's v3 API answers; @sendgrid/mail puts it at `response.body` with the status at `code`.
    const status = typeof value.status === 'number' ? value.status : 400;
    const error = { code: status, message: 'Bad Request', response: { status, body: value } };
    return { label: 'SendGrid API error', outcomes: fromSendGridError(error) };
  }
  if (value.type === 'MailgunAPIError')
    return { label: 'Mailgun API error', outcomes: fromMailgunError(value) };
  if (typeof value.statusCode === 'number' && typeof value.name === 'string') {
    return { label: 'Resend API error', outcomes: fromResendError(value) };
  }
  return undefined;
}
