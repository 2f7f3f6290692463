// The real replies of src/__fixtures__/replies.jsonl, which the parse and classify benches measure and
// bench/sisimai.pl reads too, so both sides of a comparison time the same strings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repliesFile = fileURLToPath(new URL('../src/__fixtures__/replies.jsonl', import.meta.url));

export const replies: string[] = readFileSync(repliesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { reply: string }).reply);
