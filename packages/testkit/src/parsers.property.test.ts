import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localPartMatcher } from './local-part';
import { parseMessageId } from './message-id';
import { replyCode, replyLines } from './smtp-script';

describe('parseMessageId', () => {
  it('never throws, on any string or bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseMessageId(text);
        parseMessageId(Buffer.from(text, 'latin1'));
      }),
    );
    expect(parseMessageId(42 as unknown as string)).toBeUndefined();
  });

  it('finds the Message-ID among any other headers, folded or not, with CRLF or LF', () => {
    const headerName = fc
      .stringMatching(/^[A-Za-z][A-Za-z-]{0,15}$/)
      .filter((name) => name.toLowerCase() !== 'message-id');
    const header = fc
      .tuple(headerName, fc.stringMatching(/^[ -~]{0,30}$/))
      .map(([name, value]) => `${name}: ${value}`);
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 5 }),
        fc.array(header, { maxLength: 5 }),
        fc.stringMatching(/^[a-z0-9.]{1,20}$/),
        fc.boolean(),
        fc.constantFrom('\r\n', '\n'),
        (before, after, local, folded, newline) => {
          const id = `<${local}@example.org>`;
          const line = folded ? `Message-ID:${newline} ${id}` : `Message-Id: ${id}`;
          const message = [...before, line, ...after, '', 'Message-ID: <in-body@example.org>'].join(newline);
          expect(parseMessageId(message)).toBe(id);
        },
      ),
    );
  });

  it('ignores a Message-ID that appears only in the body', () => {
    expect(parseMessageId('Subject: x\r\n\r\nMessage-ID: <body@example.org>\r\n')).toBeUndefined();
  });
});

describe('replyCode and replyLines', () => {
  it('replyCode reads the three leading digits or says undefined, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const code = replyCode(text);
        if (code !== undefined) expect(text.slice(0, 3)).toBe(String(code).padStart(3, '0'));
        else expect(/^\d{3}/.test(text)).toBe(false);
      }),
    );
  });

  it('replyLines keeps every line and accepts CRLF, LF and CR alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[^\r\n]{1,20}$/), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        (lines, newline) => {
          expect(replyLines(lines.join(newline))).toEqual(lines);
          expect(replyLines(`${lines.join(newline)}${newline}`)).toEqual(lines);
        },
      ),
    );
  });
});

describe('localPartMatcher', () => {
  it('matches the key exactly or followed by + - . whatever the case, and prefers the longest key', () => {
    const match = localPartMatcher({ bad: 'short', 'bad-address': 'long', unknown: 'unknown' });
    expect(match('bad-address@x.test')).toBe('long');
    expect(match('Bad-Address-7@x.test')).toBe('long');
    expect(match('bad+tag@x.test')).toBe('short');
    expect(match('badly@x.test')).toBeUndefined();
    expect(match('UNKNOWN.1@x.test')).toBe('unknown');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (address) => {
        match(address);
      }),
    );
  });
});
