import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyValue, revokedProxy, throwingGetters, throwingProxy } from './__fixtures__/hostile-values';
import { isRecord, readArray, readField, readNumber, readString } from './read-field';

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('text')).toBe(false);
    expect(isRecord(revokedProxy({}))).toBe(false);
  });
});

describe('readField and its typed readers', () => {
  const payload = { name: 'ses', count: 3, huge: Number.POSITIVE_INFINITY, list: [1, 2], text: '3' };

  it('reads fields of the expected type', () => {
    expect(readField(payload, 'count')).toBe(3);
    expect(readString(payload, 'name')).toBe('ses');
    expect(readNumber(payload, 'count')).toBe(3);
    expect(readArray(payload, 'list')).toEqual([1, 2]);
  });

  it('never coerces: a numeric string is not a number, a number is not a string', () => {
    expect(readNumber(payload, 'text')).toBeUndefined();
    expect(readString(payload, 'count')).toBeUndefined();
    expect(readNumber(payload, 'huge')).toBeUndefined();
    expect(readArray(payload, 'name')).toEqual([]);
  });

  it('reads nothing from arrays, primitives and missing keys', () => {
    expect(readField(['a'], '0')).toBeUndefined();
    expect(readField('text', 'length')).toBeUndefined();
    expect(readField(payload, 'missing')).toBeUndefined();
  });

  it('treats a throwing getter or Proxy trap as absent', () => {
    expect(readField(throwingGetters(), 'a')).toBeUndefined();
    expect(readString(throwingProxy(), 'a')).toBeUndefined();
    expect(readArray({ list: revokedProxy() }, 'list')).toEqual([]);
  });

  it('never throws on any value and any key (property)', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), (make, key) => {
        const value = make();
        readField(value, key);
        expect(['string', 'undefined']).toContain(typeof readString(value, key));
        const number = readNumber(value, key);
        expect(number === undefined || Number.isFinite(number)).toBe(true);
        expect(Array.isArray(readArray(value, key))).toBe(true);
        expect(typeof isRecord(value)).toBe('boolean');
      }),
    );
  });
});
