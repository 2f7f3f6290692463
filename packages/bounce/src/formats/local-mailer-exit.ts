// Sendmail reports a local delivery program's failure (mail.local, procmail, a pipe) as
// `Diagnostic-Code: X-Unix; 71`: the program's exit status, from sysexits.h (FreeBSD sysexits(3),
// https://man.freebsd.org/cgi/man.cgi?query=sysexits). Two statuses name the recipient; every other
// one says the destination's own delivery program failed (docs/taxonomy.md: server-error).
import type { Category } from '@mailverdict/core';

const byStatus: Readonly<Record<string, Category>> = {
  '67': 'mailbox-unknown', // EX_NOUSER
  '68': 'domain-invalid', // EX_NOHOST
};

/** The category of a bare exit status in an `X-Unix` diagnostic; undefined for any other diagnostic. */
export function localMailerExit(diagnostic: string | undefined): Category | undefined {
  if (diagnostic === undefined) return undefined;
  const semicolon = diagnostic.indexOf(';');
  if (semicolon < 0 || diagnostic.slice(0, semicolon).trim().toLowerCase() !== 'x-unix') return undefined;
  const status = diagnostic.slice(semicolon + 1).trim();
  if (status.length === 0 || status.length > 3) return undefined;
  for (let index = 0; index < status.length; index++) {
    const code = status.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
  }
  return byStatus[status] ?? 'server-error';
}
