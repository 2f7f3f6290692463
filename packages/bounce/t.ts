import { classify, parseReply } from '@mailverdict/core';

for (const s of [
  '5.1.1',
  '5.1.1 user unknown',
  '550 5.0.0 <a@b>... User unknown',
  'Connected to 192.0.2.225 but sender was rejected.\nRemote host said: 550 5.7.1 <root@nijo.example.jp>... Access denied',
  'host x[1.2.3.4] said: 550 5.1.1 no such user (in reply to RCPT TO command)',
  'User mailbox exceeds allowed size',
  'The recipient name is not recognized',
]) {
  const r = parseReply(s);
  const v = classify(r);
  console.log(
    JSON.stringify(s).slice(0, 60),
    '|',
    r.code,
    r.enhanced?.code,
    r.command,
    '|',
    v.category,
    v.rule,
    v.confidence,
  );
}
