import { describe, expect, it } from 'vitest';
import { readBodyText } from './read-body-text';

describe('readBodyText', () => {
  it('reads a string as is and bytes as UTF-8, a Buffer or a view into a larger buffer alike', () => {
    expect(readBodyText('{"a":1}')).toBe('{"a":1}');
    const bytes = new TextEncoder().encode('xx{"é":"✓"}yy');
    expect(readBodyText(bytes)).toBe('xx{"é":"✓"}yy');
    expect(readBodyText(bytes.subarray(2, bytes.length - 2))).toBe('{"é":"✓"}');
    expect(readBodyText(Buffer.from('{"b":2}'))).toBe('{"b":2}');
  });

  it('keeps a byte-order mark, as Buffer#toString does (the signed text is the text as sent)', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(readBodyText(withBom)).toBe(Buffer.from(withBom).toString('utf8'));
    expect(readBodyText(withBom)).toBe('\uFEFF{}');
  });

  it('answers undefined for anything else, a hostile Proxy included, without throwing', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    for (const value of [undefined, null, 42, {}, [1, 2], hostile]) {
      expect(readBodyText(value)).toBeUndefined();
    }
  });

  it("reads an ArrayBuffer (what fetch's arrayBuffer() returns) as UTF-8", () => {
    const buffer = new TextEncoder().encode('{"a":"é"}').buffer;
    expect(readBodyText(buffer)).toBe('{"a":"é"}');
  });
});
