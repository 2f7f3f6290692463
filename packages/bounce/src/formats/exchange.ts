// Microsoft Exchange 2000/2003 (Internet Mail Service) and Exchange 2007+ plain-text NDRs: "Your
// message did not reach some or all of the intended recipients" / "did not reach the following
// recipient(s):", then `a@b on <date>` and the reason indented below it
// ("The recipient name is not recognized", `MSEXCH:IMS:…`). Newer Exchange and Office 365 send a
// DSN, read by rfc3464.ts.
import { textFormat } from './signature';

export const exchange = textFormat(
  'exchange',
  {
    body: [
      'did not reach the following recipient',
      'did not reach some or all of the intended recipients',
      'delivery has failed to these recipients or groups',
    ],
    headers: [
      ['x-mailer', 'internet mail service'],
      ['x-ms-embedded-report', ''],
    ],
  },
  {
    start: [
      'did not reach the following recipient',
      'delivery has failed to these recipients or groups',
      'did not reach some or all',
    ],
  },
);
