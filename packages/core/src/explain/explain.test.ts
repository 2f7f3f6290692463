import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';
import { describeStatus } from '../reply/describe-status';
import { parseReply } from '../reply/parse-reply';
import { findBlocklist } from '../verdict/blocklists';
import { createVerdict } from '../verdict/create-verdict';
import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { MailverdictError } from '../verdict/errors';
import { isMailboxProvider } from '../verdict/mailbox-provider';
import { categories } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import { explain } from './explain';
import { guidance } from './explain-guidance';
import { formatExplanation } from './format-explanation';

// Real replies from the labelled fixture (see __fixtures__/README.md), by id.
const fixture = new Map(
  readFileSync(new URL('../__fixtures__/replies.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; reply: string };
      return [row.id, row.reply] as const;
    }),
);
const reply = (id: string) => parseReply(fixture.get(id) ?? '');

const urls = (verdict: Verdict) => explain(verdict).links.map((link) => link.url);

describe('explain: guidance specific to the verdict', () => {
  it('Gmail 550-5.7.26: check SPF and DKIM alignment for the From domain, with the sender guidelines', () => {
    const verdict = createVerdict('authentication', { provider: 'google', reply: reply('gmail-014') });
    const explanation = explain(verdict);
    expect(explanation.steps.join('\n')).toMatch(/SPF and DKIM alignment for the From: domain/);
    expect(urls(verdict)).toContain('https://support.google.com/a/answer/81126');
    expect(explanation.guidance[0]).toBe('authentication:google');
    expect(explanation.headline).toContain('550 5.7.26');
    expect(explanation.status).toMatchObject({ code: '5.7.26', registered: true });
  });

  it('Yahoo 421 4.7.0 [TSS04]: deferral for volume or complaints, slow down, retry over hours', () => {
    const verdict = createVerdict('reputation', { provider: 'yahoo', reply: reply('yahoo-002') });
    const explanation = explain(verdict);
    const steps = explanation.steps.join('\n');
    expect(explanation.causes.join('\n')).toMatch(/volume or user complaints/);
    expect(steps).toMatch(/Slow down/);
    expect(steps).toMatch(/several hours/);
    expect(urls(verdict)).toContain('https://senders.yahooinc.com/smtp-error-codes');
  });

  it('Microsoft 5.7.606 block list: delist at sender.office.com', () => {
    const verdict = createVerdict('blocklisted', {
      provider: 'microsoft',
      blocklist: 'microsoft',
      reply: parseReply('550 5.7.606 Access denied, banned sending IP [192.0.2.1].'),
    });
    expect(urls(verdict)).toContain('https://sender.office.com');
    expect(explain(verdict).steps.join('\n')).toContain('https://sender.office.com');
  });

  it.each(['spamhaus-sbl', 'spamcop', 'barracuda-brbl', 'uceprotect'])(
    'a named block list (%s) gets its own lookup and delisting pages first',
    (id) => {
      const list = findBlocklist(id);
      const explanation = explain(createVerdict('blocklisted', { blocklist: id }));
      expect(explanation.blocklist?.name).toBe(list?.name);
      expect(explanation.links[0]?.url).toBe(list?.lookupUrl);
      expect(explanation.steps[0]).toContain(list?.lookupUrl);
      if (list?.delistUrl !== undefined) expect(explanation.steps[0]).toContain(list.delistUrl);
    },
  );

  it('generic 451 4.7.0 deferral lists the usual causes (anti-spam, rate limits, overload, blocklisting)', () => {
    const explanation = explain(
      createVerdict('deferred', { reply: parseReply('451 4.7.0 Try again later') }),
    );
    const causes = explanation.causes.join('\n');
    for (const cause of [/SPF/, /rate limit/, /overload/, /blocklisting/i, /network/])
      expect(causes).toMatch(cause);
    expect(explanation.guidance).toEqual(['deferred:4.7.0', 'deferred']);
  });

  it('without a provider, only the category guidance applies', () => {
    expect(explain(createVerdict('authentication')).guidance).toEqual(['authentication']);
  });

  it('describes the codes: basic code, enhanced class, subject and detail from the registry', () => {
    const explanation = explain(createVerdict('mailbox-unknown', { reply: reply('gmail-001') }));
    expect(explanation.replyCode).toMatchObject({ code: 550, classMeaning: 'permanent negative completion' });
    expect(explanation.status).toMatchObject({
      classMeaning: 'permanent failure',
      subjectMeaning: 'addressing status',
      summary: 'Bad destination mailbox address',
    });
    expect(explanation.outlook).toContain('Recipient: suppress this address.');
  });

  it('notes a class mismatch (Gmail 421 5.7.32)', () => {
    const explanation = explain(createVerdict('authentication', { reply: reply('gmail-052') }));
    expect(explanation.codeNote).toMatch(/421 and the enhanced code 5\.7\.32 disagree/);
  });

  it('says when a retry needs a change on our side, and the wait when there is one', () => {
    expect(explain(createVerdict('authentication')).outlook).toContain(
      'Retry: only after something is changed on our side.',
    );
    expect(explain(createVerdict('greylisted', { retry: { afterMs: 300_000 } })).outlook).toContain(
      'Retry: yes, after at least 5 min.',
    );
  });

  it('classifies text and parsed replies first', () => {
    const fromText = explain(fixture.get('gmail-001') ?? '');
    const fromReply = explain(reply('gmail-001'));
    expect(fromText.verdict.category).toBe(fromReply.verdict.category);
    expect(fromText.replyText).toBe(reply('gmail-001').text);
    expect(fromText.replyCode?.code).toBe(550);
  });

  it('explains an unclassifiable text as unknown with the text kept', () => {
    const explanation = explain('qwerty');
    expect(explanation.category).toBe('unknown');
    expect(explanation.replyText).toBe('qwerty');
    expect(explanation.steps.length).toBeGreaterThan(0);
  });

  it.each([undefined, null, 42, {}])('throws a TypeError naming `input` for %j', (value) => {
    expect(() => explain(value as unknown as string)).toThrow(/`input`/);
  });

  it('rejects a verdict with an unknown category', () => {
    const verdict = { ...createVerdict('unknown'), category: 'no-such-category' } as unknown as Verdict;
    expect(() => explain(verdict)).toThrow(MailverdictError);
  });
});

