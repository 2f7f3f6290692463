import {
  createSnsTestSigner,
  signSnsMessage,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSnsUrl } from './sns-url';
import { createSnsVerifier, snsStringToSign, verifySnsMessage } from './verify-webhook';

// One RSA key and self-signed certificate for the whole file (key generation is the slow part).
const signer = createSnsTestSigner({ region: 'eu-west-1', validFrom: Date.now() - 86_400_000 });
const otherSigner = createSnsTestSigner({ region: 'eu-west-1' });
const event = {
  eventType: 'Delivery',
  delivery: { recipients: ['a@example.test'] },
  mail: { messageId: 'm-1' },
};

function verifier(options: Partial<Parameters<typeof createSnsVerifier>[0]> = {}) {
  return createSnsVerifier({ fetchCertificate: signer.fetchCertificate, topicArns: 'any', ...options });
}

describe('createSnsVerifier', () => {
  it('accepts a notification signed with SignatureVersion 2 (SHA256withRSA)', async () => {
    const message = toSnsNotification(event, { signer, signatureVersion: '2' });
    const result = await verifier()(JSON.stringify(message));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.message.MessageId).toBe(message.MessageId);
  });

  it('accepts a notification signed with SignatureVersion 1 (SHA1withRSA), parsed or as bytes', async () => {
    const message = toSnsNotification(event, {
      signer,
      signatureVersion: '1',
      subject: 'Amazon SES Email Event',
    });
    expect(await verifier()(message)).toMatchObject({ ok: true });
    expect(await verifier()(Buffer.from(JSON.stringify(message)))).toMatchObject({ ok: true });
  });

  it('accepts a signed SubscriptionConfirmation (Token and SubscribeURL are signed)', async () => {
    const message = toSnsSubscriptionConfirmation({ signer });
    expect(await verifier()(message)).toMatchObject({ ok: true });
    const altered = { ...message, Token: 'another-token' };
    expect(await verifier()(altered)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accepts a signed UnsubscribeConfirmation (signed like a SubscriptionConfirmation, per the AWS guide)', async () => {
    const message = signSnsMessage(
      { ...toSnsSubscriptionConfirmation(), Type: 'UnsubscribeConfirmation' },
      signer,
    );
    expect(await verifier()(message)).toMatchObject({ ok: true });
  });

  it('refuses an altered Message', async () => {
    const message = toSnsNotification(event, { signer });
    const altered = {
      ...message,
      Message: (message.Message as string).replace('a@example.test', 'b@example.test'),
    };
    const result = await verifier()(altered);
    expect(result).toEqual({
      ok: false,
      reason: 'bad-signature',
      message: expect.stringContaining('forged or altered'),
    });
  });

  it('refuses a message signed with another key (forged), even when the version is swapped', async () => {
    const forged = toSnsNotification(event, { signer: otherSigner, signingCertUrl: signer.certificateUrl });
    expect(await verifier()(forged)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const swapped = { ...toSnsNotification(event, { signer, signatureVersion: '2' }), SignatureVersion: '1' };
    expect(await verifier()(swapped)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a replayed (old) message and one from the future, with a configurable tolerance', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const old = toSnsNotification(event, { signer, timestamp: twoHoursAgo });
    expect(await verifier()(old)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifier({ toleranceMs: 3 * 3_600_000 })(old)).toMatchObject({ ok: true });
    const future = toSnsNotification(event, {
      signer,
      timestamp: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    });
    expect(await verifier()(future)).toMatchObject({ ok: false, reason: 'timestamp-in-future' });
    // The clock is injectable: the same message is fresh at its own time.
    expect(await verifier({ now: () => Date.parse(twoHoursAgo) + 1000 })(old)).toMatchObject({ ok: true });
  });

  it('refuses certificate URLs off the SNS host pattern before fetching anything', async () => {
    const bad = [
      'http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem',
      'https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem',
      'https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem',
      'https://sns.eu-west-1.amazonaws.com@evil.example/cert.pem',
      'https://user:pw@sns.eu-west-1.amazonaws.com/cert.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/cert.pem',
      'https://sns.eu-west-1.amazonaws.com/cert.txt',
      'https://s3.eu-west-1.amazonaws.com/cert.pem',
      'https://sns.x.amazonaws.com/cert.pem',
      'not a url',
    ];
    let fetched = 0;
    const verify = createSnsVerifier({
      topicArns: 'any',
      fetchCertificate: async () => {
        fetched += 1;
        return signer.certificatePem;
      },
    });
    for (const url of bad) {
      const message = signSnsMessage({ ...toSnsNotification(event), SigningCertURL: url }, signer);
      expect(await verify(message), url).toMatchObject({ ok: false, reason: 'bad-certificate-url' });
    }
    expect(fetched).toBe(0);
    expect(isSnsUrl('https://sns.cn-north-1.amazonaws.com.cn/x.pem')).toBe(true);
  });

  it('refuses a SubscriptionConfirmation whose SubscribeURL is not an SNS host', async () => {
    const message = signSnsMessage(
      {
        ...toSnsSubscriptionConfirmation(),
        SubscribeURL: 'https://evil.example/?Action=ConfirmSubscription',
      },
      signer,
    );
    expect(await verifier()(message)).toMatchObject({ ok: false, reason: 'bad-certificate-url' });
  });

  it('enforces the TopicArn allow-list', async () => {
    const message = toSnsNotification(event, {
      signer,
      topicArn: 'arn:aws:sns:eu-west-1:999999999999:other',
    });
    const verify = verifier({ topicArns: ['arn:aws:sns:eu-west-1:111122223333:ses-events'] });
    expect(await verify(message)).toMatchObject({ ok: false, reason: 'topic-not-allowed' });
    expect(await verify(toSnsNotification(event, { signer }))).toMatchObject({ ok: true });
  });

  it('caches the certificate per URL; a failed fetch only for failureCacheMs (0 here)', async () => {
    let calls = 0;
    let fail = true;
    const verify = createSnsVerifier({
      topicArns: 'any',
      failureCacheMs: 0,
      fetchCertificate: async (url) => {
        calls += 1;
        if (fail) throw new Error('connect ETIMEDOUT');
        return signer.fetchCertificate(url);
      },
    });
    const message = toSnsNotification(event, { signer });
    expect(await verify(message)).toEqual({
      ok: false,
      reason: 'certificate-unavailable',
      message: expect.stringContaining('ETIMEDOUT'),
    });
    fail = false;
    expect(await verify(message)).toMatchObject({ ok: true });
    expect(await verify(toSnsNotification(event, { signer }))).toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });

  it('cacheSize bounds the cache: the oldest certificate is fetched again', async () => {
    const second = createSnsTestSigner({ region: 'us-east-1' });
    let calls = 0;
    const fetchCertificate = async (url: string) => {
      calls += 1;
      return url === signer.certificateUrl ? signer.certificatePem : second.certificatePem;
    };
    const one = createSnsVerifier({ topicArns: 'any', fetchCertificate, cacheSize: 1, replayStore: false });
    const first = toSnsNotification(event, { signer });
    const other = toSnsNotification(event, {
      signer: second,
      topicArn: 'arn:aws:sns:us-east-1:111122223333:ses-events',
    });
    for (const message of [first, other, first]) expect(await one(message)).toMatchObject({ ok: true });
    expect(calls).toBe(3);
    calls = 0;
    const two = createSnsVerifier({ topicArns: 'any', fetchCertificate, cacheSize: 2, replayStore: false });
    for (const message of [first, other, first]) expect(await two(message)).toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });

  it('refuses a certificate that is not one, or is outside its validity period', async () => {
    const message = toSnsNotification(event, { signer });
    const notPem = createSnsVerifier({
      topicArns: 'any',
      fetchCertificate: async () => '<html>not a certificate</html>',
    });
    expect(await notPem(message)).toMatchObject({ ok: false, reason: 'bad-certificate' });
    const expiredSigner = createSnsTestSigner({
      validFrom: Date.now() - 2 * 86_400_000,
      validTo: Date.now() - 86_400_000,
    });
    const expired = createSnsVerifier({ topicArns: 'any', fetchCertificate: expiredSigner.fetchCertificate });
    const result = await expired(toSnsNotification(event, { signer: expiredSigner }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'bad-certificate',
      message: expect.stringContaining('valid from'),
    });
  });

  it('gives clear reasons for malformed messages', async () => {
    const verify = verifier();
    expect(await verify('not json')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verify([])).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verify({ Type: 'Gossip' })).toMatchObject({ ok: false, reason: 'unsupported-type' });
    const signed = toSnsNotification(event, { signer });
    expect(await verify({ ...signed, SignatureVersion: '3' })).toMatchObject({
      ok: false,
      reason: 'unsupported-signature-version',
    });
    expect(await verify({ ...signed, Message: 42 })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verify({ ...signed, Timestamp: 'yesterday' })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(await verify({ ...signed, Signature: '' })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verify({ ...signed, Signature: '!!!' })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('never throws, whatever the body', async () => {
    const verify = verifier();
    const signed = toSnsNotification(event, { signer });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc
            .dictionary(fc.constantFrom(...Object.keys(signed)), fc.oneof(fc.string(), fc.anything()))
            .map((patch) => ({
              ...signed,
              ...patch,
            })),
        ),
        async (body) => {
          const result = await verify(body);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validates its options', () => {
    expect(() => createSnsVerifier({ topicArns: 'any', toleranceMs: -1 })).toThrow(/toleranceMs/);
    expect(() => createSnsVerifier({ topicArns: 'any', fetchCertificate: 'x' as never })).toThrow(
      /fetchCertificate/,
    );
    expect(() => createSnsVerifier({ topicArns: 'arn' as never })).toThrow(/topicArns/);
    expect(() => createSnsVerifier({ topicArns: ['not-an-arn'] })).toThrow(/not an SNS topic ARN/);
    expect(() => createSnsVerifier({ topicArns: 'any', signatureVersions: ['3' as never] })).toThrow(
      /signatureVersions/,
    );
    expect(() => createSnsVerifier({ topicArns: 'any', failureCacheMs: -1 })).toThrow(/failureCacheMs/);
    expect(() => createSnsVerifier({ topicArns: 'any', maxConcurrentFetches: 0 })).toThrow(
      /maxConcurrentFetches/,
    );
    expect(() => createSnsVerifier({ topicArns: 'any', replayStore: {} as never })).toThrow(/replayStore/);
    expect(() => createSnsVerifier({ topicArns: 'any', cacheSize: 0 })).toThrow(/cacheSize/);
    expect(() => createSnsVerifier(null as never)).toThrow(TypeError);
  });

  it('one-shot verifySnsMessage works the same', async () => {
    const message = toSnsNotification(event, { signer });
    expect(
      await verifySnsMessage(message, { topicArns: 'any', fetchCertificate: signer.fetchCertificate }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('snsStringToSign', () => {
  it('builds Key\\nvalue\\n in the documented order, skipping an absent Subject', () => {
    const text = snsStringToSign({
      Type: 'Notification',
      MessageId: 'id',
      TopicArn: 'arn',
      Message: 'hello',
      Timestamp: '2026-11-20T10:00:00.000Z',
    });
    expect(text).toBe(
      'Message\nhello\nMessageId\nid\nTimestamp\n2026-11-20T10:00:00.000Z\nTopicArn\narn\nType\nNotification\n',
    );
  });
});
