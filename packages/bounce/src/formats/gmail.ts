// Gmail's plain-text bounce (before Google moved to DSNs): "Delivery to the following recipient
// failed permanently:" (or "…has been delayed"), the address indented, "Technical details of
// permanent failure:" with the remote reply, then "----- Original message -----".
import { textFormat } from './signature';

export const gmail = textFormat(
  'gmail',
  {
    from: ['@googlemail.com', '@gmail.com', '@google.com'],
    body: [
      'delivery to the following recipient',
      'technical details of permanent failure',
      'technical details of temporary failure',
    ],
  },
  {
    start: ['delivery to the following recipient'],
    end: ['----- original message -----', '----- message header follows -----'],
  },
);
