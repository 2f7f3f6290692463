// Yahoo! Mail's bounce (qmail-derived): "Sorry, we were unable to deliver your message to the
// following address.", `<a@b>:`, "Remote host said:" with the reply and a `[RCPT_TO]`-style stage,
// then "--- Below this line is a copy of the message."
import { textFormat } from './signature';

export const yahoo = textFormat(
  'yahoo',
  {
    from: ['@yahoo.com', '@yahoo.co.jp', '@yahoo.co.uk', '@yahoogroups.com'],
    body: [
      'sorry, we were unable to deliver your message',
      'unable to deliver message after multiple retries',
    ],
  },
  { end: ['--- below this line is a copy of the message'] },
);
