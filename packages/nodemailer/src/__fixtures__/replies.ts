// SMTP replies used by the fixtures. Sources: packages/nodemailer/PROVIDER.md §2–§4 (the Gmail-style multi-line 550
// as nodemailer received it), §5 (Amazon SES SMTP replies, https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-smtp.html),
// and the labelled replies of packages/core/src/__fixtures__/replies.jsonl (each line names its public source).

/** packages/nodemailer/PROVIDER.md §2 / §3: a Gmail-style 550 5.1.1, every line keeping its `550-` prefix. */
export const gmailNoSuchUser =
  '550-5.1.1 The email account that you tried to reach does not exist. Please try\n' +
  "550-5.1.1 double-checking the recipient's email address for typos or\n" +
  '550-5.1.1 unnecessary spaces. For more information, go to\n' +
  '550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1b2c3d4e5-6f7g.89 - gsmtp';

/** packages/nodemailer/PROVIDER.md §4 row "RCPT 550 + 450 4.2.0 greylist". */
export const greylisted =
  '450 4.2.0 <good@example.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.test.html';

/** packages/nodemailer/PROVIDER.md §4 row "final reply after body `554-5.7.1 …`" (multi-line spam rejection). */
export const spamAfterData =
  '554-5.7.1 Message rejected because it was identified as spam.\n554 5.7.1 Please remove spammy content and try again.';

/** packages/nodemailer/PROVIDER.md §4 row "final reply `552 5.3.4 size`". */
export const sizeAfterData = '552 5.3.4 Message size exceeds fixed maximum message size';

/** packages/nodemailer/PROVIDER.md §4 row "`DATA` command answered `554 5.5.1`" (Postfix wording). */
export const dataNoValidRecipients = '554 5.5.1 Error: no valid recipients';

/** packages/nodemailer/PROVIDER.md §4 row "MAIL FROM `553 5.7.1`" (Postfix wording). */
export const senderNotOwned =
  '553 5.7.1 <sender@example.org>: Sender address rejected: not owned by user sender@example.org';

/** packages/nodemailer/PROVIDER.md §4 row "AUTH `535 5.7.8`". */
export const authInvalid = '535 5.7.8 Error: authentication failed: authentication failure';

/** packages/nodemailer/PROVIDER.md §4 row "greeting `421 4.3.2`". */
export const greeting421 = '421 4.3.2 Service not available, closing transmission channel';

/** packages/nodemailer/PROVIDER.md §4 row "RCPT answered `421 4.7.0 Too many connections`". */
export const tooManyConnections = '421 4.7.0 Too many connections from your IP, try again later';

/** packages/nodemailer/PROVIDER.md §4 partial success: the final reply. */
export const queued = '250 2.0.0 OK queued as 4XyZ1';
