// Exim's bounce (exim src/deliver.c, "Mail delivery failed: returning message to sender"): the
// failed addresses indented two spaces, each followed by the reason indented four, then
// "------ This is a copy of the message, including all the headers. ------". Exim also sets
// X-Failed-Recipients. Mail.ru, GMX and others send Exim's text unchanged.
import { textFormat } from './signature';

export const exim = textFormat(
  'exim',
  {
    body: ['this message was created automatically by mail delivery software'],
    headers: [['x-failed-recipients', '@']],
  },
  { end: ['------ this is a copy of the message', 'the header of the original message is following'] },
);
