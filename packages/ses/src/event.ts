// One SES notification or event-publishing object (Bounce, Complaint, Delivery, DeliveryDelay, Reject,
// Rendering Failure) → outcomes, one per recipient. Shapes and labels: packages/ses/PROVIDER.md §3 (SES developer
// guide "notification-contents", "event-publishing-retrieving-sns-contents"). SES labels are evidence; the
// SMTP diagnostic decides when core recognizes it (SES calls a 552 5.2.2 "Transient"), and what SES knows
// for certain wins (its own suppression lists).
import {
  type Category,
  createVerdict,
  type DeliveryOutcome,
  type OutcomeOrigin,
  type VerdictOptions,
} from '@mailverdict/core';
import {
  convertSafely,
  ifDefined,
  isRecord,
  judgeRelayedReply,
  ownValue,
  type ProviderFallback,
  parseTime,
  readArray,
  readField,
  readString,
  unreadable,
} from '@mailverdict/core/adapter';
import { provider, unreadableInput } from './types';

const statusPattern = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** SES's own suppression lists: the recipient was never tried (taxonomy `suppressed`). */
const suppressionSubTypes = new Set(['OnAccountSuppressionList', 'Suppressed']);

/** Bounce sub-types → what they mean when no SMTP diagnostic says more (packages/ses/PROVIDER.md §3 table). */
const bounceFallbacks: Readonly<Record<string, ProviderFallback>> = {
  'Permanent/NoEmail': { category: 'mailbox-unknown', options: { rule: 'ses:bounce-no-email' } },
  // SES: "you should remove the recipient's email address from your mailing list" — but no reason is known.
  'Permanent/General': {
    category: 'unknown',
    options: {
      rule: 'ses:bounce-permanent-general',
      permanence: 'permanent',
      scope: 'recipient',
      suppressRecipient: true,
      confidence: 0.5,
      summary: 'SES reports a permanent bounce without SMTP details; SES advises removing the address.',
    },
  },
  'Transient/General': {
    category: 'unknown',
    options: {
      rule: 'ses:bounce-transient-general',
      permanence: 'transient',
      confidence: 0.5,
      summary: 'SES gave up after a temporary failure it did not explain.',
    },
  },
  'Transient/MailboxFull': { category: 'mailbox-full', options: { rule: 'ses:bounce-mailbox-full' } },
  'Transient/MessageTooLarge': {
    category: 'message-too-large',
    options: { rule: 'ses:bounce-message-too-large' },
  },
  'Transient/ContentRejected': { category: 'spam-content', options: { rule: 'ses:bounce-content-rejected' } },
  'Transient/AttachmentRejected': {
    category: 'virus',
    options: { rule: 'ses:bounce-attachment-rejected', summary: 'The receiver rejected an attachment.' },
  },
};
const undeterminedBounce: ProviderFallback = {
  category: 'unknown',
  options: {
    rule: 'ses:bounce-undetermined',
    confidence: 0.3,
    summary: 'SES could not determine why the message bounced.',
  },
};

interface DelayFallback extends ProviderFallback {
  readonly origin: OutcomeOrigin;
}
function delay(
  category: Category,
  origin: OutcomeOrigin,
  rule: string,
  options: VerdictOptions = {},
): DelayFallback {
  return { category, origin, options: { rule, permanence: 'transient', ...options } };
}
/** DeliveryDelay `delayType` → meaning when the diagnostic says nothing more (packages/ses/PROVIDER.md §3, §7). */
const delayFallbacks: Readonly<Record<string, DelayFallback>> = {
  InternalFailure: delay('deferred', 'provider', 'ses:delay-internal-failure', {
    scope: 'provider',
    summary: 'An internal SES issue delayed the message; SES keeps trying.',
  }),
  General: delay('deferred', 'remote-server', 'ses:delay-general'),
  MailboxFull: delay('mailbox-full', 'remote-server', 'ses:delay-mailbox-full'),
  SpamDetected: delay('reputation', 'remote-server', 'ses:delay-spam-detected', {
    summary: 'The receiver saw a lot of unsolicited mail from this account and is delaying it.',
  }),
  RecipientServerError: delay('server-busy', 'remote-server', 'ses:delay-recipient-server-error'),
  IPFailure: delay('reputation', 'remote-server', 'ses:delay-ip-failure', {
    summary: 'The receiver blocks or throttles the sending IP address.',
  }),
  TransientCommunicationFailure: delay('network', 'network', 'ses:delay-communication-failure'),
  BYOIPHostNameLookupUnavailable: delay('sender-infrastructure', 'provider', 'ses:delay-byoip-hostname', {
    summary: 'SES could not look up the DNS host name of the BYOIP sending addresses.',
  }),
  Undetermined: delay('deferred', 'remote-server', 'ses:delay-undetermined', { confidence: 0.3 }),
  SendingDeferral: delay('deferred', 'provider', 'ses:delay-sending-deferral', {
    scope: 'provider',
    summary: 'SES deferred the message internally; it keeps trying.',
  }),
};
const unknownDelay = delay('deferred', 'remote-server', 'ses:delay-unknown-type', { confidence: 0.3 });

