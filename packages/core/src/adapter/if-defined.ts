/**
 * `{ [key]: value }` when the value is defined, `{}` otherwise: spread it into an outcome to keep it free of
 * `undefined` keys (`{ ...ifDefined('messageId', id) }`).
 */
export function ifDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
