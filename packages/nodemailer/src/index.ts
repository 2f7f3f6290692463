export { type NodemailerSendContext, nodemailerAdapter } from './adapter';
export { fromNodemailerError } from './error';
export { mailRecipients } from './mail-recipients';
export { fromNodemailerInfo } from './response';
export { type SendResult, sendMail } from './send-mail';
export { toSmtpCommand } from './to-smtp-command';
export type {
  AddressLike,
  MailLike,
  NodemailerErrorLike,
  NodemailerInfoLike,
  RecipientsLike,
  TransportLike,
} from './types';
export { fromNodemailerWebhook } from './webhook';
