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

/** The index of the first reply code in `text`, or -1. */
export function replyStart(text: string): number {
  for (let at = 0; at + 3 <= text.length; at++) {
    if (at > 0 && !isOpening(text.charCodeAt(at - 1))) continue;
    if (isReplyAt(text, at)) {
      // `450 4.7.1` inside a dotted number or a date (`2014 12`) is no reply: the preceding character decides.
      if (at > 0 && isDigit(text.charCodeAt(at - 1))) continue;
      return at;
    }
  }
  return -1;
}
