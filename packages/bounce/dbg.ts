import { readFileSync } from 'node:fs';
import { parseBounce } from './src/index';
import { readMail } from './src/mail/read-mail';

for (const f of process.argv.slice(2)) {
  const raw = readFileSync(`src/__fixtures__/sisimai/emails/${f}`);
  const mail = await readMail(raw);
  console.log(
    '==',
    f,
    mail.problems,
    'parts',
    mail.parts.map((p) => p.type),
    'lines',
    mail.lines.length,
    JSON.stringify(mail.text.slice(0, 300)),
  );
  const r = await parseBounce(raw);
  console.log(
    r.kind,
    r.format,
    r.problems,
    r.outcomes.map((o) => [
      o.recipient,
      o.event,
      o.verdict.category,
      o.verdict.rule,
      o.providerDetail.status,
      String(o.providerDetail.diagnostic ?? '').slice(0, 100),
    ]),
  );
}
