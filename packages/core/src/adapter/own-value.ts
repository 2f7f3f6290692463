/**
 * `table[key]` only when `key` is the table's own property: a provider's label (`"constructor"`,
 * `"__proto__"`, `"toString"`) must never reach `Object.prototype` through a plain-object lookup table.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
