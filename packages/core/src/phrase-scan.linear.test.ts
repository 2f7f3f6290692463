import { describe, expect, it } from 'vitest';
import { hostileInput, measureLinearTime } from './__fixtures__/linear-time';
import { PhraseMatcher } from './phrase-matcher';
import { maxText } from './phrase-scan';

// The WebAssembly scan reads texts up to `maxText` characters (16 K), so the 1 MB timing tests of
// classify and parseReply never reach it: this one compares 16 K with 1.6 K. The inputs are the
// worst case for its read-on (`settle`): partial matches that outlive every part boundary, through
// long whitespace runs, so chains disagree wherever a part starts.
describe('the WebAssembly phrase scan', () => {
  it('runs in linear time on hostile input (16 K vs 1.6 K characters stays near 10×)', () => {
    const matcher = new PhraseMatcher(['mailbox full', 'user unknown', 'mailbox unavailable']);
    expect(matcher.usesWebAssembly).toBe(true);
    const found = new Int32Array(matcher.phrases.length);
    const unit = `mailbox${' '.repeat(40)}user${'\t'.repeat(30)}unkno mailbox unavaila `;
    const size = maxText - 64;
    const smalls = Array.from({ length: 10 }, (_, index) => hostileInput('', unit, size / 10, index));
    const large = hostileInput('', unit, size);
    expect(large.length).toBeLessThanOrEqual(maxText);
    const { ratio, bound } = measureLinearTime((text) => matcher.scan(text, found), smalls, large);
    expect(ratio, `ratio ${ratio.toFixed(1)}, bound ${bound.toFixed(1)}`).toBeLessThan(bound);
  });
});
