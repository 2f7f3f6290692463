// Test fixtures (not exported): values built to make careless readers throw.
import fc from 'fast-check';

/** An object whose every property read throws. */
export function throwingGetters(): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const key of ['to', 'retry-after', 'Retry-After', 'a', 'b', 'length', '0']) {
    Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key} throws`);
      },
    });
  }
  return target;
}

/** A Proxy whose every trap throws. */
export function throwingProxy(base: object = {}): object {
  const fail = () => {
    throw new Error('trap throws');
  };
  return new Proxy(base, {
    get: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
  });
}

/** A revoked Proxy: even `Array.isArray` throws on it. */
export function revokedProxy(base: object = []): object {
  const { proxy, revoke } = Proxy.revocable(base, {});
  revoke();
  return proxy;
}

/** Hostile values of every kind, made fresh on each call. */
export function hostileValues(): unknown[] {
  return [
    throwingGetters(),
    throwingProxy(),
    throwingProxy([]),
    revokedProxy(),
    revokedProxy({}),
    [throwingGetters()],
    Object.create(null),
  ];
}

/**
 * Any value, hostile ones included, wrapped in a function that makes it. fast-check probes every generated
 * value for a clone method, which a hostile Proxy answers by throwing: the wrapper keeps the probe off it.
 */
export const anyValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything().map((value) => () => value),
  fc.nat({ max: hostileValues().length - 1 }).map((index) => () => hostileValues()[index]),
);
