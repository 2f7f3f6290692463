// docs/taxonomy.md#decision-15: when a recipient code (5.1.1, 5.2.1 …) decides a reply alone, off the
// recipient stage it suppresses only if the text has one of these words about a mailbox or address
// and none about the sender. Found in the classifier's one pass over the text, like the signatures.
export const recipientWords: {
  readonly mailbox: readonly string[];
  readonly sender: readonly string[];
} = {
  mailbox: [
    'user',
    'mailbox',
    'recipient',
    'rcpt',
    'address',
    'account',
    'local part',
    'host name',
    'host named',
    'no such',
    'unknown',
    'not exist',
    'not found',
  ],
  sender: ['sender', 'mail from', 'from address'],
};
