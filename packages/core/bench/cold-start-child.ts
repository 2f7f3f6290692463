// Run by cold-start.bench.ts in a fresh process: how long the first `classify` takes, which builds the
// built-in rules' automaton before it answers. Prints milliseconds.
import { classify } from '../src/index';

const reply =
  '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown in virtual mailbox table';
const start = performance.now();
const verdict = classify(reply);
const elapsed = performance.now() - start;
if (verdict.category !== 'mailbox-unknown') throw new Error(`unexpected verdict ${verdict.category}`);
process.stdout.write(String(elapsed));
