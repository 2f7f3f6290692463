/** A Proxy whose every trap throws: reading it in any way (a field, `in`, keys, `instanceof`) throws. */
export function throwingProxy(): object {
  const trap = (name: string) => () => {
    throw new Error(`proxy ${name}`);
  };
  return new Proxy(
    {},
    {
      get: trap('get'),
      has: trap('has'),
      ownKeys: trap('ownKeys'),
      getPrototypeOf: trap('getPrototypeOf'),
      getOwnPropertyDescriptor: trap('getOwnPropertyDescriptor'),
    },
  );
}

/** One hostile or meaningless input for an adapter, with a name for the test title. */
export interface GarbageInput {
  readonly name: string;
  /** A function so every test gets a fresh value (some are frozen or consumed). */
  readonly make: () => unknown;
}

function nested(depth: number): unknown {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < depth; level++) value = { RecordType: 'Bounce', Details: value, inner: value };
  return value;
}

function cyclic(): unknown {
  const value: Record<string, unknown> = { RecordType: 'Bounce', Type: 'HardBounce' };
  value.self = value;
  value.Details = value;
  return value;
}

/**
 * Inputs no adapter can make sense of. An adapter given any of them must return (not throw) either `[]` or
 * outcomes whose verdict category is `unknown` with the reason in the summary.
 */
export const garbageInputs: readonly GarbageInput[] = [
  { name: 'undefined', make: () => undefined },
  { name: 'null', make: () => null },
  { name: 'true', make: () => true },
  { name: 'zero', make: () => 0 },
  { name: 'NaN', make: () => Number.NaN },
  { name: '-Infinity', make: () => Number.NEGATIVE_INFINITY },
  { name: 'a bigint (JSON.stringify throws on it)', make: () => 10n ** 30n },
  { name: 'a symbol (template strings throw on it)', make: () => Symbol('garbage') },
  { name: 'a function', make: () => () => 'garbage' },
  { name: 'the empty string', make: () => '' },
  { name: 'a plain word', make: () => 'garbage' },
  { name: 'control characters', make: () => '\u0000\u0007\r\n\u001b[31m\uFFFF\uD800' },
  { name: 'a 1 MB string', make: () => 'x'.repeat(1_000_000) },
  { name: '50 000 continuation lines', make: () => '550-'.repeat(50_000) },
  { name: 'an empty array', make: () => [] },
  { name: 'an array of junk', make: () => [null, 1, 'a', {}, [], Number.NaN, undefined] },
  { name: 'an empty object', make: () => ({}) },
  {
    name: 'a null-prototype object',
    make: () => Object.assign(Object.create(null), { RecordType: 'Bounce' }),
  },
  {
    name: 'wrong field types',
    make: () => ({ RecordType: 42, Type: {}, Details: [], Email: 7, code: [], response: {} }),
  },
  { name: 'a deeply nested object (depth 2000)', make: () => nested(2000) },
  { name: 'a cyclic object', make: cyclic },
  { name: 'an array-like with length 1e9', make: () => ({ length: 1e9, 0: 'a' }) },
  { name: 'a Date', make: () => new Date(0) },
  { name: 'a Map', make: () => new Map([['Type', 'HardBounce']]) },
  { name: 'an Error with no fields', make: () => new Error('garbage') },
  {
    // Labels that name Object.prototype members: a plain-object lookup table must never find them.
    name: 'prototype names as keys and labels (__proto__, constructor)',
    make: () =>
      JSON.parse(
        '{"__proto__":{"polluted":true},"constructor":"constructor","RecordType":"__proto__","Type":"constructor",' +
          '"event":"__proto__","reason":"constructor","bounce_classification":"__proto__","type":"constructor",' +
          '"eventType":"__proto__","notificationType":"constructor","code":"toString","name":"hasOwnProperty",' +
          '"severity":"__proto__","delayType":"constructor","bounceType":"__proto__","bounceSubType":"constructor"}',
      ) as unknown,
  },
  {
    name: 'a batch of events labelled __proto__ and constructor',
    make: () =>
      JSON.parse(
        '[{"event":"dropped","email":"a@example.test","reason":"constructor"},' +
          '{"event":"bounce","email":"b@example.test","bounce_classification":"__proto__"},' +
          '{"event":"__proto__"},{"constructor":{"prototype":{}}}]',
      ) as unknown,
  },
  {
    name: 'an array whose length getter throws (a Proxy)',
    make: () =>
      new Proxy([{ event: 'delivered' }], {
        get(target, key) {
          if (key === 'length') throw new Error('length getter throws');
          return Reflect.get(target, key);
        },
      }),
  },
  {
    name: 'an object whose getters throw',
    make: () =>
      Object.defineProperties(
        {},
        Object.fromEntries(
          [
            'RecordType',
            'Type',
            'code',
            'response',
            'responseCode',
            'statusCode',
            'message',
            'Details',
            'toJSON',
          ].map((key) => [
            key,
            {
              enumerable: true,
              get() {
                throw new Error(`getter ${key} throws`);
              },
            },
          ]),
        ),
      ),
  },
  { name: 'a proxy that throws on every operation', make: () => throwingProxy() },
];
