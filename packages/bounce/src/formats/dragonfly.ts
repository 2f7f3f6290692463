// The DragonFly Mail Agent (dma, dma/mail.c): "This is the DragonFly Mail Agent v… at <host>.",
// "There was an error delivering your mail to <a@b>.", the remote reply after "did not like our
// RCPT TO:" / "final DATA:", then "Message headers follow."
import { textFormat } from './signature';

export const dragonfly = textFormat(
  'dragonfly',
  { body: ['this is the dragonfly mail agent', 'there was an error delivering your mail to'] },
  { start: ['there was an error delivering your mail to'], end: ['message headers follow'] },
);
