import { createPublicKey, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSelfSignedCertificate,
  createSnsTestSigner,
  type FakeSes,
  postSnsMessage,
  sesEvents,
  sesScenarios,
  startFakeSes,
  toEventBridge,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from './fake-ses';
import { startHttpServer } from './http-server';

// The real @aws-sdk/client-sesv2 is exercised against this fake in packages/ses; here: the wire format.
let fake: FakeSes | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function sendEmail(url: string, to: string[]) {
  return fetch(`${url}/v2/email/outbound-emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ FromEmailAddress: 'a@example.org', Destination: { ToAddresses: to } }),
  });
}

describe('startFakeSes', () => {
  it('answers SendEmail with a MessageId and records the call', async () => {
    fake = await startFakeSes();
    const response = await sendEmail(fake.url, ['x@example.test']);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { MessageId: string };
    expect(fake.sends).toEqual([
      expect.objectContaining({
        recipients: ['x@example.test'],
        from: 'a@example.org',
        messageId: body.MessageId,
      }),
    ]);
  });

  it('errors carry x-amzn-ErrorType and {"message"} with the modeled status', async () => {
    fake = await startFakeSes({ sequence: [sesScenarios.maxSendRate, sesScenarios.notFound] });
    const throttled = await sendEmail(fake.url, ['x@example.test']);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(await throttled.json()).toEqual({ message: 'Maximum sending rate exceeded.' });
    const missing = await sendEmail(fake.url, ['x@example.test']);
    expect(missing.status).toBe(404);
    expect((await sendEmail(fake.url, ['x@example.test'])).status).toBe(200);
  });

  it('per-recipient scenarios and quotas', async () => {
    fake = await startFakeSes({
      recipients: { 'Bad@Example.test': sesScenarios.accountSuspended },
      dailyQuota: 1,
    });
    expect(
      (await sendEmail(fake.url, ['ok@example.test', 'bad@example.test'])).headers.get('x-amzn-errortype'),
    ).toBe('AccountSuspendedException');
    expect((await sendEmail(fake.url, ['ok@example.test'])).status).toBe(200);
    const overQuota = await sendEmail(fake.url, ['ok@example.test']);
    expect(await overQuota.json()).toEqual({ message: 'Daily message quota exceeded.' });
  });

  it('unknown routes are 404 NotFoundException', async () => {
    fake = await startFakeSes();
    const response = await fetch(`${fake.url}/v2/email/identities`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
  });
});

describe('SNS test signing', () => {
  const signer = createSnsTestSigner({ region: 'us-east-1' });

  it('makes a real X.509 certificate that Node parses and that verifies its own signature', () => {
    const certificate = new X509Certificate(signer.certificatePem);
    expect(certificate.subject).toBe('CN=sns.amazonaws.com');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(Date.parse(certificate.validTo)).toBeGreaterThan(Date.now());
    expect(signer.certificateUrl).toBe(
      'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem',
    );
  });

  it('signs notifications over the documented string (SignatureVersion 2 = SHA256)', () => {
    const message = toSnsNotification(
      { eventType: 'Send' },
      { signer, topicArn: 'arn:aws:sns:us-east-1:1:t' },
    );
    const text = `Message\n${message.Message}\nMessageId\n${message.MessageId}\nTimestamp\n${message.Timestamp}\nTopicArn\n${message.TopicArn}\nType\nNotification\n`;
    const key = createPublicKey(signer.certificatePem);
    expect(verify('sha256', Buffer.from(text), key, Buffer.from(message.Signature as string, 'base64'))).toBe(
      true,
    );
    expect(message.SigningCertURL).toBe(signer.certificateUrl);
  });

  it('fetchCertificate serves only its own URL and counts fetches', async () => {
    const before = signer.fetches;
    await expect(signer.fetchCertificate(signer.certificateUrl)).resolves.toContain('BEGIN CERTIFICATE');
    await expect(signer.fetchCertificate('https://sns.us-east-1.amazonaws.com/other.pem')).rejects.toThrow();
    expect(signer.fetches).toBe(before + 2);
  });

  it('builds subscription confirmations and EventBridge events, and posts like SNS', async () => {
    const confirmation = toSnsSubscriptionConfirmation({ signer });
    expect(confirmation).toMatchObject({ Type: 'SubscriptionConfirmation', SignatureVersion: '2' });
    expect(String(confirmation.SubscribeURL)).toContain(String(confirmation.Token));
    const bridge = toEventBridge(
      sesEvents.deliveryDelay({ delayType: 'MailboxFull', recipients: ['r@example.test'] }),
    );
    expect(bridge).toMatchObject({ source: 'aws.ses', 'detail-type': 'Email Delivery Delayed' });

    const receiver = await startHttpServer(() => ({ status: 200 }));
    try {
      const status = await postSnsMessage(
        receiver.url,
        toSnsNotification(sesEvents.delivery({ recipients: ['r@example.test'] })),
      );
      expect(status).toBe(200);
      const [request] = receiver.requests;
      expect(request?.headers['x-amz-sns-message-type']).toBe('Notification');
      expect(request?.headers['content-type']).toBe('text/plain; charset=UTF-8');
      const inner = JSON.parse((JSON.parse(request?.body ?? '{}') as { Message: string }).Message) as Record<
        string,
        unknown
      >;
      expect(inner.eventType).toBe('Delivery');
    } finally {
      await receiver.close();
    }
  });

  it('event builders write both notificationType and eventType styles', () => {
    const legacy = sesEvents.bounce({
      style: 'notification',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      recipients: ['r@example.test'],
    });
    expect(legacy.notificationType).toBe('Bounce');
    expect(legacy.eventType).toBeUndefined();
    expect(sesEvents.complaint({ recipients: ['r@example.test'] }).eventType).toBe('Complaint');
  });
});

describe('createSelfSignedCertificate', () => {
  it('writes a certificate OpenSSL parses whatever the random serial (a leading 0x00 or 0x80 once made illegal DER padding)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const now = Date.now();
    const awkward = [
      [0x00, 0x01, 2, 3, 4, 5, 6, 7],
      [0x80, 0x7f, 2, 3, 4, 5, 6, 7],
      [0x00, 0x00, 0, 0, 0, 0, 0, 0],
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    ];
    for (const bytes of awkward) {
      const pem = createSelfSignedCertificate({
        publicKey,
        privateKey,
        commonName: 'c',
        validFrom: now,
        validTo: now + 1e6,
        serialBytes: Uint8Array.from(bytes),
      });
      expect(() => new X509Certificate(pem)).not.toThrow();
      expect(Number.parseInt(new X509Certificate(pem).serialNumber.slice(0, 2), 16)).toBeGreaterThanOrEqual(
        0x40,
      );
    }
  });
});
