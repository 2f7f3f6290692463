// Issue 13's security holes, one test each; each failed on the code before the fix, except the subscription test,
// which passed wherever topicArns was given — what failed is that topicArns was optional (the first test).
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import {
  createSnsTestSigner,
  signSnsMessage,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from '@mailverdict/testkit';
import { describe, expect, it } from 'vitest';
import { createSnsVerifier, fromSesNotification } from './index';

const signer = createSnsTestSigner({ region: 'eu-west-1' });
const topic = 'arn:aws:sns:eu-west-1:111122223333:ses-events';
const event = {
  eventType: 'Delivery',
  delivery: { recipients: ['a@example.test'] },
  mail: { messageId: 'm-1' },
};

// biome-ignore lint/suspicious/noExplicitAny: options that older versions did not declare
type AnyOptions = any;

function verifier(options: AnyOptions = {}) {
  return createSnsVerifier({ fetchCertificate: signer.fetchCertificate, topicArns: [topic], ...options });
}

describe('SNS topic allow-list', () => {
  it('is required: a verifier without topicArns is refused at start-up', () => {
    expect(() => createSnsVerifier({ fetchCertificate: signer.fetchCertificate } as AnyOptions)).toThrow(
      /topicArns/,
    );
  });

  it("accepts any topic only with the explicit topicArns: 'any'", async () => {
    const verify = verifier({ topicArns: 'any' });
    const message = toSnsNotification(event, {
      signer,
      topicArn: 'arn:aws:sns:eu-west-1:999988887777:other',
    });
    expect(await verify(message)).toMatchObject({ ok: true });
  });

  it("refuses a genuinely signed subscription confirmation for another account's topic", async () => {
    const message = toSnsSubscriptionConfirmation({
      signer,
      topicArn: 'arn:aws:sns:eu-west-1:999988887777:evil',
    });
    expect(await verifier()(message)).toMatchObject({ ok: false, reason: 'topic-not-allowed' });
  });
});

describe('SNS replays', () => {
  it('refuses the same signed message twice (MessageId)', async () => {
    const verify = verifier({ replayStore: createMemoryReplayStore() });
    const message = toSnsNotification(event, { signer });
    expect(await verify(message)).toMatchObject({ ok: true });
    expect(await verify(JSON.stringify(message))).toMatchObject({ ok: false, reason: 'replayed' });
  });
});

describe('SNS certificate URL', () => {
  it('fetches and caches the normalized URL, not the raw string', async () => {
    const fetched: string[] = [];
    const verify = verifier({
      fetchCertificate: (url: string) => {
        fetched.push(url);
        return signer.fetchCertificate(url);
      },
    });
    const odd = signer.certificateUrl.replace('https://sns.', 'HTTPS://SNS.');
    const message = signSnsMessage({ ...toSnsNotification(event), SigningCertURL: odd }, signer);
    expect(await verify(message)).toMatchObject({ ok: true });
    expect(fetched).toEqual([signer.certificateUrl]);
  });

  it('requires the /SimpleNotificationService-<hex>.pem path', async () => {
    const url = 'https://sns.eu-west-1.amazonaws.com/uploads/attacker.pem';
    const message = signSnsMessage({ ...toSnsNotification(event), SigningCertURL: url }, signer);
    expect(
      await verifier({ fetchCertificate: () => Promise.resolve(signer.certificatePem) })(message),
    ).toMatchObject({ ok: false, reason: 'bad-certificate-url' });
  });

  it("requires the certificate host to be in the topic's region", async () => {
    const url = signer.certificateUrl.replace('eu-west-1', 'us-east-1');
    const message = signSnsMessage({ ...toSnsNotification(event), SigningCertURL: url }, signer);
    expect(
      await verifier({ fetchCertificate: () => Promise.resolve(signer.certificatePem) })(message),
    ).toMatchObject({ ok: false, reason: 'bad-certificate-url' });
  });

  it('caches a failed fetch briefly instead of fetching again on every request', async () => {
    let calls = 0;
    let time = Date.now();
    const verify = verifier({
      now: () => time,
      fetchCertificate: () => {
        calls += 1;
        return Promise.reject(new Error('down'));
      },
    });
    const message = toSnsNotification(event, { signer });
    expect(await verify(message)).toMatchObject({ ok: false, reason: 'certificate-unavailable' });
    expect(await verify(message)).toMatchObject({ ok: false, reason: 'certificate-unavailable' });
    expect(calls).toBe(1);
    time += 60_000;
    await verify(message);
    expect(calls).toBe(2);
  });

  it('caps concurrent certificate fetches', async () => {
    let inFlight = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const verify = verifier({
      topicArns: 'any',
      fetchCertificate: async (url: string) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight -= 1;
        return signer.fetchCertificate(url);
      },
    });
    const messages = Array.from({ length: 20 }, (_, index) =>
      signSnsMessage(
        {
          ...toSnsNotification(event),
          SigningCertURL: `https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-${index.toString(16).padStart(32, '0')}.pem`,
        },
        signer,
      ),
    );
    const pending = messages.map((message) => verify(message));
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const done of release.splice(0)) done();
    const results = await Promise.all(pending);
    expect(most).toBeLessThanOrEqual(4);
    expect(results.every((result) => !result.ok)).toBe(true);
  });
});

describe('SNS signature versions', () => {
  it("refuses SHA-1 (SignatureVersion 1) with signatureVersions: ['2']", async () => {
    const message = toSnsNotification(event, { signer, signatureVersion: '1' });
    expect(await verifier({ signatureVersions: ['2'] })(message)).toMatchObject({
      ok: false,
      reason: 'unsupported-signature-version',
    });
    expect(await verifier()(message)).toMatchObject({ ok: true });
  });

  it("accepts an ArrayBuffer body (fetch's arrayBuffer())", async () => {
    const body = new TextEncoder().encode(JSON.stringify(toSnsNotification(event, { signer }))).buffer;
    expect(await verifier()(body)).toMatchObject({ ok: true });
  });
});

describe('hostile objects in the converters', () => {
  const throwingArray = (items: unknown[]) =>
    new Proxy(items, {
      get(target, key) {
        if (key === 'length') throw new Error('length getter throws');
        return Reflect.get(target, key);
      },
    });

  it.each([
    [
      'bouncedRecipients',
      {
        eventType: 'Bounce',
        mail: {},
        bounce: { bounceType: 'Permanent', bouncedRecipients: throwingArray([{}]) },
      },
    ],
    [
      'delivery.recipients',
      { eventType: 'Delivery', mail: {}, delivery: { recipients: throwingArray(['a@x.test']) } },
    ],
    ['mail.destination', { eventType: 'Send', mail: { destination: throwingArray(['a@x.test']) }, send: {} }],
  ])('a Proxy for %s gives one unreadable outcome, not a throw', (_name, input) => {
    const outcomes = fromSesNotification(input);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.verdict).toMatchObject({ category: 'unknown', rule: 'ses:unreadable' });
  });
});
