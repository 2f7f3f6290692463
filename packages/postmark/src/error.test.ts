import { createRequire } from 'node:module';
import { isCategory } from '@mailverdict/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiErrorFixtures, inactiveMessage } from './__fixtures__/api-errors';
import { fromPostmarkError } from './error';

// The client's own error factory (not re-exported from the package root): the exact objects it rejects with.
const require = createRequire(import.meta.url);
const { ErrorHandler } = require('postmark/dist/client/errors/ErrorHandler') as {
  ErrorHandler: new () => { buildError(message: string, code?: number, statusCode?: number): Error };
};
const build = (message: string, code: number, status: number) =>
  new ErrorHandler().buildError(message, code, status);

describe('fromPostmarkError: every error class of postmark 5.1.0', () => {
  for (const fixture of apiErrorFixtures) {
    it(fixture.name, () => {
      const error = build(fixture.message, fixture.errorCode, fixture.status);
      expect(error.name).toBe(fixture.className);
      const outcomes = fromPostmarkError(error);
      expect(outcomes.map((outcome) => outcome.recipient)).toEqual(fixture.expected.recipients);
      for (const outcome of outcomes) {
        expect(outcome.provider).toBe('postmark');
        expect(outcome.event).toBe(fixture.expected.event);
        expect(outcome.origin).toBe(fixture.expected.origin);
        expect(outcome.verdict.category).toBe(fixture.expected.category);
        expect(outcome.raw).toBe(error);
        expect(outcome.retryAfterMs).toBeUndefined();
        expect(outcome.providerDetail).toMatchObject({ name: fixture.className });
      }
    });
  }

  it('406 is suppressed whatever the text says, and never retried', () => {
    const error = build('Something unexpected went wrong: 550 5.7.1 blocked', 406, 422);
    const [outcome] = fromPostmarkError(error);
    expect(outcome?.verdict).toMatchObject({
      category: 'suppressed',
      permanence: 'permanent',
      suppressRecipient: true,
      retry: { allowed: false },
    });
    expect(outcome?.providerDetail).toMatchObject({ statusCode: 422, ErrorCode: 406 });
  });

  it('keeps the client-parsed recipients of InactiveRecipientsError, one outcome each', () => {
    const message = inactiveMessage.replace('gone@example.test', 'a@example.test, b@example.test');
    const outcomes = fromPostmarkError(build(message, 406, 422));
    expect(outcomes.map((outcome) => outcome.recipient)).toEqual(['a@example.test', 'b@example.test']);
  });

  it('reads a plain object shaped like the client error (another copy of the client)', () => {
    const [outcome] = fromPostmarkError({
      name: 'InactiveRecipientsError',
      statusCode: 422,
      code: 406,
      message: inactiveMessage,
    });
    expect(outcome?.recipient).toBe('gone@example.test');
    expect(outcome?.verdict.category).toBe('suppressed');
  });

  it('network and 5xx are transient; account problems need a change', () => {
    const [network] = fromPostmarkError(build('fetch failed', 0, 0));
    expect(network?.verdict.retry.allowed).toBe(true);
    const [down] = fromPostmarkError(build('Request returned status code 503', 0, 503));
    expect(down?.verdict.permanence).toBe('transient');
    const [token] = fromPostmarkError(build('bad token', 10, 401));
    expect(token?.verdict.retry).toMatchObject({ allowed: false, changeRequired: true });
  });

  it('with the message: every recipient gets an outcome; "all inactive" without a list names them all', () => {
    const all =
      'You tried to send to recipients that have all been marked as inactive. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.';
    const outcomes = fromPostmarkError(build(all, 406, 422), {
      To: 'a@example.test',
      Cc: 'B <b@example.test>',
    });
    expect(outcomes.map((outcome) => [outcome.event, outcome.recipient, outcome.verdict.category])).toEqual([
      ['rejected', 'a@example.test', 'suppressed'],
      ['rejected', 'b@example.test', 'suppressed'],
    ]);
    expect(() => fromPostmarkError(build(all, 406, 422), 'a@example.test' as never)).toThrow(TypeError);
  });

  it('never throws on garbage and answers unknown with the reason', () => {
    const [outcome] = fromPostmarkError('boom');
    expect(outcome?.verdict.category).toBe('unknown');
    expect(outcome?.verdict.summary).toContain('not a Postmark error');
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const outcomes = fromPostmarkError(value);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const each of outcomes) expect(isCategory(each.verdict.category)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
