import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, renderEnhancedStatusCodes, renderReplyCodes } from '../../scripts/generate-status-codes';
import { describeReplyCode } from './describe-reply-code';
import { describeStatus, registeredStatusCodes } from './describe-status';
import { parseReply } from './parse-reply';

const data = (file: string) => readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8');

// The registry as copied into data/ (see data/README.md): code, summary, classes, reference.
const registry = parseCsv(data('iana-enhanced-status-codes.csv'))
  .slice(1)
  .map(([code = '', summary = '', classes = '', reference = '']) => ({ code, summary, classes, reference }));

describe('describeStatus: the IANA registry', () => {
  it('has all 81 codes, X.0.0 to X.7.30', () => {
    expect(registry).toHaveLength(81);
    expect(registeredStatusCodes()).toEqual(registry.map((row) => row.code));
    expect(registeredStatusCodes()).toContain('X.0.0');
    expect(registeredStatusCodes()).toContain('X.7.30');
  });

  it.each(registry)(
    'describes $code in every class it applies to',
    ({ code, summary, classes, reference }) => {
      for (const klass of classes.split('/')) {
        const description = describeStatus(`${klass}${code.slice(1)}`);
        expect(description).toBeDefined();
        expect(description?.registered).toBe(true);
        expect(description?.summary).toBe(summary);
        expect(description?.classes).toEqual(classes.split('/').map(Number));
        for (const name of description?.references ?? []) {
          expect(reference.replace(/RFC(\d)/g, 'RFC $1')).toContain(name);
        }
      }
    },
  );

  it('gives the class, subject and IANA entry for 4.7.0', () => {
    expect(describeStatus('4.7.0')).toMatchObject({
      code: '4.7.0',
      class: 4,
      classMeaning: 'persistent transient failure',
      subject: 7,
      subjectMeaning: 'security or policy status',
      detail: 0,
      registered: true,
      summary: 'Other or undefined security status',
      references: ['RFC 3463'],
    });
  });

  it('names several defining RFCs (5.7.23 SPF validation failed)', () => {
    expect(describeStatus('5.7.23')?.references).toEqual(['RFC 7372', 'RFC 7208']);
  });

  it('describes a valid but unregistered code by class and subject (4.7.650, Microsoft)', () => {
    const description = describeStatus('4.7.650');
    expect(description).toMatchObject({
      class: 4,
      classMeaning: 'persistent transient failure',
      subject: 7,
      subjectMeaning: 'security or policy status',
      detail: 650,
      registered: false,
    });
    expect(description?.summary).toBeUndefined();
    expect(description?.references).toBeUndefined();
  });

  it('leaves the subject meaning undefined above X.7 (RFC 3463 defines 0–7)', () => {
    expect(describeStatus('5.9.1')).toMatchObject({ classMeaning: 'permanent failure', registered: false });
    expect(describeStatus('5.9.1')?.subjectMeaning).toBeUndefined();
  });

  it('accepts the enhanced status of a parsed reply', () => {
    const reply = parseReply('550 5.1.1 <nobody@example.test>: Recipient address rejected');
    expect(describeStatus(reply.enhanced ?? '')?.summary).toBe('Bad destination mailbox address');
  });

  it.each(['', '5.7', '5.7.1.2', '6.1.1', '3.1.1', '5.01.1', '5.1.1234', ' 5.1.1', 'X.7.1', '5.1.1 '])(
    'returns undefined for the invalid code %j',
    (value) => {
      expect(describeStatus(value)).toBeUndefined();
    },
  );

  it.each([undefined, null, 511, true])('throws a TypeError naming `status` for %j', (value) => {
    expect(() => describeStatus(value as unknown as string)).toThrow(/`status`/);
    expect(() => describeStatus(value as unknown as string)).toThrow(TypeError);
  });
});

describe('describeReplyCode', () => {
  const base = parseCsv(data('smtp-reply-codes.csv')).slice(1);

  it.each(base)('describes %s from RFC 5321 / RFC 7504', (code, meaning) => {
    const description = describeReplyCode(Number(code));
    expect(description?.registered).toBe(true);
    expect(description?.meaning).toBe(meaning);
    expect(description?.uses[0]?.extension).toBe(false);
  });

  it('gives RFC 7504 for 521 and 556', () => {
    expect(describeReplyCode(521)?.reference).toContain('RFC 7504');
    expect(describeReplyCode(556)?.reference).toContain('RFC 7504');
  });

  it('gives the class and group meanings of RFC 5321 §4.2.1', () => {
    expect(describeReplyCode(550)).toMatchObject({
      class: 5,
      classMeaning: 'permanent negative completion',
      groupMeaning: 'mail system',
    });
    expect(describeReplyCode(421)).toMatchObject({
      classMeaning: 'transient negative completion',
      groupMeaning: 'connections',
    });
  });

  it('lists extension uses after the RFC 5321 meaning (500, AUTH)', () => {
    const uses = describeReplyCode(500)?.uses ?? [];
    expect(uses.map((use) => use.extension)).toEqual([false, true]);
    expect(uses[1]?.reference).toBe('RFC 4954');
  });

  it('describes extension-only codes (535 AUTH, 454 STARTTLS/AUTH)', () => {
    expect(describeReplyCode(535)).toMatchObject({ registered: true, reference: 'RFC 4954' });
    expect(describeReplyCode(454)?.meaning).toContain('TLS not available');
  });

  it('describes non-standard codes by class only (571, 426)', () => {
    expect(describeReplyCode(571)).toMatchObject({
      registered: false,
      classMeaning: 'permanent negative completion',
    });
    expect(describeReplyCode(571)?.groupMeaning).toBeUndefined();
    expect(describeReplyCode(426)).toMatchObject({
      registered: false,
      groupMeaning: 'connections',
      uses: [],
    });
  });

  it.each([0, 199, 600, 99, 550.5, Number.NaN, -550])('returns undefined for %s', (code) => {
    expect(describeReplyCode(code)).toBeUndefined();
  });

  it.each(['550', undefined, null])('throws a TypeError naming `code` for %j', (value) => {
    expect(() => describeReplyCode(value as unknown as number)).toThrow(/`code`/);
  });
});

describe('generated tables', () => {
  it('are up to date with data/ (run `npx tsx scripts/generate-status-codes.ts`)', () => {
    const generated = (file: string) => readFileSync(new URL(`./generated/${file}`, import.meta.url), 'utf8');
    expect(generated('enhanced-status-codes.ts')).toBe(renderEnhancedStatusCodes());
    expect(generated('reply-codes.ts')).toBe(renderReplyCodes());
  });
});
