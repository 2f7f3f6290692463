// The fake's own wire behaviour, spoken to with plain fetch. The real resend SDK is driven against it in
// packages/resend (where the SDK is installed).
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createResendWebhookSecret,
  type FakeResend,
  postResendWebhook,
  resendScenarios,
  signResendWebhook,
  startFakeResend,
} from './fake-resend';
import { startHttpServer } from './http-server';

let fake: FakeResend | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const email = { from: 'App <app@example.org>', to: ['a@example.test'], subject: 'Hi', text: 'x' };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake!.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer re_test', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('startFakeResend', () => {
  it('accepts a valid email with a uuid id and records it', async () => {
    fake = await startFakeResend();
    const answer = await post('/emails', email);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.sends[0]).toMatchObject({
      path: '/emails',
      recipients: ['a@example.test'],
      id: answer.body.id,
    });
  });

  it('checks the key: none → 401 missing_api_key, wrong → 403 invalid_api_key', async () => {
    fake = await startFakeResend();
    expect((await post('/emails', email, { authorization: '' })).body).toMatchObject({
      statusCode: 401,
      name: 'missing_api_key',
    });
    expect((await post('/emails', email, { authorization: 'Bearer nope' })).body).toEqual({
      statusCode: 403,
      name: 'invalid_api_key',
      message: 'API key is invalid',
    });
  });

  it('validates fields and the from domain like Resend', async () => {
    fake = await startFakeResend();
    expect((await post('/emails', { ...email, to: [] })).body).toMatchObject({
      statusCode: 422,
      name: 'missing_required_field',
    });
    expect((await post('/emails', { ...email, from: 'nope' })).body).toMatchObject({
      statusCode: 422,
      name: 'invalid_from_address',
    });
    expect((await post('/emails', { ...email, to: 'bad address' })).body).toMatchObject({
      statusCode: 422,
      name: 'validation_error',
    });
    const unverified = await post('/emails', { ...email, from: 'x@example.net' });
    expect(unverified.body).toMatchObject({ statusCode: 403, name: 'validation_error' });
    expect(String(unverified.body.message)).toContain('example.net domain is not verified');
  });

  it('rate limits with Resend headers', async () => {
    fake = await startFakeResend({ rateLimit: 2 });
    expect((await post('/emails', email)).status).toBe(200);
    expect((await post('/emails', email)).status).toBe(200);
    const limited = await post('/emails', email);
    expect(limited.status).toBe(429);
    expect(limited.body.name).toBe('rate_limit_exceeded');
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('plays sequence, then per-recipient scenarios, then the fallback', async () => {
    fake = await startFakeResend({
      sequence: [resendScenarios.dailyQuota],
      recipients: { 'b@example.test': resendScenarios.securityError },
      fallback: resendScenarios.internalServerError,
    });
    expect((await post('/emails', email)).body.name).toBe('daily_quota_exceeded');
    expect((await post('/emails', { ...email, to: ['B@example.test'] })).body.name).toBe('security_error');
    expect((await post('/emails', email)).body.name).toBe('internal_server_error');
  });

  it('batch: strict fails the whole batch, permissive lists per-email errors', async () => {
    fake = await startFakeResend();
    const batch = [email, { ...email, to: 'bad address' }];
    const strict = await post('/emails/batch', batch);
    expect(strict.status).toBe(422);
    expect(String(strict.body.message)).toMatch(/^emails\[1\]/);
    const permissive = await post('/emails/batch', batch, { 'x-batch-validation': 'permissive' });
    expect(permissive.status).toBe(200);
    expect((permissive.body.data as unknown[]).length).toBe(1);
    expect(permissive.body.errors).toEqual([{ index: 1, message: resendScenarios.invalidTo.message }]);
  });

  it('signs webhooks as Svix does and posts them', async () => {
    const secret = createResendWebhookSecret();
    const signed = signResendWebhook(
      { type: 'email.delivered' },
      { secret, id: 'msg_1', timestamp: 1764000000 },
    );
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`msg_1.1764000000.${signed.body}`)
      .digest('base64');
    expect(signed.headers).toEqual({
      'svix-id': 'msg_1',
      'svix-timestamp': '1764000000',
      'svix-signature': `v1,${expected}`,
    });
    const receiver = await startHttpServer(() => ({ status: 204 }));
    expect(await postResendWebhook(receiver.url, signed)).toBe(204);
    expect(receiver.requests[0]!.headers['svix-id']).toBe('msg_1');
    expect(receiver.requests[0]!.body).toBe(signed.body);
    await receiver.close();
  });

  it('reproduces the packages/resend/PROVIDER.md §3 test vector', () => {
    const body =
      '{"type":"email.bounced","created_at":"2025-11-24T16:00:00.000Z","data":{"email_id":"4ef9a417-02e9-4d39-ad75-9611e0fcc33c","to":["gone@example.test"],"bounce":{"type":"Permanent","subType":"General","message":"x"}}}';
    const signed = signResendWebhook(body, {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_2LJv6Qh4Sx0bRr5QnGbm2bE5n3P',
      timestamp: 1764000000,
    });
    expect(signed.headers['svix-signature']).toBe('v1,BbQC8MUAhkH7H6IwZt+DB6YaoIWal5CN3Gogdg9r+nE=');
  });
});
