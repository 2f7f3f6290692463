// A header-field reader for the blocks a report carries outside the top-level header: the
// per-message and per-recipient groups of a DSN (RFC 3464 §2.1: header-like fields, groups
// separated by blank lines), a feedback report (RFC 5965 §3.1), and returned message headers
// (text/rfc822-headers, message/rfc822, or headers quoted inline by qmail and Exim). One pass over
// the lines, no regular expressions, so any input reads in linear time.

export interface Field {
  /** Lowercased, trimmed. */
  readonly name: string;
  /** Unfolded (RFC 5322 §2.2.3), trimmed. */
  readonly value: string;
}

/** Splits text into lines on CRLF, LF or bare CR. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      lines.push(text.slice(from, index));
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
      from = index + 1;
    }
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

/** `Name: value` → [name, value]; undefined when the line is not a field. */
function fieldOf(line: string): Field | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 76) return undefined;
  for (let index = 0; index < colon; index++) {
    const code = line.charCodeAt(index);
    // RFC 5322 §3.6.8 field names: printable ASCII except colon; no spaces.
    if (code <= 32 || code > 126) return undefined;
  }
  return { name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).trim() };
}

/** Appends a folded line (leading space or tab, RFC 5322 §2.2.3) to the last field; false when it is none. */
function continues(fields: Field[], line: string): boolean {
  const first = line.charCodeAt(0);
  if ((first !== 32 && first !== 9) || fields.length === 0) return false;
  const last = fields[fields.length - 1]!;
  fields[fields.length - 1] = { name: last.name, value: `${last.value} ${line.trim()}` };
  return true;
}

/**
 * Groups of fields separated by blank lines, read from `lines[from]` on. Continuation lines
 * (leading space or tab) are appended to the field before them. A line that is neither ends the
 * group. At most `limit` groups are read.
 */
export function readFieldGroups(lines: readonly string[], from = 0, limit = 1000): Field[][] {
  const groups: Field[][] = [];
  let group: Field[] = [];
  for (let index = from; index < lines.length && groups.length < limit; index++) {
    const line = lines[index]!;
    if (isBlankLine(line)) {
      if (group.length > 0) groups.push(group);
      group = [];
      continue;
    }
    if (continues(group, line)) continue;
    const field = fieldOf(line);
    if (field === undefined) {
      if (group.length > 0) groups.push(group);
      group = [];
      continue;
    }
    group.push(field);
  }
  if (group.length > 0 && groups.length < limit) groups.push(group);
  return groups;
}

/** One header block: fields from `from` to the first blank line or non-field line. */
export function readHeaderBlock(lines: readonly string[], from = 0): Field[] {
  const fields: Field[] = [];
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlankLine(line)) break;
    if (continues(fields, line)) continue;
    const field = fieldOf(line);
    if (field === undefined) break;
    fields.push(field);
  }
  return fields;
}

/** The first value of `name` (lowercase) in `fields`. */
export function fieldValue(fields: readonly Field[], name: string): string | undefined {
  for (const field of fields) if (field.name === name) return field.value;
  return undefined;
}

/**
 * A typed DSN value without its type: `rfc822; user@example.com` → `user@example.com`,
 * `dns; mx.example.com` → `mx.example.com`, `smtp; 550 …` → `550 …` (RFC 3464 §2.1.2).
 */
export function untyped(value: string): string {
  const semicolon = value.indexOf(';');
  if (semicolon < 0 || semicolon > 20) return value.trim();
  for (let index = 0; index < semicolon; index++) {
    const code = value.charCodeAt(index);
    if (code === 32 || code === 9 || code === 60 || code === 64) return value.trim();
  }
  return value.slice(semicolon + 1).trim();
}
