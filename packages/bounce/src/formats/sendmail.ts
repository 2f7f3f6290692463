// Sendmail's text bounce (sendmail/savemail.c) as old Sendmail (5.x, 8.x without DSN) and its
// clones write it: "----- The following addresses had permanent fatal errors -----", then
// "----- Transcript of session follows -----" with `>>> RCPT To:<a@b>` / `<<< 550 …` and the
// one-line `550 5.1.1 <a@b>... User unknown`, then "----- Unsent message follows -----".
import { textFormat } from './signature';

export const sendmail = textFormat(
  'sendmail',
  {
    body: [
      '----- transcript of session follows -----',
      'the following addresses had permanent fatal errors',
      'the following addresses had delivery errors',
    ],
  },
  {
    end: [
      '----- unsent message follows -----',
      '----- original message follows -----',
      'unsent message below',
    ],
  },
);
