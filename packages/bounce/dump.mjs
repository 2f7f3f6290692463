import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';

for (const f of process.argv.slice(2)) {
  const e = await PostalMime.parse(readFileSync(f), { forceRfc822Attachments: true });
  console.log(
    '=====',
    f.split('/').pop(),
    '| from:',
    e.from?.address,
    '| subj:',
    e.subject,
    '| ct:',
    e.headers.find((h) => h.key === 'content-type')?.value.slice(0, 60),
  );
  console.log(
    e.headers
      .filter((h) => /^x-|auto|precedence/.test(h.key))
      .map((h) => h.key + ': ' + h.value.slice(0, 60))
      .join(' | '),
  );
  console.log(
    (e.text || '')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, +process.env.N || 25)
      .join('\n'),
  );
  console.log('PARTS', e.attachments.map((a) => a.mimeType).join(','));
}
