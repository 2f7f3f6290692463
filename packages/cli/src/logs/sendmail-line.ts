// Sendmail recipient records (sendmail, 4th ed., §14.6 "Alphabetized syslog equates"; Debian's
// sendmail logs as `sm-mta`):
//   … sendmail[22495]: e6FFrpW22493: to=<a@b>,<c@d>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp,
//     pri=30551, relay=mx.example. [192.0.2.3], dsn=5.1.2, stat=Host unknown (Name server: …)
// `stat=` is the last field and holds free text; `dsn=` gives the class. With no `dsn=`, `Sent` and
// `Deferred` say what happened and anything else is a failure (sendmail's deliver.c).
import { fieldValue, isStatusCode, unbracket } from './field-reader';
import type { LogEvent, LogStatus } from './log-event';

const programs = ['sendmail', 'sm-mta', 'sm-msp-queue'];

function statusOf(dsn: string | undefined, stat: string): LogStatus | undefined {
  if (dsn !== undefined) return dsn.startsWith('2') ? 'sent' : dsn.startsWith('4') ? 'deferred' : 'bounced';
  if (stat.startsWith('Sent')) return 'sent';
  if (stat.startsWith('Deferred')) return 'deferred';
  if (stat.startsWith('queued') || stat === '') return undefined;
  return 'bounced';
}

/** `stat=Deferred: 421 4.7.0 …` quotes the remote reply; so does a stat that starts with a reply code. */
function readReply(stat: string): string | undefined {
  const text = stat.startsWith('Deferred: ') ? stat.slice(10) : stat;
  const code = text.charCodeAt(0);
  if ((code === 52 || code === 53) && text.length >= 3 && /^[45][0-9][0-9]( |-|$)/.test(text.slice(0, 4)))
    return text;
  return undefined;
}

/** One Sendmail log line → the delivery it records, or undefined when it records none. Never throws. */
export function parseSendmailLine(line: string): LogEvent | undefined {
  const statAt = line.indexOf(' stat=');
  if (statAt < 0) return undefined;
  const toAt = line.indexOf(' to=');
  if (toAt < 0 || toAt > statAt) return undefined;
  const head = line.slice(0, toAt);
  if (!programs.some((program) => head.includes(program))) return undefined;
  const stat = line.slice(statAt + 6).trim();
  const fields = line.slice(toAt, statAt + 1);
  const rawDsn = fieldValue(fields, ' dsn=');
  const dsn = isStatusCode(rawDsn) ? rawDsn : undefined;
  const status = statusOf(dsn, stat);
  if (status === undefined) return undefined;
  // The recipient list ends at the first ", " (its own items are separated by a bare ",").
  const listEnd = fields.indexOf(', ', 4);
  const list = listEnd < 0 ? fields.slice(4) : fields.slice(4, listEnd);
  const recipients = list
    .split(',')
    .map(unbracket)
    .filter((item): item is string => item !== undefined);
  const relay = fieldValue(fields, ' relay=');
  const queueEnd = head.trimEnd();
  const queueId = queueEnd.endsWith(':')
    ? queueEnd.slice(queueEnd.lastIndexOf(' ') + 1, -1) || undefined
    : undefined;
  const reply = readReply(stat);
  return {
    format: 'sendmail',
    status,
    recipients,
    ...(queueId === undefined ? {} : { queueId }),
    ...(relay === undefined ? {} : { relay }),
    ...(dsn === undefined ? {} : { dsn }),
    ...(reply === undefined ? {} : { reply }),
    text: stat,
  };
}
