// Unwraps what reaches a webhook or a queue consumer: an SNS HTTP(S) message whose `Message` is the SES event
// as a JSON *string* (packages/ses/PROVIDER.md §4), an EventBridge event (`detail-type`, `detail`), or the bare SES
// object (SNS raw message delivery, SQS, Firehose). Nothing here fetches anything: a SubscriptionConfirmation
// is reported so the application can confirm it deliberately.

import type { DeliveryOutcome } from '@mailverdict/core';
import { isRecord, readField, readString, readWebhookBody, unreadable } from '@mailverdict/core/adapter';
import { fromSesEventObject, sesEventType } from './event';
import { isSnsUrl } from './sns-url';
import { provider, type SesWebhook } from './types';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function unreadableWebhook(raw: unknown, reason: string): SesWebhook {
  return { kind: 'unreadable', reason, outcomes: [unreadable(provider, raw, reason)] };
}

/**
 * Reads an SES notification as it arrives — the raw body (string or bytes) or its parsed JSON — in any of the
 * three transports. Never throws. Verify SNS signatures first (`createSnsVerifier`); this reads, it does not
 * authenticate.
 */
export function readSesWebhook(input: unknown): SesWebhook {
  const read = readWebhookBody(input);
  if (!read.ok) return unreadableWebhook(input, read.reason);
  const body = read.value;
  if (!isRecord(body)) return unreadableWebhook(input, 'the body is not a JSON object');

  const snsType = readString(body, 'Type');
  if (snsType !== undefined && readField(body, 'TopicArn') !== undefined) {
    const topicArn = readString(body, 'TopicArn');
    if (snsType === 'SubscriptionConfirmation') {
      const subscribeUrl = readString(body, 'SubscribeURL');
      return {
        kind: 'subscription-confirmation',
        ...(topicArn === undefined ? {} : { topicArn }),
        ...(subscribeUrl === undefined ? {} : { subscribeUrl }),
        subscribeUrlTrusted: isSnsUrl(subscribeUrl),
        ...(readString(body, 'Token') === undefined ? {} : { token: readString(body, 'Token') }),
      };
    }
    if (snsType === 'UnsubscribeConfirmation') {
      return { kind: 'unsubscribe-confirmation', ...(topicArn === undefined ? {} : { topicArn }) };
    }
    if (snsType !== 'Notification')
      return unreadableWebhook(input, `unknown SNS message Type ${JSON.stringify(snsType)}`);
    const message = readString(body, 'Message');
    if (message === undefined) return unreadableWebhook(input, 'the SNS Notification has no Message string');
    const inner = parseJson(message);
    if (!inner.ok) return unreadableWebhook(input, 'the SNS Message is not JSON (not an SES notification)');
    return { kind: 'events', transport: 'sns', outcomes: fromSesEventObject(inner.value, input) };
  }

  if (readString(body, 'detail-type') !== undefined && isRecord(readField(body, 'detail'))) {
    const source = readString(body, 'source');
    if (source !== undefined && source !== 'aws.ses') {
      return unreadableWebhook(input, `EventBridge source ${JSON.stringify(source)} is not aws.ses`);
    }
    return {
      kind: 'events',
      transport: 'eventbridge',
      outcomes: fromSesEventObject(readField(body, 'detail'), input),
    };
  }

  if (sesEventType(body) !== undefined) {
    return { kind: 'events', transport: 'raw', outcomes: fromSesEventObject(body, input) };
  }
  return unreadableWebhook(input, 'neither an SNS message, an EventBridge event nor an SES event object');
}

/**
 * Outcomes of an SES notification in any transport (SNS envelope, EventBridge, bare object; string, bytes or
 * parsed). SNS subscription messages and tracking events give `[]`; input that is not an SES notification gives
 * one `unknown` outcome saying why. Never throws.
 */
export function fromSesNotification(input: unknown): DeliveryOutcome[] {
  const webhook = readSesWebhook(input);
  return webhook.kind === 'events' || webhook.kind === 'unreadable' ? webhook.outcomes : [];
}
