import { describe, expect, it } from 'vitest';
import { describeAdapter } from '../conformance';
import { convertSample } from './__fixtures__/sample-adapter';
import { garbageInputs } from './garbage';
import { outcomeProblems } from './outcome-problems';
import { deepFreeze, isPartOf } from './raw';

// The suite run against a small, correct adapter — the two lines a provider package writes.
describeAdapter({
  name: 'sample adapter',
  provider: 'sample',
  convert: convertSample,
  fixtures: [
    {
      name: 'a 550 from a rejectedErrors-like record',
      input: { recipient: 'bad@example.test', response: '550 5.1.1 no such user' },
      expected: {
        event: 'rejected',
        recipient: 'bad@example.test',
        verdict: { category: 'mailbox-unknown', retry: { allowed: false } },
      },
    },
    {
      name: 'a batch: one accepted, one deferred (raw points at each element)',
      input: [
        { recipient: 'good@example.test', response: '250 2.1.5 OK' },
        { recipient: 'grey@example.test', response: '450 4.2.0 Greylisted' },
      ],
      expected: [
        { event: 'accepted', verdict: { category: 'delivered' } },
        { event: 'deferred', providerDetail: { code: 450 }, verdict: { permanence: 'transient' } },
      ],
    },
  ],
});

const good = {
  provider: 'x',
  event: 'bounced',
  origin: 'remote-server',
  providerDetail: {},
  raw: {},
  verdict: {
    category: 'mailbox-unknown',
    permanence: 'permanent',
    scope: 'recipient',
    suppressRecipient: true,
    retry: { allowed: false, changeRequired: false },
    rule: 'r',
    confidence: 1,
    summary: 'Gone.',
  },
};

describe('outcomeProblems', () => {
  it('accepts a well-formed outcome', () => {
    expect(outcomeProblems(good)).toEqual([]);
  });

  it.each([
    ['event', { ...good, event: 'bounce' }, /event "bounce"/],
    ['origin', { ...good, origin: 'mta' }, /origin "mta"/],
    ['provider', { ...good, provider: '' }, /provider/],
    ['recipient', { ...good, recipient: 42 }, /recipient/],
    ['occurredAt', { ...good, occurredAt: Number.NaN }, /occurredAt/],
    ['retryAfterMs', { ...good, retryAfterMs: -1 }, /retryAfterMs/],
    ['providerDetail', { ...good, providerDetail: null }, /providerDetail/],
    ['reply.raw', { ...good, reply: { raw: 5 } }, /reply.raw/],
    [
      'verdict.category',
      { ...good, verdict: { ...good.verdict, category: 'hard-bounce' } },
      /not a taxonomy category/,
    ],
    ['verdict.permanence', { ...good, verdict: { ...good.verdict, permanence: 'hard' } }, /permanence/],
    ['verdict.scope', { ...good, verdict: { ...good.verdict, scope: 'world' } }, /scope/],
    ['verdict.confidence', { ...good, verdict: { ...good.verdict, confidence: 2 } }, /confidence/],
    ['verdict.summary', { ...good, verdict: { ...good.verdict, summary: '' } }, /summary/],
    [
      'verdict.retry.allowed',
      { ...good, verdict: { ...good.verdict, retry: { allowed: 'yes' } } },
      /retry.allowed/,
    ],
    ['verdict missing', { ...good, verdict: undefined }, /verdict must be an object/],
  ])('reports a bad %s', (_label, outcome, problem) => {
    expect(outcomeProblems(outcome).join('\n')).toMatch(problem);
  });

  it('reports a missing raw and never throws on hostile values', () => {
    const { raw: _raw, ...withoutRaw } = good;
    expect(outcomeProblems(withoutRaw)).toContain('raw must be present (the original input)');
    for (const garbage of garbageInputs) {
      expect(() => outcomeProblems(garbage.make())).not.toThrow();
      expect(outcomeProblems(garbage.make()).length).toBeGreaterThan(0);
    }
  });
});

describe('isPartOf and deepFreeze', () => {
  it('finds the input itself and values inside it by reference, not copies', () => {
    const inner = { response: '550' };
    const input = { list: [inner], map: new Map([['k', { deep: inner }]]) };
    expect(isPartOf(input, input)).toBe(true);
    expect(isPartOf(inner, input)).toBe(true);
    expect(isPartOf('550', input)).toBe(true);
    expect(isPartOf({ response: '550' }, input)).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isPartOf({}, cyclic)).toBe(false);
  });

  it('freezes nested data so a mutating adapter throws', () => {
    const input = deepFreeze({ a: { b: [1, { c: 2 }] }, buffer: Buffer.from('x') });
    expect(Object.isFrozen(input.a.b[1])).toBe(true);
    expect(() => {
      (input.a as Record<string, unknown>).b = 5;
    }).toThrow(TypeError);
  });
});
