/** Epoch ms of a date-time string (ISO 8601 as providers send it); `undefined` for anything else. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
