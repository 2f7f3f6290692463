import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text';

describe('htmlText', () => {
  it('keeps the words and the line breaks of an HTML notice', () => {
    const html =
      '<HTML><HEAD><TITLE>Undeliverable</TITLE><style>p{}</style></HEAD><BODY><P><FONT SIZE=2>Your message<BR>' +
      'did not reach the following recipient(s):<BR>userx@example.com on Thu, 11 Jul 2002<BR>' +
      '&nbsp;&nbsp;The recipient name is not recognized</FONT></P></BODY></HTML>';
    expect(
      htmlText(html)
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual([
      '',
      'Your message',
      'did not reach the following recipient(s):',
      'userx@example.com on Thu, 11 Jul 2002',
      'The recipient name is not recognized',
      '',
    ]);
  });

  it('decodes entities, keeps an address written raw in angle brackets, drops tags with attributes', () => {
    expect(htmlText('&lt;a@b.example&gt; &#65;&#x42; &amp;amp; &unknown; &')).toBe(
      '<a@b.example> AB &amp; &unknown; &',
    );
    expect(htmlText('To: <user@example.com><br><a href="mailto:x@y.example">x</a>')).toBe(
      'To: <user@example.com>\nx',
    );
  });

  it('reads broken markup without failing', () => {
    expect(htmlText('text <b unclosed')).toBe('text <b unclosed');
    expect(htmlText('<script>never closed')).toBe('');
    expect(htmlText('&#99999999999; &#0;')).toBe('&#99999999999; &#0;');
  });

  it('any input gives text no longer than it, without throwing', () => {
    const piece = fc.constantFrom('<', '>', '&', ';', '#', 'br', 'p', '/', 'style', 'x', '@', '=', ' ', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.string(), (pieces, extra) => {
        const html = pieces.join('') + extra;
        const text = htmlText(html);
        expect(typeof text).toBe('string');
        // Entities only shrink; a line break replaces a tag of at least three characters.
        expect(text.length).toBeLessThanOrEqual(html.length);
      }),
    );
  });
});
