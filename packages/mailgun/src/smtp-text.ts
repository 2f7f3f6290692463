// Rebuilds one SMTP reply string from Mailgun's `delivery-status`, so core parses and classifies it like any
// other reply. Mailgun strips the basic code from `message` and keeps the enhanced code on each line; multi-line
// replies were joined with "\n" in 2018 captures and with spaces in newer samples (packages/mailgun/PROVIDER.md §3).
import type { MailgunDeliveryStatus } from './types';

/** Mailgun's own numbers in `delivery-status.code` that are not SMTP replies (packages/mailgun/PROVIDER.md §3, docs/providers.md §2). */
export const pseudoCodes: Readonly<Record<number, string>> = {
  498: 'no MX / host not found',
  499: 'unable to connect',
  605: 'previously bounced address',
  607: 'previous spam complaint',
};

export function statusCode(status: MailgunDeliveryStatus | undefined): number | undefined {
  const code = typeof status === 'object' && status !== null ? status.code : undefined;
  const number = typeof code === 'string' && /^\d{3}$/.test(code.trim()) ? Number(code.trim()) : code;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function isSmtpCode(code: number | undefined): code is number {
  return code !== undefined && code >= 200 && code <= 599 && pseudoCodes[code] === undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The reply as an SMTP server would have sent it (`550-5.1.1 line one\r\n550 5.1.1 line two`), or the bare text
 * when there is no real SMTP code, or `undefined` when there is nothing to read.
 */
export function replyText(status: MailgunDeliveryStatus | undefined): string | undefined {
  if (typeof status !== 'object' || status === null) return undefined;
  // When Mailgun gives up it may report only the last attempt's reply (`last-code`/`last-message`, mailgun.js 14
  // `LogsDeliveryStatus`); read it when the main fields are empty.
  if (text(status.message) === '' && text(status['last-message']) !== '') {
    return replyText({ code: status['last-code'], message: status['last-message'] });
  }
  const code = statusCode(status);
  const enhanced = text(status['enhanced-code']);
  const message = text(status.message);
  const description = text(status.description);
  const body = message !== '' ? message : description;
  if (!isSmtpCode(code)) return body === '' ? undefined : body;
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return enhanced === '' ? String(code) : `${code} ${enhanced}`;
  // Put the enhanced code in front when Mailgun gave it separately and the text does not start with it.
  if (enhanced !== '' && !lines[0]!.startsWith(enhanced)) lines[0] = `${enhanced} ${lines[0]}`;
  return lines.map((line, index) => `${code}${index < lines.length - 1 ? '-' : ' '}${line}`).join('\r\n');
}
