import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../reply/parse-reply';
import type { SmtpReply } from '../reply/smtp-reply';
import type { Rule } from '../rules/rule';
import { MailverdictError } from '../verdict/errors';
import { classify, createClassifier } from './classify';

const hour = 3_600_000;

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('classify: the traps of real data', () => {
  it('treats 5xx replies that clear by themselves as transient', () => {
    const daily = classify(
      '550 5.4.5 Daily user sending limit exceeded. For more information, go to Gmail sending limits.',
    );
    expect(daily).toMatchObject({ category: 'account-limit', permanence: 'transient', scope: 'provider' });
    expect(daily.retry).toEqual({ allowed: true, afterMs: 24 * hour, changeRequired: false });

    const hourBlock = classify(
      '554 This IP has been temporarily blocked for an hour for too many spam complaints. IB110',
    );
    expect(hourBlock).toMatchObject({
      permanence: 'transient',
      suppressRecipient: false,
      provider: 'godaddy',
    });
    expect(hourBlock.retry.afterMs).toBe(hour);

    const dayBlock = classify(
      '554 This IP has been blocked for the day, for attempting to mail too many invalid recipients. IB113',
    );
    expect(dayBlock.permanence).toBe('transient');
    expect(dayBlock.retry.afterMs).toBe(24 * hour);

    const qq = classify(
      '550 Domain frequency limited [Blocked IP 192.0.2.9]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022',
    );
    expect(qq).toMatchObject({ category: 'rate-limited', permanence: 'transient', provider: 'qq' });
  });

  it('treats 4xx replies that never succeed unchanged as permanent, change required', () => {
    for (const reply of [
      '421 4.7.26 This mail has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.',
      "421 4.7.27 This mail has been rate limited because SPF didn't pass for example.com with ip 192.0.2.1.",
      '421 4.7.30 This mail has been rate limited because DKIM does not pass.',
      "421 4.7.40 Your email has been rate limited because DMARC isn't set up for the sending domain.",
    ]) {
      expect(classify(reply), reply).toMatchObject({ category: 'authentication', permanence: 'permanent' });
      expect(classify(reply).retry).toMatchObject({ allowed: false, changeRequired: true });
    }
    const tls = classify('421 4.7.0 TLS required for RCPT domain, closing connection.');
    expect(tls).toMatchObject({ category: 'tls-failure', permanence: 'permanent', scope: 'sender' });
    expect(tls.retry.changeRequired).toBe(true);
  });

  it('reads the text over misleading enhanced codes', () => {
    const godaddy = classify(
      '550 5.1.1 <user@example.com> - 192.0.2.5 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>',
    );
    expect(godaddy).toMatchObject({
      category: 'rate-limited',
      permanence: 'transient',
      suppressRecipient: false,
    });
    const orange = classify('552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]');
    expect(orange).toMatchObject({
      category: 'mailbox-full',
      permanence: 'transient',
      suppressRecipient: false,
    });
    expect(orange.provider).toBe('orange');
    const microsoft = classify(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    );
    expect(microsoft).toMatchObject({
      category: 'mailbox-unknown',
      suppressRecipient: true,
      provider: 'microsoft',
    });
    // a bare 5.1.10 is Microsoft's "not found", not RFC 7505 null MX (that needs the text)
    expect(classify('550 5.1.10').category).toBe('mailbox-unknown');
    expect(classify('550 5.1.10 Recipient address has null MX').category).toBe('domain-invalid');
  });

  it('never concludes "policy" from 5.7.1 when the text says more', () => {
    const cases: [string, string][] = [
      ['550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org', 'blocklisted'],
      ['550 5.7.1 <user@example.org>: Relay access denied', 'relay-denied'],
      ['550 5.7.1 Message rejected as spam by Content Filtering.', 'spam-content'],
      ['554 5.7.1 Reverse DNS lookup for host 192.0.2.1 failed permanently.', 'sender-infrastructure'],
      ['550 5.7.1 IP address blacklisted by recipient', 'blocked-by-recipient'],
      ["554 5.7.1 Your message was rejected due to example.com's DMARC policy.", 'authentication'],
    ];
    for (const [reply, category] of cases) expect(classify(reply).category, reply).toBe(category);
    // only a bare 5.7.1 falls back to policy, and says it is unsure
    const bare = classify('550 5.7.1 Go away');
    expect(bare.category).toBe('policy');
    expect(bare.confidence).toBeLessThan(0.5);
  });

  it('classifies follow-on errors as protocol, not as the recipient’s fault', () => {
    for (const reply of [
      '503 5.5.1 RCPT first',
      '554 5.5.1 Error: no valid recipients',
      '503 5.5.1 Error: need RCPT command',
    ]) {
      expect(classify(reply)).toMatchObject({ category: 'protocol', suppressRecipient: false });
    }
  });

  it('trusts "user unknown" at RCPT, not after DATA (docs/taxonomy.md#decision-7)', () => {
    const rcpt = classify('550 User unknown', { command: 'RCPT' });
    expect(rcpt).toMatchObject({ category: 'mailbox-unknown', suppressRecipient: true });
    const data = classify('550 User unknown', { command: 'END-OF-DATA' });
    expect(data).toMatchObject({ category: 'blocked-by-recipient', suppressRecipient: false });
    // an explicit X.1.1 after DATA is still believed
    expect(classify('550 5.1.1 User unknown', { command: 'DATA' }).category).toBe('mailbox-unknown');
    // the command written in the reply's wrapper counts too
    const wrapped = parseReply(
      'host mx.example.org said: 550 User unknown (in reply to end of DATA command)',
    );
    expect(wrapped.command).toBe('END-OF-DATA');
    expect(classify(wrapped).category).toBe('blocked-by-recipient');
  });

  it('judges nested replies by the inner reply, but keeps "expired" with its cause', () => {
    const nested = classify(
      '550 5.1.351 Remote server returned unknown recipient or mailbox unavailable -> 550 5.1.1 Unknown user user@example.jp',
    );
    expect(nested.category).toBe('mailbox-unknown');
    const expired = classify(
      '554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>',
    );
    expect(expired).toMatchObject({
      category: 'expired',
      cause: 'network',
      permanence: 'permanent',
      suppressRecipient: false,
    });
  });

  it('keeps the named block list, and the list of a provider that relays it', () => {
    expect(
      classify(
        "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list",
      ).blocklist,
    ).toBe('spamhaus');
    expect(
      classify('554 Connection refused. This IP address is listed on the Spamhaus Block List (SBL). IB104')
        .blocklist,
    ).toBe('spamhaus-sbl');
    expect(classify('550 5.7.1 Mail rejected, listed in bl.spamcop.net').blocklist).toBe('spamcop');
    expect(
      classify('554 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.225').blocklist,
    ).toBe('proofpoint-dnsbl');
    const microsoft = classify(
      "550 5.7.1 Unfortunately, messages from [192.0.2.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
    );
    expect(microsoft).toMatchObject({
      category: 'blocklisted',
      blocklist: 'microsoft',
      provider: 'microsoft',
      suppressRecipient: false,
    });
    expect(microsoft.retry).toMatchObject({ allowed: false, changeRequired: true });
  });

  it('sets documented waits: Yahoo TS01 4 h, greylisting 5 min', () => {
    const yahoo = classify(
      '421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55.1',
    );
    expect(yahoo).toMatchObject({ category: 'reputation', permanence: 'transient', provider: 'yahoo' });
    expect(yahoo.retry.afterMs).toBe(4 * hour);
    const grey = classify(
      '450 4.2.0 <user@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html',
    );
    expect(grey.category).toBe('greylisted');
    expect(grey.retry).toEqual({ allowed: true, afterMs: 300_000, changeRequired: false });
  });

  it('reads French and German replies', () => {
    expect(classify('550 5.1.1 Utilisateur inconnu').category).toBe('mailbox-unknown');
    expect(classify('452 4.2.2 Boîte pleine').category).toBe('mailbox-full');
    expect(classify('550 5.1.1 Empfänger unbekannt').category).toBe('mailbox-unknown');
    expect(classify('452 4.2.2 Postfach voll').category).toBe('mailbox-full');
    expect(classify('450 Zu viele Verbindungen, bitte später erneut versuchen').category).toBe(
      'rate-limited',
    );
  });
});

