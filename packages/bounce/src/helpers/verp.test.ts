import { describe, expect, it } from 'vitest';
import { decodeVerp, encodeVerp } from './verp';

describe('VERP', () => {
  it('decodes the recipient from a return path', () => {
    expect(decodeVerp('bounces+user=example.com@mail.example.org')).toBe('user@example.com');
    expect(decodeVerp('<bounces+first.last+tag=sub.example.co.uk@mail.example.org>')).toBe(
      'first.last+tag@sub.example.co.uk',
    );
    expect(decodeVerp('bounces-user=example.com@mail.example.org', { separator: '-' })).toBe(
      'user@example.com',
    );
  });

  it('is undefined for return paths that are not VERP or have another prefix', () => {
    expect(decodeVerp('bounces@mail.example.org')).toBeUndefined();
    expect(decodeVerp('bounces+nodomain@mail.example.org')).toBeUndefined();
    expect(decodeVerp('other+user=example.com@mail.example.org', { prefix: 'bounces' })).toBeUndefined();
    expect(decodeVerp('not an address')).toBeUndefined();
  });

  it('round-trips with encodeVerp', () => {
    const path = encodeVerp('jane@example.com', 'bounces@mail.example.org');
    expect(path).toBe('bounces+jane=example.com@mail.example.org');
    expect(decodeVerp(path, { prefix: 'bounces' })).toBe('jane@example.com');
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    expect(() => decodeVerp(42 as never)).toThrow(TypeError);
    expect(() => encodeVerp('jane', 'bounces@x.example')).toThrow(/not an address/);
    expect(() => decodeVerp('a+b=c.d@e.f', { separator: '*' as never })).toThrow(/separator/);
  });
});
