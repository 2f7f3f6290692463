import { classify } from '@mailverdict/core';
import { describe, expect, it } from 'vitest';
import { createExplainPort } from './explain-port';

const port = createExplainPort();

describe('explain port', () => {
  it('one compact line (the category in words and the first step) and the full text for the JSON', () => {
    const verdict = classify(
      "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.",
      { destination: 'gmail.com' },
    );
    const { line, details } = port.explain(verdict);
    expect(line).toMatch(/^authentication failed.* — Check SPF and DKIM alignment for the From: domain/);
    expect(line).not.toContain('\n');
    expect(details).toContain('What to do:');
    expect(details).toContain('https://support.google.com/a/answer/81126');
  });

  it('a verdict read back from the database survives JSON', () => {
    const verdict = JSON.parse(
      JSON.stringify(classify('450 4.2.0 Greylisted, see https://postgrey.schweikert.ch/')),
    );
    expect(port.explain(verdict).line).toMatch(/greylist/i);
  });

  it('a verdict core cannot explain gives its own sentence, not a crash', () => {
    const verdict = { ...classify('250 ok'), category: 'not-a-category' } as never;
    const { line, details } = port.explain(verdict);
    expect(line).toBe(classify('250 ok').summary);
    expect(details).toMatch(/no explanation: .*unknown category/);
  });
});
