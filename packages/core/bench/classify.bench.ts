// `pnpm bench`: classify throughput over the real replies (parse + classify per operation), beside
// Sisimai's reason matching of the same strings (bench/sisimai.pl).
import { classify } from '../src/classify/classify';
import { parseReply } from '../src/reply/parse-reply';
import type { BenchCase } from './harness';
import { replies } from './replies';
import { sisimaiRate } from './sisimai';

const parsed = replies.map((reply) => parseReply(reply));

export const cases: BenchCase[] = [
  {
    name: `classify (parse + classify, ${replies.length} real replies)`,
    unit: 'classifications',
    operationsPerRun: replies.length,
    // Issue 12's budget: ≥ 15× Sisimai, the reference classifier.
    peer: { name: 'Sisimai Reason->match', ratio: 15, measure: () => sisimaiRate('reason') },
    run: () => {
      let last: unknown;
      for (const reply of replies) last = classify(reply);
      return last;
    },
  },
  {
    // For the breakdown only: the budget is the line above. An application that already holds
    // parsed replies (an adapter parses once and classifies) pays this.
    name: `classify only (${replies.length} replies parsed beforehand)`,
    unit: 'classifications',
    operationsPerRun: replies.length,
    run: () => {
      let last: unknown;
      for (const reply of parsed) last = classify(reply);
      return last;
    },
  },
];
