// Builds errors exactly the way nodemailer 10.6.1 does (`smtp-connection/index.js` `_formatError`):
// a plain `Error` whose fields are assigned afterwards, `": " + response` appended to the message,
// `responseCode` from the reply's leading digits and `permanent` from the reply class (packages/nodemailer/PROVIDER.md §1).
export function nodemailerError(
  message: string,
  fields: {
    code: string;
    command?: string;
    response?: string;
    recipient?: string;
    [key: string]: unknown;
  },
): Error & Record<string, unknown> {
  const error = new Error(fields.response ? `${message}: ${fields.response}` : message) as Error &
    Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) error[key] = value;
  if (fields.response) {
    const digits = /^\d+/.exec(fields.response);
    if (digits) {
      const responseCode = Number(digits[0]);
      error.responseCode = responseCode;
      error.permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    }
  }
  return error;
}
