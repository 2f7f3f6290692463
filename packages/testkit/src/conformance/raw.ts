/**
 * Whether `raw` is the input itself or a value inside it: the same reference (or the same primitive) reached
 * through own data properties, array items, Map values or Set members. Getters are never called, cycles are safe.
 * Adapters may point an outcome's `raw` at the part they read (one element of a batch response, one
 * `rejectedErrors` entry) — but never at a copy or a value they built.
 */
export function isPartOf(raw: unknown, input: unknown, limit = 100_000): boolean {
  if (Object.is(raw, input)) return true;
  if (input === null || typeof input !== 'object') return false;
  const seen = new Set<object>();
  const stack: object[] = [input];
  let visited = 0;
  while (stack.length > 0 && visited < limit) {
    const current = stack.pop() as object;
    if (seen.has(current)) continue;
    seen.add(current);
    visited += 1;
    const children: unknown[] = [];
    if (current instanceof Map) children.push(...current.values(), ...current.keys());
    else if (current instanceof Set) children.push(...current.values());
    else if (!ArrayBuffer.isView(current)) {
      for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(current))) {
        if ('value' in descriptor) children.push(descriptor.value);
      }
    }
    for (const child of children) {
      if (Object.is(child, raw)) return true;
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/**
 * Freezes a value and everything reachable through its own data properties (not through getters), so any
 * attempt by an adapter to change its input throws in strict mode. Typed arrays and Buffers cannot be frozen
 * and are left as they are. Returns the same value.
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || (typeof current !== 'object' && typeof current !== 'function')) continue;
    const object = current as object;
    if (seen.has(object) || ArrayBuffer.isView(object)) continue;
    seen.add(object);
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(object))) {
      if ('value' in descriptor) stack.push(descriptor.value);
    }
    Object.freeze(object);
  }
  return value;
}
