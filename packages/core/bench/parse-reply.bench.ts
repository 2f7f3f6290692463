// parseReply throughput over the real replies of src/__fixtures__/replies.jsonl (one operation = one
// reply), beside Sisimai's own reply parsing of the same strings (bench/sisimai.pl).
import { parseReply } from '../src/reply/parse-reply';
import type { BenchCase } from './harness';
import { replies } from './replies';
import { sisimaiRate } from './sisimai';

export const cases: BenchCase[] = [
  {
    name: `parseReply (${replies.length} real replies)`,
    unit: 'replies',
    operationsPerRun: replies.length,
    // ≥ 10× Sisimai's parse: every classify parses first, and classify's budget is 15× Sisimai's
    // reason matching, so the parse must leave most of that time to classifying. Sisimai's two code
    // look-ups run about 9× as fast as its matching: at 10× them the parse takes about a sixth of
    // classify's budgeted time, although it returns more (lines, text, the nested reply, the wrapper).
    peer: {
      name: 'Sisimai SMTP::Reply->find + SMTP::Status->find',
      ratio: 10,
      measure: () => sisimaiRate('reply'),
    },
    run: () => {
      let last: unknown;
      for (const reply of replies) last = parseReply(reply);
      return last;
    },
  },
];
