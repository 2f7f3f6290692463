// Where the remote server's reply starts inside a diagnostic: the first `NNN ` / `NNN-` reply code
// (RFC 5321 §4.2) at the start of a line or after `: ` / `said: ` / `[` / `(`. Postfix and Exim
// wrappers are left whole, since core's parser reads them (and the command they name).

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isReplyAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (first < 50 || first > 53 || !isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2)))
    return false;
  if (at + 3 === text.length) return true;
  const next = text.charCodeAt(at + 3);
  return next === 32 || next === 45 || next === 10 || next === 13;
}

function isOpening(code: number): boolean {
  // line break, space, : [ ( ' "
  return (
    code === 10 || code === 32 || code === 58 || code === 91 || code === 40 || code === 39 || code === 34
  );
}

/** An enhanced code alone at `at` (`5.2.2 <a@b>... Mailbox Full`, RFC 3463 §2): d.d[dd].d[dd] then a blank. */
function isEnhancedAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if ((first !== 50 && first !== 52 && first !== 53) || text.charCodeAt(at + 1) !== 46) return false;
  let index = at + 2;
  let digits = 0;
  while (isDigit(text.charCodeAt(index)) && digits < 4) {
    index++;
    digits++;
  }
  if (digits === 0 || digits > 3 || text.charCodeAt(index) !== 46) return false;
  index++;
  digits = 0;
  while (isDigit(text.charCodeAt(index)) && digits < 4) {
    index++;
    digits++;
  }
  const after = text.charCodeAt(index);
  return digits > 0 && digits <= 3 && (after === 32 || after === 10 || Number.isNaN(after));
}

/** The index of the first reply code in `text`, or -1. */
export function replyStart(text: string): number {
  for (let at = 0; at + 3 <= text.length; at++) {
    if (at > 0 && !isOpening(text.charCodeAt(at - 1))) continue;
    if (isReplyAt(text, at) || isEnhancedAt(text, at)) {
      // `450 4.7.1` inside a dotted number or a date (`2014 12`) is no reply: the preceding character decides.
      if (at > 0 && isDigit(text.charCodeAt(at - 1))) continue;
      return at;
    }
  }
  return -1;
}
