// Throttle throughput with 10,000 destinations tracked: one operation is one acquire or one feedback
// (issue 4 target: ≥ 1,000,000 ops/s), and the memory each tracked destination costs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createThrottle } from '../src/throttle/create-throttle';
import type { Category } from '../src/verdict/taxonomy';
import { categoryDefaults } from '../src/verdict/taxonomy';
import type { Verdict } from '../src/verdict/verdict';
import type { BenchCase } from './harness';

function verdict(category: Category): Verdict {
  const defaults = categoryDefaults[category];
  return {
    category,
    permanence: defaults.permanence,
    scope: defaults.scope,
    suppressRecipient: defaults.suppressRecipient,
    retry: { allowed: defaults.permanence === 'transient', changeRequired: defaults.changeRequired },
    rule: 'bench',
    confidence: 1,
    summary: 'bench',
  };
}

const destinationCount = 10_000;
// Recipient domains: mostly unknown ones (they stand alone), some rolling up to providers.
const providerDomains = ['gmail.com', 'yahoo.com', 'outlook.com', 'aol.com', 'hotmail.com', 'icloud.com'];
const domains = Array.from({ length: destinationCount }, (_, index) =>
  index < providerDomains.length ? (providerDomains[index] as string) : `company${index}.example`,
);
const delivered = verdict('delivered');
const rateLimited = verdict('rate-limited');
const throttle = createThrottle({ maxRate: 1e9, burst: 1_000_000 });
let now = Date.UTC(2026, 10, 28);
for (const domain of domains) throttle.acquire(domain, now);
const perRun = 1000;
let cursor = 0;

// A real collection before each heap reading, so the delta is what the destinations retain.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

function memoryPerDestination(): string[] {
  const count = 10_000;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const fresh = createThrottle();
  for (let index = 0; index < count; index++) fresh.acquire(`fresh${index}.example`, now);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const json = JSON.stringify(fresh.toJSON()).length / count;
  return [
    `memory per tracked destination: ~${Math.round((after - before) / count)} bytes of heap ` +
      `(${count.toLocaleString('en-US')} destinations${gc === undefined ? ', no --expose-gc: approximate' : ''}), ` +
      `${Math.round(json)} bytes as JSON; ${fresh.size.toLocaleString('en-US')} tracked`,
  ];
}

export const cases: BenchCase[] = [
  {
    name: 'throttle acquire + feedback (10,000 dest.)',
    unit: 'ops',
    operationsPerRun: perRun * 2,
    target: 1_000_000,
    run: () => {
      let last: unknown;
      for (let index = 0; index < perRun; index++) {
        const domain = domains[cursor] as string;
        cursor = cursor + 1 === destinationCount ? 0 : cursor + 1;
        now += 1;
        last = throttle.acquire(domain, now);
        throttle.feedback(domain, (index & 255) === 0 ? rateLimited : delivered, now);
      }
      return last;
    },
    report: memoryPerDestination,
  },
];
