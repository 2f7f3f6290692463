// Amazon SES notifications delivered by email (an SNS topic with an email subscription, from
// no-reply@sns.amazonaws.com): the body is the SES notification JSON — `notificationType` Bounce,
// Complaint or Delivery, `bounce.bouncedRecipients[]` with `emailAddress`, `action`, `status`,
// `diagnosticCode`, and the sent message under `mail` (messageId, headers). SNS folds long lines
// as `!` + line break + space; they are unfolded before JSON.parse, which only ever sees at most the
// capped text. Field access goes through `field`, so a hostile body cannot make it throw.
import type { Field } from '../mail/fields';
import { untyped } from '../mail/fields';
import type { Mail } from '../mail/mail';
import { addressIn } from '../text/find-address';
import type { Decoded, FoundRecipient } from './decoder';
import { textFormat } from './signature';

type Json = unknown;

function field(value: Json, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, name) ? (value as Record<string, Json>)[name] : undefined;
}

function text(value: Json): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

/** The notification JSON: the first `{` to the last `}`, SNS's `!` line folds undone. */
function notificationOf(mail: Mail): Json {
  const body = mail.text.split('!\n ').join('').split('!\r\n ').join('');
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(body.slice(start, end + 1)) as Json;
  } catch {
    return undefined;
  }
}

function recipientsOf(entries: Json, extra: Partial<FoundRecipient>, action?: string): FoundRecipient[] {
  const recipients: FoundRecipient[] = [];
  for (const entry of list(entries)) {
    const address = addressIn(text(typeof entry === 'string' ? entry : field(entry, 'emailAddress')) ?? '');
    if (address === undefined) continue;
    const status = text(field(entry, 'status'));
    const diagnostic = text(field(entry, 'diagnosticCode'));
    const given = text(field(entry, 'action')) ?? action;
    recipients.push({
      address,
      ...extra,
      ...(given ? { action: given.toLowerCase() } : {}),
      ...(status ? { status } : {}),
      ...(diagnostic ? { diagnostic: untyped(diagnostic) } : {}),
    });
  }
  return recipients;
}

function originalOf(notification: Json): Field[] {
  const mail = field(notification, 'mail');
  const fields: Field[] = [];
  for (const header of list(field(mail, 'headers'))) {
    const name = text(field(header, 'name'));
    const value = text(field(header, 'value'));
    if (name !== undefined && value !== undefined) fields.push({ name: name.trim().toLowerCase(), value });
  }
  const messageId = text(field(mail, 'messageId'));
  // SES's own id is what its API and webhooks name the message by; the header Message-ID, when listed, comes first.
  if (messageId !== undefined && !fields.some((header) => header.name === 'message-id')) {
    fields.push({ name: 'message-id', value: messageId });
  }
  return fields;
}

function decode(mail: Mail): Decoded | undefined {
  const notification = notificationOf(mail);
  const type = text(field(notification, 'notificationType')) ?? text(field(notification, 'eventType'));
  const original = originalOf(notification);
  const withOriginal = original.length > 0 ? { original } : {};
  if (type === 'Bounce') {
    const bounce = field(notification, 'bounce');
    const reportingMta = text(field(bounce, 'reportingMTA'));
    // A Transient bounce type is SES giving up after soft failures; `action` in the entry says failed.
    const recipients = recipientsOf(field(bounce, 'bouncedRecipients'), {}, 'failed');
    if (recipients.length === 0) return undefined;
    return { recipients, ...(reportingMta ? { reportingMta: untyped(reportingMta) } : {}), ...withOriginal };
  }
  if (type === 'Complaint') {
    const complaint = field(notification, 'complaint');
    const feedbackType = text(field(complaint, 'complaintFeedbackType')) ?? 'abuse';
    const recipients = recipientsOf(field(complaint, 'complainedRecipients'), { feedbackType });
    return { kind: 'complaint', recipients, ...withOriginal };
  }
  if (type === 'Delivery') {
    const delivery = field(notification, 'delivery');
    const recipients = recipientsOf(field(delivery, 'recipients'), {}, 'delivered');
    if (recipients.length === 0) return undefined;
    return { recipients, ...withOriginal };
  }
  return undefined;
}

export const amazonSes = textFormat(
  'amazon-ses',
  { from: ['@sns.amazonaws.com', '@amazonses.com'], body: ['"notificationtype"', '"eventtype"'] },
  {},
  decode,
);
