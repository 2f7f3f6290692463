// IBM/Lotus Domino (Notes) SMTP MTA: "------- Failure Reasons --------", the reason lines FIRST
// and the failed addresses after them, then "------- Returned Message --------".

import type { Mail } from '../mail/mail';
import { findAddress } from '../text/find-address';
import type { Decoded, FoundRecipient } from './decoder';
import { originalFromLines } from './original';
import { textFormat } from './signature';

function decode(mail: Mail): Decoded | undefined {
  const lines = mail.lines;
  const start = lines.findIndex((line) => line.toLowerCase().includes('------- failure reasons'));
  if (start < 0) return undefined;
  const recipients: FoundRecipient[] = [];
  const reason: string[] = [];
  let end = lines.length;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line.toLowerCase().includes('------- returned message')) {
      end = index;
      break;
    }
    if (line === '') continue;
    const found = findAddress(line);
    if (found !== undefined && found.start === 0) {
      recipients.push({
        address: found.address,
        ...(reason.length > 0 ? { diagnostic: reason.join('\n') } : {}),
      });
    } else if (reason.length < 16) {
      reason.push(line);
    }
  }
  if (recipients.length === 0) return undefined;
  const original = originalFromLines(lines, end + 1);
  return { recipients, ...(original ? { original } : {}) };
}

export const domino = textFormat('domino', { body: ['------- failure reasons'] }, {}, decode);
