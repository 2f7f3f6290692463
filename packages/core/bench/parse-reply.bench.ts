// parseReply throughput over the real replies of src/__fixtures__/replies.jsonl (one operation = one reply).
import { readFileSync } from 'node:fs';
import { parseReply } from '../src/reply/parse-reply';
import type { BenchCase } from './harness';

const replies: string[] = readFileSync(new URL('../src/__fixtures__/replies.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { reply: string }).reply);

export const cases: BenchCase[] = [
  {
    name: `parseReply (${replies.length} real replies)`,
    unit: 'replies',
    operationsPerRun: replies.length,
    target: 2_000_000,
    run: () => {
      let last: unknown;
      for (const reply of replies) last = parseReply(reply);
      return last;
    },
  },
];
