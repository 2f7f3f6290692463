// The README's plain node:http receiver, run for real: SNS-style POSTs from the testkit, signed with a test
// certificate; forged ones are refused with 403.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryOutcome } from '@mailverdict/core';
import {
  createSnsTestSigner,
  postSnsMessage,
  sesEvents,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from '@mailverdict/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createSnsVerifier } from './verify-webhook';
import { readSesWebhook } from './webhook';

const signer = createSnsTestSigner({ region: 'eu-west-1' });
const topicArn = 'arn:aws:sns:eu-west-1:111122223333:ses-events';
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** The README example, with the certificate fetcher and the confirmation GET injected for the test. */
function startReceiver(
  handle: (outcome: DeliveryOutcome) => void,
  confirm: (url: string) => Promise<unknown>,
) {
  const verify = createSnsVerifier({ topicArns: [topicArn], fetchCertificate: signer.fetchCertificate });
  const created = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');

    const check = await verify(body);
    if (!check.ok) {
      response.writeHead(403).end(check.message);
      return;
    }
    const webhook = readSesWebhook(body);
    if (webhook.kind === 'subscription-confirmation' && webhook.subscribeUrlTrusted) {
      await confirm(webhook.subscribeUrl as string); // production: await fetch(webhook.subscribeUrl)
    } else if (webhook.kind === 'events') {
      for (const outcome of webhook.outcomes) handle(outcome);
    }
    response.writeHead(200).end();
  });
  server = created;
  return new Promise<string>((resolve) => {
    created.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(created.address() as AddressInfo).port}/`),
    );
  });
}

describe('node:http SNS receiver (README example)', () => {
  it('handles signed notifications, confirms subscriptions, refuses forgeries', async () => {
    const outcomes: DeliveryOutcome[] = [];
    const confirmed: string[] = [];
    const url = await startReceiver(
      (outcome) => outcomes.push(outcome),
      async (subscribeUrl) => confirmed.push(subscribeUrl),
    );

    const confirmation = toSnsSubscriptionConfirmation({ signer, topicArn });
    expect(await postSnsMessage(url, confirmation)).toBe(200);
    expect(confirmed).toEqual([confirmation.SubscribeURL]);

    const bounce = sesEvents.bounce({
      bounceType: 'Permanent',
      bounceSubType: 'OnAccountSuppressionList',
      recipients: ['former@example.test'],
    });
    expect(await postSnsMessage(url, toSnsNotification(bounce, { signer, topicArn }))).toBe(200);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      recipient: 'former@example.test',
      verdict: { category: 'suppressed' },
    });

    const forged = {
      ...toSnsNotification(bounce, { signer, topicArn }),
      Message: JSON.stringify({ eventType: 'Delivery' }),
    };
    expect(await postSnsMessage(url, forged)).toBe(403);
    const otherTopic = toSnsNotification(bounce, {
      signer,
      topicArn: 'arn:aws:sns:eu-west-1:999999999999:x',
    });
    expect(await postSnsMessage(url, otherTopic)).toBe(403);
    expect(outcomes).toHaveLength(1);
  });
});
