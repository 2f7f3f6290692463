// The nodemailer fields kept as evidence in `DeliveryOutcome.providerDetail` (packages/nodemailer/PROVIDER.md §1).
// Only primitive values are copied, so the detail never shares a reference with the caller's error.
const keptFields = [
  'code',
  'message',
  'command',
  'responseCode',
  'permanent',
  'recipient',
  'originalCode',
  'timeoutType',
  'errno',
  'syscall',
  'address',
  'port',
  'hostname',
] as const;

export function providerDetail(error: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  for (const field of keptFields) {
    const value = error[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      detail[field] = value;
    }
  }
  // `name` only says something when it is not the generic `Error` (nodemailer: `AbortError` for EABORT).
  if (typeof error.name === 'string' && error.name !== 'Error') detail.name = error.name;
  return detail;
}
