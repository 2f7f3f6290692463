import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyValue, revokedProxy, throwingGetters, throwingProxy } from './__fixtures__/hostile-values';
import { parseRetryAfter, readHeader } from './retry-after';

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds (RFC 9110 §10.2.3) as milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(['30', '60'], now)).toBe(30_000);
    expect(parseRetryAfter(1.5, now)).toBe(1500);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('answers undefined for anything else', () => {
    for (const value of ['', '  ', '-5', '1.5', 'soon', undefined, null, -1, Number.NaN, 1e308, {}, []]) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });

  it('answers undefined for hostile arrays', () => {
    expect(parseRetryAfter(revokedProxy(), now)).toBeUndefined();
    expect(parseRetryAfter(throwingProxy([]), now)).toBeUndefined();
  });

  it('never throws and never answers a negative or non-finite delay (property)', () => {
    const value = fc
      .oneof(
        fc.string(),
        fc.stringMatching(/^\s*\d{0,12}\s*$/),
        fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
        fc.double(),
        fc.array(fc.string(), { maxLength: 3 }),
      )
      .map((value) => () => value);
    fc.assert(
      fc.property(fc.oneof(value, anyValue), fc.integer({ min: 0, max: 4_102_444_800_000 }), (make, at) => {
        const delay = parseRetryAfter(make(), at);
        expect(delay === undefined || (Number.isFinite(delay) && delay >= 0)).toBe(true);
      }),
    );
  });
});

describe('readHeader', () => {
  it('finds a header whatever the case of its name', () => {
    expect(readHeader({ 'Retry-After': '5' }, 'retry-after')).toBe('5');
    expect(readHeader({ 'retry-after': ['5'] }, 'Retry-After')).toEqual(['5']);
    expect(readHeader({ other: '1' }, 'retry-after')).toBeUndefined();
    expect(readHeader(undefined, 'retry-after')).toBeUndefined();
  });

  it('never throws on hostile headers (property)', () => {
    expect(readHeader(throwingGetters(), 'retry-after')).toBeUndefined();
    fc.assert(
      fc.property(anyValue, fc.string(), (make, name) => {
        readHeader(make(), name);
      }),
    );
  });
});