/** Event types that are not delivery outcomes: tracking and subscription events give no outcome. */
const informational = new Set(['Open', 'Click', 'Subscription']);

interface Context {
  readonly raw: unknown;
  readonly type: string;
  readonly messageId?: string;
  readonly mailTime?: number;
}

function outcome(
  context: Context,
  fields: Omit<DeliveryOutcome, 'provider' | 'raw' | 'messageId'>,
): DeliveryOutcome {
  return {
    provider: 'ses',
    ...fields,
    ...ifDefined('messageId', context.messageId),
    ...(fields.occurredAt === undefined ? ifDefined('occurredAt', context.mailTime) : {}),
    raw: context.raw,
  };
}

function validStatus(value: string | undefined): string | undefined {
  return value !== undefined && statusPattern.test(value) ? value : undefined;
}

function bounceOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const bounce = readField(event, 'bounce');
  const bounceType = readString(bounce, 'bounceType');
  const bounceSubType = readString(bounce, 'bounceSubType');
  const occurredAt = parseTime(readField(bounce, 'timestamp'));
  const shared = {
    type: context.type,
    ...ifDefined('bounceType', bounceType),
    ...ifDefined('bounceSubType', bounceSubType),
    ...ifDefined('feedbackId', readString(bounce, 'feedbackId')),
    ...ifDefined('reportingMTA', readString(bounce, 'reportingMTA')),
    ...ifDefined('remoteMtaIp', readString(bounce, 'remoteMtaIp')),
  };
  const recipients = readArray(bounce, 'bouncedRecipients');
  if (recipients.length === 0)
    return [unreadable(provider, context.raw, 'the Bounce lists no bouncedRecipients')];
  return recipients.map((entry) => {
    const recipient = readString(entry, 'emailAddress');
    const diagnosticCode = readString(entry, 'diagnosticCode');
    const status = readString(entry, 'status');
    const providerDetail = {
      ...shared,
      ...ifDefined('action', readString(entry, 'action')),
      ...ifDefined('status', status),
      ...ifDefined('diagnosticCode', diagnosticCode),
    };
    const base = {
      ...ifDefined('recipient', recipient),
      ...ifDefined('occurredAt', occurredAt),
      providerDetail,
    };
    if (bounceSubType !== undefined && suppressionSubTypes.has(bounceSubType)) {
      // SES did not try the recipient: it is on the account-level or global suppression list.
      const verdict = createVerdict('suppressed', {
        rule: bounceSubType === 'Suppressed' ? 'ses:global-suppression' : 'ses:account-suppression',
        summary:
          bounceSubType === 'Suppressed'
            ? 'SES did not send: the address is on the SES global suppression list.'
            : 'SES did not send: the address is on the account-level suppression list.',
      });
      return outcome(context, { ...base, event: 'rejected', origin: 'provider', verdict });
    }
    const fallback = ownValue(bounceFallbacks, `${bounceType}/${bounceSubType}`) ?? undeterminedBounce;
    const knownStatus = validStatus(status);
    const judged = judgeRelayedReply(diagnosticCode, recipient, {
      category: fallback.category,
      options: { ...fallback.options, ...ifDefined('status', knownStatus) },
    });
    return outcome(context, {
      ...base,
      event: 'bounced',
      origin: 'remote-server',
      ...ifDefined('reply', judged.reply),
      verdict: judged.verdict,
    });
  });
}

function complaintOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const complaint = readField(event, 'complaint');
  const subType = readString(complaint, 'complaintSubType');
  const occurredAt = parseTime(readField(complaint, 'timestamp'));
  const providerDetail = {
    type: context.type,
    ...ifDefined('complaintSubType', subType),
    ...ifDefined('complaintFeedbackType', readString(complaint, 'complaintFeedbackType')),
    ...ifDefined('feedbackId', readString(complaint, 'feedbackId')),
    ...ifDefined('userAgent', readString(complaint, 'userAgent')),
    ...ifDefined('arrivalDate', readString(complaint, 'arrivalDate')),
  };
  const recipients = readArray(complaint, 'complainedRecipients');
  if (recipients.length === 0)
    return [unreadable(provider, context.raw, 'the Complaint lists no complainedRecipients')];
  return recipients.map((entry) => {
    const base = {
      ...ifDefined('recipient', readString(entry, 'emailAddress')),
      ...ifDefined('occurredAt', occurredAt),
      providerDetail,
    };
    if (subType === 'OnAccountSuppressionList') {
      // SES accepted the message but did not send it: the address is suppressed for an earlier complaint.
      const verdict = createVerdict('suppressed', {
        rule: 'ses:complaint-account-suppression',
        summary: 'SES did not send: the address is on the account-level suppression list after a complaint.',
      });
      return outcome(context, { ...base, event: 'rejected', origin: 'provider', verdict });
    }
    const verdict = createVerdict('complaint', { rule: 'ses:complaint' });
    return outcome(context, { ...base, event: 'complained', origin: 'remote-server', verdict });
  });
}

function deliveryOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const delivery = readField(event, 'delivery');
  const smtpResponse = readString(delivery, 'smtpResponse');
  const occurredAt = parseTime(readField(delivery, 'timestamp'));
  const providerDetail = {
    type: context.type,
    ...ifDefined('smtpResponse', smtpResponse),
    ...ifDefined('reportingMTA', readString(delivery, 'reportingMTA')),
    ...ifDefined('remoteMtaIp', readString(delivery, 'remoteMtaIp')),
    ...ifDefined('processingTimeMillis', readField(delivery, 'processingTimeMillis')),
  };
  const recipients = readArray(delivery, 'recipients');
  if (recipients.length === 0) return [unreadable(provider, context.raw, 'the Delivery lists no recipients')];
  return recipients.map((entry) => {
    const recipient = typeof entry === 'string' ? entry : undefined;
    // SES knows the receiver accepted it, whatever core makes of the 250 text.
    const judged = judgeRelayedReply(smtpResponse, recipient, {
      category: 'delivered',
      options: { rule: 'ses:delivery' },
    });
    const verdict =
      judged.verdict.category === 'delivered'
        ? judged.verdict
        : createVerdict('delivered', { rule: 'ses:delivery', ...ifDefined('reply', judged.reply) });
    return outcome(context, {
      ...ifDefined('recipient', recipient),
      ...ifDefined('occurredAt', occurredAt),
      event: 'delivered',
      origin: 'remote-server',
      ...ifDefined('reply', judged.reply),
      providerDetail,
      verdict,
    });
  });
}

function delayOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const deliveryDelay = readField(event, 'deliveryDelay');
  const delayType = readString(deliveryDelay, 'delayType');
  const occurredAt = parseTime(readField(deliveryDelay, 'timestamp'));
  const fallback = ownValue(delayFallbacks, delayType) ?? unknownDelay;
  const shared = {
    type: context.type,
    ...ifDefined('delayType', delayType),
    ...ifDefined('expirationTime', readString(deliveryDelay, 'expirationTime')),
    ...ifDefined('reportingMTA', readString(deliveryDelay, 'reportingMTA')),
  };
  const recipients = readArray(deliveryDelay, 'delayedRecipients');
  if (recipients.length === 0)
    return [unreadable(provider, context.raw, 'the DeliveryDelay lists no delayedRecipients')];
  return recipients.map((entry) => {
    const recipient = readString(entry, 'emailAddress');
    const diagnosticCode = readString(entry, 'diagnosticCode');
    const status = readString(entry, 'status');
    const judged = judgeRelayedReply(diagnosticCode, recipient, {
      category: fallback.category,
      options: { ...fallback.options, ...ifDefined('status', validStatus(status)) },
    });
    return outcome(context, {
      ...ifDefined('recipient', recipient),
      ...ifDefined('occurredAt', occurredAt),
      event: 'deferred',
      origin: judged.reply === undefined ? fallback.origin : 'remote-server',
      ...ifDefined('reply', judged.reply),
      providerDetail: {
        ...shared,
        ...ifDefined('status', status),
        ...ifDefined('diagnosticCode', diagnosticCode),
      },
      verdict: judged.verdict,
    });
  });
}

