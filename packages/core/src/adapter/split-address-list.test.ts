import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAddressList } from './split-address-list';

describe('splitAddressList', () => {
  it('reads mailboxes, display names, groups and comments (RFC 5322 §3.4)', () => {
    expect(splitAddressList('"Ann, Bee" <a@example.org>, b@example.org (Bob, the builder)')).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
    expect(splitAddressList('Team: c@example.org, d@example.org; e@example.org')).toEqual([
      'c@example.org',
      'd@example.org',
      'e@example.org',
    ]);
    expect(splitAddressList('undisclosed-recipients:;')).toEqual([]);
  });

  it('keeps escaped quotes inside a display name from ending it', () => {
    expect(splitAddressList('"Ann \\", x" <a@example.org>, b@example.org')).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
  });

  it('never throws and returns only non-empty trimmed strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const list = splitAddressList(text);
        for (const address of list) {
          expect(address).toBe(address.trim());
          expect(address).not.toBe('');
        }
      }),
    );
  });

  it('answers [] for a value that is not a string', () => {
    expect(splitAddressList(42 as never)).toEqual([]);
  });
});
