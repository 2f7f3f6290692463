import { describe, expect, it } from 'vitest';
import { addressDomain } from './address-domain';
import { ifDefined } from './if-defined';
import { parseTime } from './parse-time';

describe('addressDomain', () => {
  it('answers the lowercase domain of an address', () => {
    expect(addressDomain('Bob@Example.COM')).toBe('example.com');
    expect(addressDomain('<bob@example.com>')).toBe('example.com');
    expect(addressDomain('a@b@Host.org')).toBe('host.org');
  });

  it('answers undefined when there is no domain', () => {
    expect(addressDomain(undefined)).toBeUndefined();
    expect(addressDomain('bob')).toBeUndefined();
    expect(addressDomain('bob@')).toBeUndefined();
  });
});

describe('parseTime', () => {
  it('reads an ISO 8601 time as epoch ms', () => {
    expect(parseTime('2026-01-01T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 1));
  });

  it('answers undefined for non-strings and unparsable strings', () => {
    expect(parseTime(Date.UTC(2026, 0, 1))).toBeUndefined();
    expect(parseTime('yesterday')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });
});

describe('ifDefined', () => {
  it('gives the entry only when the value is defined', () => {
    expect({ ...ifDefined('messageId', 'm-1') }).toEqual({ messageId: 'm-1' });
    expect(Object.keys({ ...ifDefined('messageId', undefined) })).toEqual([]);
    expect({ ...ifDefined('count', 0) }).toEqual({ count: 0 });
  });
});
