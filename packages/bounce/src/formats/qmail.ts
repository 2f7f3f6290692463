// qmail-send's bounce (qmail-send.c): "Hi. This is the qmail-send program at <host>.", then per
// recipient `<a@b>:` and qmail-remote's words ("Remote host said: …", "does not like recipient"),
// then "--- Below this line is a copy of the message." Also the many qmail derivatives that keep
// the layout (netqmail, Yahoo's and ISPs' rebranded notices).
import { textFormat } from './signature';

export const qmail = textFormat(
  'qmail',
  { body: ['this is the qmail-send program', "i'm afraid i wasn't able to deliver your message"] },
  {
    start: ["i'm afraid i wasn't able to deliver", 'this is the qmail-send program'],
    end: ['--- below this line is a copy of the message'],
  },
);