describe('classify: a string and its parsed reply', () => {
  // classify(string) parses the string itself: the verdict and its reply must be exactly those of
  // classify(parseReply(string)).
  const piece = fc.constantFrom(
    '550',
    '550-',
    '5.1.1',
    '421 4.7.0 ',
    ' ',
    '  ',
    '\t',
    '\r\n',
    '\n',
    'user unknown ',
    'mailbox  full ',
    'said: ',
    '-> ',
    '<',
    '>',
    'https:',
    '//spamhaus.org/x ',
    'é',
    'x'.repeat(40),
  );
  it('gives the same verdict and reply either way (property)', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        (text) => {
          const parsed = parseReply(text);
          const verdict = classify(text);
          expect(verdict.reply).toEqual(parsed);
          expect(verdict).toEqual(classify(parsed));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('classify: the verdict', () => {
  it('recognizes the provider from the text, else from the destination', () => {
    expect(
      classify('550-5.1.1 The email account that you tried to reach does not exist. 00000.000 - gsmtp')
        .provider,
    ).toBe('google');
    expect(classify('550 5.7.1 Go away [AM0PR01MB1234.eurprd01.prod.protection.outlook.com]').provider).toBe(
      'microsoft',
    );
    expect(classify('550 No such user here', { destination: 'aol.com' }).provider).toBe('yahoo');
    expect(classify('550 No such user here', { destination: 'example.org' }).provider).toBeUndefined();
  });

  it('gives the enhanced code that applies: given, or implied by the category', () => {
    expect(classify('550 5.1.1 User unknown').status).toBe('5.1.1');
    expect(classify('550 User unknown').status).toBe('5.1.1');
    expect(classify('452 Mailbox full').status).toBe('4.2.2');
    expect(classify('550 Mailbox full').status).toBe('5.2.2');
  });

  it('answers unknown, with the reason, when nothing matches; permanence from the class alone', () => {
    const permanent = classify('550 Something odd');
    expect(permanent).toMatchObject({
      category: 'unknown',
      permanence: 'permanent',
      suppressRecipient: false,
    });
    expect(permanent.summary).toMatch(/5xx/);
    const transient = classify('499 Something odd');
    expect(transient).toMatchObject({ category: 'unknown', permanence: 'transient' });
    expect(classify('').category).toBe('unknown');
    expect(classify('').summary).toMatch(/empty/);
  });

  it('reads a bare "Rejected" as a policy refusal, the taxonomy\'s last resort, never suppressing', () => {
    expect(classify('550 Rejected')).toMatchObject({
      category: 'policy',
      scope: 'destination',
      suppressRecipient: false,
    });
    // a code naming another subject decides: X.1.1 is the mailbox
    expect(classify('550 5.1.1 Rejected').category).toBe('mailbox-unknown');
  });

  it('treats every 2xx as delivered, whatever its text says', () => {
    for (const reply of [
      '250 2.0.0 OK, no spam detected',
      '250 2.6.0 <id@example.org> Queued mail for delivery',
      '250 ok',
    ]) {
      expect(classify(reply), reply).toMatchObject({
        category: 'delivered',
        permanence: 'success',
        scope: 'none',
      });
      expect(classify(reply).suppressRecipient).toBe(false);
    }
  });

  it('keeps the parsed reply and accepts one from parseReply', () => {
    const reply = parseReply('550 5.1.1 <user@example.org>: Recipient address rejected: User unknown');
    const verdict = classify(reply);
    expect(verdict.reply).toBe(reply);
    expect(verdict.rule).toBe('generic:mailbox-unknown');
  });

  it('throws TypeError naming the parameter on bad input', () => {
    for (const input of [undefined, null, 42, {}, [], () => 1]) {
      const error = thrown(() => classify(input as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/`input`/);
    }
    expect(String(thrown(() => classify('550 x', 'RCPT' as never)))).toMatch(/`context`/);
    expect(String(thrown(() => classify('550 x', { command: 'HELO' as never })))).toMatch(
      /`context.command`/,
    );
    expect(String(thrown(() => classify('550 x', { destination: 5 as never })))).toMatch(
      /`context.destination`/,
    );
  });

  it('returns a verdict for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const verdict = classify(text);
        expect(typeof verdict.category).toBe('string');
        expect(['success', 'transient', 'permanent']).toContain(verdict.permanence);
        expect(verdict.suppressRecipient && verdict.permanence === 'transient').toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('classifies a 10 MB string', () => {
    const huge = `550 5.1.1 ${'x'.repeat(10 * 1024 * 1024)} user unknown`;
    expect(classify(huge).category).toBe('mailbox-unknown');
  });
});

describe('createClassifier: custom rules', () => {
  const vip: Rule = {
    id: 'acme:vip-full',
    category: 'mailbox-full',
    phrases: ['vip mailbox over budget'],
    permanence: 'permanent',
    reason: 'our partner never empties these',
    example: '550 5.7.1 VIP mailbox over budget',
    source: 'our partner’s documentation',
  };

  it('puts custom rules before the built-in ones', () => {
    const custom = createClassifier({
      rules: [
        vip,
        {
          id: 'acme:user-unknown-is-policy',
          category: 'policy',
          phrases: ['user unknown'],
          example: '550 User unknown',
          source: 'test',
        },
      ],
    });
    expect(custom.classify('550 5.7.1 VIP mailbox over budget')).toMatchObject({
      category: 'mailbox-full',
      permanence: 'permanent',
      rule: 'acme:vip-full',
      confidence: 1,
    });
    expect(custom.classify('550 User unknown').rule).toBe('acme:user-unknown-is-policy');
    // the default classifier is untouched
    expect(classify('550 User unknown').rule).toBe('generic:mailbox-unknown');
    expect(custom.rules[0]).toBe(vip);
  });

  it('supports code conditions', () => {
    const custom = createClassifier({
      rules: [
        {
          id: 'acme:code',
          category: 'rate-limited',
          enhanced: ['4.7.99'],
          example: '451 4.7.99 slow',
          source: 'test',
        },
      ],
    });
    expect(custom.classify('451 4.7.99 slow down').rule).toBe('acme:code');
  });

  it.each([
    ['/^(\\w+\\s?)+$/', /^(\w+\s?)+$/],
    ['/^(a|aa)+$/', /^(a|aa)+$/],
    ['a linear one', /^quarantined \d+/i],
  ])(
    'refuses a `pattern` (%s): a backtracking one took over a second on a 28-character reply',
    (_, pattern) => {
      const rule = {
        id: 'acme:pattern',
        category: 'virus',
        pattern,
        example: 'aaaaaaaaaaaaaaaaaaaaaaaaaaa!',
        source: 'test',
      };
      const error = thrown(() => createClassifier({ rules: [rule as Rule] }));
      expect(MailverdictError.isInstance(error)).toBe(true);
      expect((error as MailverdictError).code).toBe('invalid-rule');
      expect((error as Error).message).toMatch(/`pattern` is not supported/);
    },
  );

  it('validates rules when they are added', () => {
    const bad: [Partial<Rule>, RegExp][] = [
      [{ category: 'bounced' as never }, /unknown category "bounced"/],
      [{ provider: 'hotmale' }, /unknown provider "hotmale"/],
      [{ blocklist: 'nope' }, /unknown block list/],
      [{ phrases: undefined }, /needs `phrases`/],
      [{ enhanced: ['5.7'] }, /not like 5.7.1/],
      [{ commands: ['HELO' as never] }, /unknown SMTP command/],
      [{ afterMs: -5 }, /afterMs/],
      [{ example: '550 something else entirely' }, /classifies to rule/],
    ];
    for (const [change, message] of bad) {
      const error = thrown(() => createClassifier({ rules: [{ ...vip, ...change }] }));
      expect(MailverdictError.isInstance(error), String(message)).toBe(true);
      expect((error as MailverdictError).code).toBe('invalid-rule');
      expect((error as Error).message).toMatch(message);
    }
    expect(thrown(() => createClassifier({ rules: [vip, vip] }))).toSatisfy(MailverdictError.isInstance);
    expect(thrown(() => createClassifier({ rules: 'x' as never }))).toBeInstanceOf(TypeError);
  });
});

describe('vague "try again later" texts', () => {
  it('let an X.3.x code name the reason (docs/taxonomy.md#decision-1)', () => {
    expect(classify('451 4.3.2 Please try again later').category).toBe('server-busy');
    expect(classify('451 4.7.1 Please try again later').category).toBe('deferred');
    expect(classify('451 Please try again later').category).toBe('deferred');
  });

  it('read a bare 4.7.1 as a deferral (the usual greylisting code), never as policy', () => {
    const verdict = classify('451 4.7.1 Service unavailable - try later');
    expect(verdict.category).toBe('deferred');
    expect(classify('450 4.7.1 <a@b.example>: zzkx').category).toBe('deferred');
  });
});

describe('classify: nested replies are followed three levels deep, no deeper', () => {
  // parse-reply.ts `maxNesting`: keeps hostile input linear. Each hop has its own code, so the
  // parser does not read a repeated code as a continuation line.
  const hops = ['421 4.4.0 via a', '450 4.4.0 via b', '451 4.4.0 via c', '452 4.4.0 via d'];
  const chain = (depth: number) => [...hops.slice(0, depth), '550 5.1.1 user unknown'].join(' -> ');
  const codes = (reply: SmtpReply | undefined): (number | undefined)[] =>
    reply === undefined ? [] : [reply.code, ...codes(reply.inner)];

  it.each([2, 3])('depth %i: every reply is parsed and the innermost one decides', (depth) => {
    expect(codes(parseReply(chain(depth)))).toEqual([
      ...hops.slice(0, depth).map((hop) => Number(hop.slice(0, 3))),
      550,
    ]);
    const verdict = classify(chain(depth));
    expect([verdict.category, verdict.permanence, verdict.status]).toEqual([
      'mailbox-unknown',
      'permanent',
      '5.1.1',
    ]);
  });

  it('depth 4: the fourth nested reply stays text of the third, which then decides', () => {
    expect(codes(parseReply(chain(4)))).toEqual([421, 450, 451, 452]);
    const verdict = classify(chain(4));
    expect([verdict.category, verdict.permanence, verdict.status]).toEqual([
      'mailbox-unknown',
      'transient',
      '4.4.0',
    ]);
  });
});

describe('classify: confidence of a code rule reached through the X.<subject>.0 fallback', () => {
  // classify.ts `toVerdict`: an enhanced code the registry does not define (Microsoft's 5.1.351)
  // takes its subject's X.<subject>.0 rule at 0.8 of that rule's confidence (enhanced-code layer: 0.6).
  it('is 0.8 × the rule of the defined code', () => {
    const defined = classify('550 5.1.0 Sorry');
    const undefinedCode = classify('550 5.1.351 Sorry');
    expect(undefinedCode.rule).toBe(defined.rule);
    expect(defined.confidence).toBe(0.6);
    expect(undefinedCode.confidence).toBeCloseTo(0.48, 10);
    expect(undefinedCode.status).toBe('5.1.351');
  });

  it('does not lower a rule found by its text', () => {
    expect(classify('451 4.4.999 try later').confidence).toBe(classify('451 4.4.0 try later').confidence);
  });
});
