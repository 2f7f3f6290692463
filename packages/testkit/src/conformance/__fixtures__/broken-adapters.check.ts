import type { DeliveryOutcome } from '@mailverdict/core';
import { describeAdapter } from '../../conformance';
import { convertSample } from './sample-adapter';

// Each adapter below breaks one rule; conformance-catches.test.ts checks that exactly these tests fail.
const record = { recipient: 'bad@example.test', response: '550 5.1.1 no such user' };
const fixture = { name: 'fixture', input: record, expected: { event: 'rejected' as const } };
const noGarbage = { skip: {} };

describeAdapter({
  name: 'throws on null',
  provider: 'sample',
  convert: (input: unknown) => {
    if (input === null) throw new TypeError('null!');
    return convertSample(input);
  },
  fixtures: [fixture],
  garbage: noGarbage,
});

describeAdapter({
  name: 'mutates its input',
  provider: 'sample',
  convert: (input: unknown) => {
    if (input === record) (input as Record<string, unknown>).seen = true;
    return convertSample(input);
  },
  fixtures: [fixture],
});

describeAdapter({
  name: 'copies raw',
  provider: 'sample',
  convert: (input: unknown) =>
    convertSample(input).map((outcome) => ({ ...outcome, raw: { ...(outcome.raw as object) } })),
  fixtures: [fixture],
});

describeAdapter({
  name: 'classifies garbage',
  provider: 'sample',
  convert: (input: unknown): DeliveryOutcome[] =>
    convertSample(input).map((outcome) => ({
      ...outcome,
      verdict: { ...outcome.verdict, category: 'mailbox-unknown' },
    })),
  fixtures: [fixture],
});

describeAdapter({
  name: 'invents an event',
  provider: 'sample',
  convert: (input: unknown) =>
    convertSample(input).map((outcome) => ({ ...outcome, event: 'bounce' }) as unknown as DeliveryOutcome),
  fixtures: [fixture],
});

describeAdapter({
  name: 'wrong provider and count',
  provider: 'postmark',
  convert: (input: unknown) => [...convertSample(input), ...convertSample(input)],
  fixtures: [fixture],
});
