// The README's plain node:http receiver, run for real: signed batches POSTed by the testkit; tampered or
// replayed ones are refused with 403.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryOutcome } from '@mailverdict/core';
import {
  createSendGridTestKeys,
  postSendGridEvents,
  sendGridEvents,
  signSendGridBatch,
} from '@mailverdict/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createSendGridVerifier } from './verify-webhook';
import { fromSendGridEvents } from './webhook';

const keys = createSendGridTestKeys();
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** The README example. */
function startReceiver(publicKey: string, handle: (outcome: DeliveryOutcome) => void) {
  const verify = createSendGridVerifier(publicKey);
  const created = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks); // the raw bytes: never re-serialize parsed JSON

    const check = await verify({ body, headers: request.headers });
    if (!check.ok) {
      response.writeHead(403).end(check.message);
      return;
    }
    for (const outcome of fromSendGridEvents(body)) handle(outcome);
    response.writeHead(200).end();
  });
  server = created;
  return new Promise<string>((resolve) => {
    created.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(created.address() as AddressInfo).port}/`),
    );
  });
}

describe('node:http SendGrid receiver (README example)', () => {
  it('handles signed batches and refuses tampered or replayed ones', async () => {
    const outcomes: DeliveryOutcome[] = [];
    const url = await startReceiver(keys.publicKey, (outcome) => outcomes.push(outcome));
    const batch = [
      sendGridEvents.processed({ email: 'a@example.test' }),
      sendGridEvents.dropped({ email: 'former@example.test', reason: 'Bounced Address' }),
      sendGridEvents.spamreport({ email: 'b@example.test' }),
    ];
    expect(await postSendGridEvents(url, signSendGridBatch(batch, keys))).toBe(200);
    expect(outcomes.map((outcome) => [outcome.recipient, outcome.verdict.category])).toEqual([
      ['a@example.test', 'accepted'],
      ['former@example.test', 'suppressed'],
      ['b@example.test', 'complaint'],
    ]);

    const signed = signSendGridBatch(batch, keys);
    expect(
      await postSendGridEvents(url, { ...signed, body: signed.body.replace('Bounced', 'Invalid') }),
    ).toBe(403);
    const replayed = signSendGridBatch(batch, keys, Math.floor(Date.now() / 1000) - 3600);
    expect(await postSendGridEvents(url, replayed)).toBe(403);
    expect(await postSendGridEvents(url, signSendGridBatch(batch, createSendGridTestKeys()))).toBe(403);
    const once = signSendGridBatch([sendGridEvents.delivered({ email: 'c@example.test' })], keys);
    expect(await postSendGridEvents(url, once)).toBe(200);
    expect(await postSendGridEvents(url, once)).toBe(403);
    expect(outcomes).toHaveLength(4);
  });
});