describe('explain-guidance: the data table', () => {
  it.each([...categories])('%s has exactly one base entry with a title, causes and steps', (category) => {
    const bases = guidance.filter((entry) => entry.category === category && entry.title !== undefined);
    expect(bases).toHaveLength(1);
    const explanation = explain(createVerdict(category));
    expect(explanation.categoryTitle).toBe(bases[0]?.title);
    expect(explanation.causes.length).toBeGreaterThan(0);
    expect(explanation.steps.length).toBeGreaterThan(0);
  });

  it('refers only to known providers, block lists and valid status codes; ids are unique', () => {
    expect(new Set(guidance.map((entry) => entry.id)).size).toBe(guidance.length);
    for (const entry of guidance) {
      if (entry.provider !== undefined) expect(isMailboxProvider(entry.provider), entry.id).toBe(true);
      if (entry.blocklist !== undefined) expect(findBlocklist(entry.blocklist), entry.id).toBeDefined();
      if (entry.status !== undefined) expect(describeStatus(entry.status), entry.id).toBeDefined();
      const specific =
        entry.provider !== undefined || entry.status !== undefined || entry.blocklist !== undefined;
      expect(specific, `${entry.id}: a specific entry has no title, a base entry no key`).toBe(
        entry.title === undefined,
      );
      for (const link of entry.links ?? []) expect(link.url).toMatch(/^https:\/\//);
    }
  });
});

describe('formatExplanation', () => {
  const verdict = createVerdict('authentication', { provider: 'google', reply: reply('gmail-014') });
  const explanation = explain(verdict);

  it('text: headline, reply, codes, causes, numbered steps and links, with no markup', () => {
    const text = formatExplanation(explanation, 'text');
    expect(text.startsWith(`${explanation.headline}\n`)).toBe(true);
    expect(text).toContain(explanation.replyText);
    expect(text).toMatch(/^Codes:\n {2}- 550: permanent negative completion/m);
    expect(text).toMatch(/^What to do:\n {2}1\. /m);
    expect(text).toContain('https://support.google.com/a/answer/81126');
    expect(text).not.toMatch(/^#|\*\*|\]\(|```|^> /m);
  });

  it('markdown: heading, sections as lists, the reply fenced, links as markdown links', () => {
    const markdown = formatExplanation(explanation, 'markdown');
    expect(markdown.startsWith('## ')).toBe(true);
    for (const heading of ['### Reply', '### Codes', '### Likely causes', '### What to do', '### Links']) {
      expect(markdown).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(markdown).toMatch(/^1\. /m);
    expect(markdown).toMatch(
      /^- \[Gmail: Email sender guidelines\]\(<https:\/\/support\.google\.com\/a\/answer\/81126>\)$/m,
    );
    expect(markdown.match(/^```/gm)).toHaveLength(2);
    // Every heading is followed by a blank line, and lists are not glued to paragraphs.
    expect(markdown).not.toMatch(/^#.*\n[^\n]/m);
  });

  it('markdown: reply text with backticks gets a longer fence; running text is escaped', () => {
    const odd = explain(
      createVerdict('unknown', {
        reply: parseReply('550 5.7.1 use ``` and *stars* <here>'),
        summary: 'a *b* [c]',
      }),
    );
    const markdown = formatExplanation(odd, 'markdown');
    expect(markdown).toContain('````text\nuse ``` and *stars* <here>\n````');
    expect(markdown).toContain('a \\*b\\* \\[c\\]');
  });

  it('explains and formats every fixture reply (fences balanced, every section a list)', () => {
    for (const text of fixture.values()) {
      const explanation = explain(text);
      const markdown = formatExplanation(explanation, 'markdown');
      expect(markdown.startsWith('## ')).toBe(true);
      expect((markdown.match(/^`{3,}/gm) ?? []).length % 2).toBe(0);
      expect(markdown).toMatch(/^### What to do\n\n1\. /m);
      expect(formatExplanation(explanation, 'text')).toContain(explanation.headline);
    }
  });

  it('defaults to text', () => {
    expect(formatExplanation(explanation)).toBe(formatExplanation(explanation, 'text'));
  });

  it('rejects an unknown format and a non-explanation', () => {
    expect(() => formatExplanation(explanation, 'html' as 'text')).toThrow(/`format`/);
    expect(() => formatExplanation(null as never)).toThrow(/`explanation`/);
  });
});

describe('the @mailverdict/core/explain entry', () => {
  // The entry files themselves: package.json maps `./explain` to the build of src/explain/index.ts
  // and `.` to the build of src/index.ts (check:package verifies the maps with publint and attw).
  it('exports explain, formatExplanation and the code describers', async () => {
    const entry = await import('./index');
    expect(Object.keys(entry).sort()).toEqual([
      'describeReplyCode',
      'describeStatus',
      'explain',
      'formatExplanation',
    ]);
    expect(entry.describeStatus('5.1.1')?.summary).toBe('Bad destination mailbox address');
    const text = entry.formatExplanation(entry.explain('452 4.2.2 Mailbox full'), 'text');
    expect(text).toMatch(/^.*mailbox.*\n/i);
  });

  it('is not part of the main entry (its guidance prose stays out of the core bundle)', async () => {
    const main: Record<string, unknown> = await import('../index');
    expect(main.explain).toBeUndefined();
    expect(main.formatExplanation).toBeUndefined();
    // the registries' descriptions are text for people too (the main entry stays small)
    expect(main.describeStatus).toBeUndefined();
    expect(main.describeReplyCode).toBeUndefined();
  });
});

describe('explain: an outcome, and codes the library inferred', () => {
  const raw =
    '550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Learn more - gsmtp';
  const reply = parseReply(raw);
  const outcome: DeliveryOutcome = {
    provider: 'postmark',
    event: 'bounced',
    recipient: 'jane@gmail.com',
    origin: 'remote-server',
    reply,
    providerDetail: { Type: 'HardBounce', TypeCode: 1, Details: { nested: true } },
    verdict: createVerdict('mailbox-unknown', { reply, provider: 'google' }),
    raw: {},
  };

  it("shows the sending provider, the recipient, the provider's own codes and the raw reply", () => {
    const explanation = explain(outcome);
    expect(explanation.outcome).toEqual({
      provider: 'postmark',
      event: 'bounced',
      recipient: 'jane@gmail.com',
      providerDetail: outcome.providerDetail,
    });
    expect(explanation.rawReply).toBe(raw);
    const text = formatExplanation(explanation, 'text');
    expect(text).toContain('Provider: postmark (bounced)');
    expect(text).toContain('Recipient: jane@gmail.com');
    expect(text).toContain('Provider codes: Type: HardBounce, TypeCode: 1');
    expect(text).toContain(
      '  550-5.1.1 The email account that you tried to reach does not exist.\n  550 5.1.1 Learn more',
    );
    expect(formatExplanation(explanation, 'markdown')).toContain('### Raw reply');
  });

  it("takes the outcome's reply when its verdict has none", () => {
    const explanation = explain({ ...outcome, verdict: createVerdict('mailbox-unknown') });
    expect(explanation.replyText).toBe(reply.text);
    expect(explanation.statusInferred).toBe(false);
  });

  it('marks a status code inferred from the category, never as if a server sent it', () => {
    const bare = explain(createVerdict('mailbox-unknown'));
    expect(bare.status?.code).toBe('5.1.1');
    expect(bare.statusInferred).toBe(true);
    expect(bare.headline).toMatch(/5\.1\.1 \(inferred\)$/);
    expect(formatExplanation(bare)).toContain('5.1.1 (inferred from the category; no server sent it)');
    // the reply gave no enhanced code: the 550 is the server's, the 5.1.1 is ours
    const noEnhanced = explain('550 User unknown', { command: 'RCPT' });
    expect(noEnhanced.headline).toMatch(/550 5\.1\.1 \(inferred\)$/);
    // the server sent it
    const sent = explain('550 5.1.1 User unknown');
    expect(sent.statusInferred).toBe(false);
    expect(sent.headline).not.toContain('inferred');
  });
});

// Issue 14: the replies the deliverability guides are written about get specific verdicts and
// explanations (Microsoft's NDR reference; RFC 3463 for the code meanings).
describe('explain: the guides’ own replies', () => {
  const explainReply = (text: string) => {
    const verdict = classify(text);
    return { verdict, explanation: explain(verdict) };
  };

  it('451 4.7.0 … PRX2: the recipient’s Exchange front-end proxy, retry, not our fault', () => {
    const { verdict, explanation } = explainReply(
      '451 4.7.0 Temporary server error. Please try again later. PRX2.',
    );
    expect(verdict).toMatchObject({
      category: 'server-error',
      permanence: 'transient',
      scope: 'destination',
    });
    expect(verdict.provider).toBe('microsoft');
    expect(verdict.suppressRecipient).toBe(false);
    expect(explanation.guidance[0]).toBe('server-error:microsoft-prx');
    expect(explanation.causes.join('\n')).toMatch(/front-end proxy of the RECIPIENT’s Exchange/);
  });

  it('451 4.4.4 hosted tenant without mail-enabled subscriptions: their tenant set-up, not our authentication', () => {
    const { verdict, explanation } = explainReply(
      '451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions',
    );
    expect(verdict).toMatchObject({ category: 'routing', scope: 'destination', provider: 'microsoft' });
    expect(verdict.retry.changeRequired).toBe(false);
    expect(explanation.guidance[0]).toBe('routing:microsoft-unlicensed-tenant');
    expect(explanation.causes.join('\n')).toMatch(/not an SPF, DKIM or DMARC failure/);
  });

  it.each([
    ['451 4.7.1 Access denied', 'policy', 'policy:4.7.1'],
    ['421 4.3.2 System not accepting network messages', 'server-busy', 'server-busy:4.3.2'],
    ['451 4.4.4 Unable to route to the recipient', 'routing', 'routing:4.4.4'],
    ['451 4.3.0 Internal error, please try again later', 'server-error', 'server-error:4.3.0'],
    ['451 4.3.5 Server configuration error', 'server-error', 'server-error:4.3.5'],
  ])('%s → %s with the %s advice first', (text, category, id) => {
    const { verdict, explanation } = explainReply(text);
    expect(verdict.category).toBe(category);
    expect(verdict.suppressRecipient).toBe(false);
    expect(explanation.guidance[0]).toBe(id);
  });
});
