export { fromNodemailerError } from './from-nodemailer-error';
export { fromNodemailerInfo } from './from-nodemailer-info';
export { mailRecipients } from './mail-recipients';
export type {
  AddressLike,
  MailLike,
  NodemailerErrorLike,
  NodemailerInfoLike,
  RecipientsLike,
  TransportLike,
} from './nodemailer-types';
export { type SendResult, sendMail } from './send-mail';
export { toSmtpCommand } from './to-smtp-command';