function destinationOutcomes(
  event: unknown,
  context: Context,
  make: (recipient: string | undefined) => Omit<DeliveryOutcome, 'provider' | 'raw' | 'messageId'>,
): DeliveryOutcome[] {
  const destination = readArray(readField(event, 'mail'), 'destination').filter(
    (entry) => typeof entry === 'string',
  );
  if (destination.length === 0) return [outcome(context, make(undefined))];
  return destination.map((recipient) => outcome(context, make(recipient)));
}

function sendOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  // Send: SES accepted the request and will try delivery; the result comes in a later event.
  const verdict = createVerdict('delivered', {
    rule: 'ses:send',
    summary: 'SES accepted the message; the delivery result comes in a later event.',
  });
  return destinationOutcomes(event, context, (recipient) => ({
    ...ifDefined('recipient', recipient),
    event: 'accepted',
    origin: 'provider',
    providerDetail: { type: context.type },
    verdict,
  }));
}

function rejectOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const reason = readString(readField(event, 'reject'), 'reason');
  // SES: "Bad content" is the only reason — the message contained a virus and was not sent.
  const verdict = createVerdict('virus', {
    rule: 'ses:reject',
    summary: 'SES found a virus in the message and did not send it.',
  });
  return destinationOutcomes(event, context, (recipient) => ({
    ...ifDefined('recipient', recipient),
    event: 'rejected',
    origin: 'provider',
    providerDetail: { type: context.type, ...ifDefined('reason', reason) },
    verdict,
  }));
}

function renderingFailureOutcomes(event: unknown, context: Context): DeliveryOutcome[] {
  const failure = readField(event, 'failure');
  const errorMessage = readString(failure, 'errorMessage');
  const verdict = createVerdict('message-format', {
    rule: 'ses:rendering-failure',
    summary: `SES could not render the template${errorMessage === undefined ? '' : `: ${errorMessage}`}`,
  });
  return destinationOutcomes(event, context, (recipient) => ({
    ...ifDefined('recipient', recipient),
    event: 'failed',
    origin: 'provider',
    providerDetail: {
      type: context.type,
      ...ifDefined('templateName', readString(failure, 'templateName')),
      ...ifDefined('errorMessage', errorMessage),
    },
    verdict,
  }));
}

/** The `eventType` (event publishing) or `notificationType` (identity notifications) of an SES object. */
export function sesEventType(event: unknown): string | undefined {
  return readString(event, 'eventType') ?? readString(event, 'notificationType');
}

/**
 * Outcomes of one SES event object (already unwrapped from SNS or EventBridge). `raw` is what each outcome
 * keeps as its `raw` (default: `event`). Tracking events (Open, Click, Subscription) give `[]`.
 */
export function fromSesEventObject(event: unknown, raw: unknown = event): DeliveryOutcome[] {
  // A Proxy or a throwing getter deep inside (a recipients array) gives one unreadable outcome, not a throw.
  return convertSafely(raw, unreadableInput, () => readEventObject(event, raw));
}

function readEventObject(event: unknown, raw: unknown): DeliveryOutcome[] {
  if (!isRecord(event)) return [unreadable(provider, raw, 'the SES event is not an object')];
  const type = sesEventType(event);
  if (type === undefined)
    return [unreadable(provider, raw, 'no eventType or notificationType: not an SES event')];
  if (informational.has(type)) return [];
  const mail = readField(event, 'mail');
  const context: Context = {
    raw,
    type,
    ...ifDefined('messageId', readString(mail, 'messageId')),
    ...ifDefined('mailTime', parseTime(readField(mail, 'timestamp'))),
  };
  switch (type) {
    case 'Bounce':
      return bounceOutcomes(event, context);
    case 'Complaint':
      return complaintOutcomes(event, context);
    case 'Delivery':
      return deliveryOutcomes(event, context);
    case 'DeliveryDelay':
      return delayOutcomes(event, context);
    case 'Send':
      return sendOutcomes(event, context);
    case 'Reject':
      return rejectOutcomes(event, context);
    case 'Rendering Failure':
      return renderingFailureOutcomes(event, context);
    default:
      return [unreadable(provider, raw, `unknown SES event type ${JSON.stringify(type)}`)];
  }
}
