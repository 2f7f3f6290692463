import { describe, expect, it } from 'vitest';
import { createVerdict } from './create-verdict';
import { MailverdictError } from './errors';

describe('createVerdict', () => {
  it('fills in the taxonomy defaults of the category', () => {
    const verdict = createVerdict('suppressed', { rule: 'postmark:406' });
    expect(verdict).toMatchObject({
      category: 'suppressed',
      permanence: 'permanent',
      scope: 'recipient',
      suppressRecipient: true,
      retry: { allowed: false, changeRequired: false },
      rule: 'postmark:406',
      confidence: 1,
      status: '5.1.1',
    });
    expect(verdict.summary).toMatch(/suppression list/);
  });

  it('allows a retry for transient categories and keeps afterMs', () => {
    const verdict = createVerdict('network', { retry: { afterMs: 60_000 } });
    expect(verdict.retry).toEqual({ allowed: true, afterMs: 60_000, changeRequired: false });
    expect(verdict.status).toBe('4.4.1');
  });

  it('lets the caller override permanence, scope and suppression', () => {
    const verdict = createVerdict('mailbox-full', { permanence: 'permanent', suppressRecipient: true });
    expect(verdict.permanence).toBe('permanent');
    expect(verdict.suppressRecipient).toBe(true);
    expect(verdict.retry.allowed).toBe(false);
    expect(verdict.status).toBe('5.2.2');
  });

  it('keeps provider, block list and cause', () => {
    expect(createVerdict('blocklisted', { blocklist: 'spamhaus-sbl', provider: 'google' })).toMatchObject({
      blocklist: 'spamhaus-sbl',
      provider: 'google',
    });
    expect(createVerdict('expired', { cause: 'network' }).cause).toBe('network');
  });

  it('rejects unknown names with a MailverdictError', () => {
    const cases: (() => unknown)[] = [
      () => createVerdict('bounced' as never),
      () => createVerdict('network', { provider: 'hotmale' }),
      () => createVerdict('blocklisted', { blocklist: 'nope' }),
      () => createVerdict('network', { permanence: 'forever' as never }),
      () => createVerdict('network', { scope: 'world' as never }),
      () => createVerdict('network', { status: '6.1.1' }),
      () => createVerdict('network', { confidence: 2 }),
      () => createVerdict('network', { retry: { afterMs: -1 } }),
    ];
    for (const call of cases) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(MailverdictError.isInstance(error)).toBe(true);
    }
  });

  it('rejects non-object options with a TypeError', () => {
    expect(() => createVerdict('network', 'x' as never)).toThrow(TypeError);
  });
});
