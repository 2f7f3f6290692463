import { MailverdictError } from '@mailverdict/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postmarkAdapter } from './adapter';
import { checkBasicAuth, createWebhookGuard } from './verify-webhook';

const credentials = { username: 'postmark', password: 's3cret:with-colon' };
const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

describe('checkBasicAuth', () => {
  it('accepts the right credentials (password may contain ":")', () => {
    expect(checkBasicAuth(basic('postmark:s3cret:with-colon'), credentials)).toEqual({ ok: true });
    expect(
      checkBasicAuth(`basic  ${Buffer.from('postmark:s3cret:with-colon').toString('base64')} `, credentials),
    ).toEqual({
      ok: true,
    });
  });

  it('rejects everything else with a reason', () => {
    const cases: [unknown, string][] = [
      [undefined, 'no Authorization header'],
      ['', 'no Authorization header'],
      [[], 'no Authorization header'],
      [[basic('postmark:x'), basic('postmark:y')], 'more than one'],
      [42, 'not a string'],
      ['Bearer abc', 'Basic scheme'],
      ['Basic', 'empty'],
      ['Basic ***', 'not valid base64'],
      ['Basic QQ=QQ', 'not valid base64'],
      [basic('nocolon'), 'no ":"'],
      [basic('postmark:wrong'), 'do not match'],
      [basic('Postmark:s3cret:with-colon'), 'do not match'],
      [basic('postmark:s3cret:with-colon '), 'do not match'],
      [`Basic ${'A'.repeat(5000)}`, 'too long'],
    ];
    for (const [header, reason] of cases) {
      const result = checkBasicAuth(header, credentials);
      expect(result.ok, String(header)).toBe(false);
      if (!result.ok) expect(result.reason).toContain(reason);
    }
  });

  it('never throws on any header', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string().map((value) => `Basic ${value}`),
        ),
        (header) => {
          expect(checkBasicAuth(header, credentials).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses unusable expected credentials', () => {
    expect(() => checkBasicAuth('x', null as never)).toThrow(TypeError);
    expect(() => checkBasicAuth('x', { username: '', password: 'p' })).toThrow(MailverdictError);
    expect(() => checkBasicAuth('x', { username: 'a:b', password: 'p' })).toThrow(/":"/);
    expect(() => checkBasicAuth('x', { username: 'a', password: '' })).toThrow(MailverdictError);
  });
});

describe('createWebhookGuard', () => {
  const guard = createWebhookGuard(credentials);
  const good = basic('postmark:s3cret:with-colon');

  it('reads a Node request, a Fetch Request, a header record or the value itself', () => {
    expect(guard({ headers: { authorization: good } })).toEqual({ ok: true });
    expect(guard(new Request('http://localhost/', { headers: { Authorization: good } }))).toEqual({
      ok: true,
    });
    expect(guard(new Headers({ authorization: good }))).toEqual({ ok: true });
    expect(guard({ Authorization: good })).toEqual({ ok: true });
    expect(guard(good)).toEqual({ ok: true });
  });

  it('never throws on hostile requests', () => {
    const hostile = new Proxy(
      {},
      {
        has() {
          throw new Error('has');
        },
        get() {
          throw new Error('get');
        },
      },
    );
    expect(guard(hostile as never)).toEqual({ ok: false, reason: 'the request headers could not be read' });
    const throwingGet = {
      headers: {
        get: () => {
          throw new Error('boom');
        },
      },
    };
    expect(guard(throwingGet).ok).toBe(false);
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(guard(input as never).ok).toBe(false);
      }),
    );
  });

  it('rejects a request without the header', () => {
    expect(guard({ headers: {} })).toEqual({ ok: false, reason: 'no Authorization header' });
    expect(guard(undefined).ok).toBe(false);
  });
});

describe('postmarkAdapter.createWebhookVerifier', () => {
  const verify = postmarkAdapter.createWebhookVerifier({ username: 'hook', password: 's3cret' });
  const header = `Basic ${Buffer.from('hook:s3cret').toString('base64')}`;

  it('accepts the configured Basic credentials and refuses anything else, hostile objects included', async () => {
    expect(await verify({ body: '{}', headers: { authorization: header } })).toEqual({ ok: true });
    expect(await verify({ body: '{}', headers: { authorization: 'Basic eDp5' } })).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(await verify(hostile as never)).toMatchObject({ ok: false });
    expect(await verify({ body: '{}', headers: hostile as never })).toMatchObject({ ok: false });
  });

  it('refuses unusable credentials at start-up', () => {
    expect(() => postmarkAdapter.createWebhookVerifier({ username: '', password: '' })).toThrow();
  });
});
