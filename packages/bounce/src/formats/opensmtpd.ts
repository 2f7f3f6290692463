// OpenSMTPD's bounce (smtpd/bounce.c): "This is the MAILER-DAEMON, please DO NOT REPLY to this
// e-mail.", per recipient `a@b: 550 …`, then "Below is a copy of the original message:".
import { textFormat } from './signature';

export const opensmtpd = textFormat(
  'opensmtpd',
  { body: ['this is the mailer-daemon, please do not reply to this e-mail'] },
  {
    start: ['an error has occurred while attempting to deliver', 'following list of recipients'],
    end: ['below is a copy of the original message'],
  },
);
