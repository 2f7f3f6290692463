import { describe, expect, it } from 'vitest';
import { buildOutcome } from './build-outcome';
import { ownValue } from './own-value';
import { readBodyBytes, readRequest, readRequestHeader } from './read-request';
import { readWebhookBody } from './read-webhook-body';
import { unreadable } from './unreadable-outcome';

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    getPrototypeOf() {
      throw new Error('trap');
    },
    ownKeys() {
      throw new Error('trap');
    },
  },
);

describe('readBodyBytes', () => {
  it('reads strings as UTF-8, bytes and ArrayBuffers as they are, anything else as undefined', () => {
    expect([...(readBodyBytes('é') ?? [])]).toEqual([0xc3, 0xa9]);
    expect(readBodyBytes(new Uint8Array([1, 2]))).toEqual(new Uint8Array([1, 2]));
    expect(readBodyBytes(new Uint8Array([3]).buffer)).toEqual(new Uint8Array([3]));
    for (const value of [undefined, {}, [1], hostile]) expect(readBodyBytes(value)).toBeUndefined();
  });
});

describe('readRequestHeader', () => {
  it('reads fetch Headers and plain objects in any case, the first of several values', () => {
    expect(readRequestHeader(new Headers({ 'X-Sig': ' a ' }), 'x-sig')).toBe('a');
    expect(readRequestHeader({ 'X-SIG': ['b', 'c'] }, 'x-sig')).toBe('b');
    expect(readRequestHeader({ 'x-sig': '  ' }, 'x-sig')).toBeUndefined();
  });

  it('reads a hostile object as absent', () => {
    expect(readRequestHeader(hostile, 'x-sig')).toBeUndefined();
    const getter = Object.defineProperty({}, 'x-sig', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(readRequestHeader(getter, 'x-sig')).toBeUndefined();
    expect(readRequest(hostile)).toEqual({ body: undefined, headers: undefined });
  });
});

describe('readWebhookBody', () => {
  it('parses raw bodies, passes parsed ones through, and says when it is not JSON', () => {
    expect(readWebhookBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const parsed = { a: 1 };
    expect(readWebhookBody(parsed)).toEqual({ ok: true, value: parsed });
    expect(readWebhookBody(new TextEncoder().encode('[1]'))).toEqual({ ok: true, value: [1] });
    expect(readWebhookBody('{')).toEqual({ ok: false, reason: 'the body is not JSON' });
  });
});

describe('buildOutcome and unreadable', () => {
  it('leaves out the optional fields that are undefined', () => {
    const verdict = unreadable('acme', 1, 'x').verdict;
    const outcome = buildOutcome({
      provider: 'acme',
      event: 'failed',
      recipient: undefined,
      origin: 'local',
      verdict,
      raw: 1,
    });
    expect(Object.keys(outcome)).toEqual(['provider', 'event', 'origin', 'providerDetail', 'verdict', 'raw']);
  });

  it('gives every provider the same rule grammar and wording', () => {
    const outcome = unreadable('acme', 'junk', 'the body is not JSON');
    expect(outcome.verdict.rule).toBe('acme:unreadable');
    expect(outcome.verdict.summary).toBe('Not readable as acme input: the body is not JSON.');
    expect(outcome.providerDetail).toEqual({ unreadable: 'the body is not JSON' });
  });
});

describe('ownValue', () => {
  it('never reaches Object.prototype', () => {
    const table: Record<string, number> = { a: 1 };
    expect(ownValue(table, 'a')).toBe(1);
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', undefined]) {
      expect(ownValue(table, key)).toBeUndefined();
    }
  });
});
