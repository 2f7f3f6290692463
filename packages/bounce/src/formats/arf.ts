// RFC 5965 Abuse Reporting Format: multipart/report; report-type=feedback-report whose second part
// (message/feedback-report) has Feedback-Type, Original-Rcpt-To (one per recipient, §3.2),
// Arrival-Date; the third part is the reported message or its headers. Also Microsoft's JMRP
// complaints (from staff@hotmail.com, "complaint about message from …"): no report part, the
// complained-about recipient in the returned message's `X-HmXmrOriginalRecipient`.
import { type Field, fieldValue, readFieldGroups, splitLines, untyped } from '../mail/fields';
import { type Mail, partOf } from '../mail/mail';
import { addressIn } from '../text/find-address';
import type { Decoded, Decoder, FoundRecipient } from './decoder';
import { originalFromParts } from './original';

function isJmrp(mail: Mail): boolean {
  return (
    mail.from.endsWith('@hotmail.com') &&
    mail.subject.toLowerCase().startsWith('complaint about message from')
  );
}

function recipientsOf(report: readonly Field[], original: readonly Field[] | undefined): string[] {
  const addresses: string[] = [];
  for (const field of report) {
    if (field.name !== 'original-rcpt-to' && field.name !== 'removal-recipient') continue;
    const address = addressIn(untyped(field.value));
    if (address !== undefined && !addresses.includes(address)) addresses.push(address);
  }
  if (addresses.length > 0 || original === undefined) return addresses;
  const named = fieldValue(original, 'x-hmxmroriginalrecipient') ?? fieldValue(original, 'to');
  const address = named === undefined ? undefined : addressIn(named);
  return address === undefined ? [] : [address];
}

export const arf: Decoder = {
  name: 'arf',
  recognize: (mail) =>
    mail.contentType.includes('feedback-report') ||
    partOf(mail, 'message/feedback-report') !== undefined ||
    isJmrp(mail),
  decode(mail: Mail): Decoded | undefined {
    const part = partOf(mail, 'message/feedback-report');
    const report = part === undefined ? [] : readFieldGroups(splitLines(part.text)).flat();
    const original = originalFromParts(mail);
    const feedbackType = fieldValue(report, 'feedback-type')?.toLowerCase() ?? 'abuse';
    const date = fieldValue(report, 'arrival-date') ?? fieldValue(report, 'received-date');
    const reportingMta = fieldValue(report, 'reporting-mta');
    const addresses: (string | undefined)[] = recipientsOf(report, original);
    // A complaint about a message whose recipient is redacted still names the message: one outcome without recipient.
    if (addresses.length === 0) addresses.push(undefined);
    const recipients: FoundRecipient[] = addresses.map((address) => ({
      address,
      feedbackType,
      ...(date ? { date } : {}),
    }));
    return {
      kind: 'complaint',
      recipients,
      ...(reportingMta ? { reportingMta: untyped(reportingMta) } : {}),
      ...(date ? { arrivalDate: date } : {}),
      ...(original ? { original } : {}),
    };
  },
};
