import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classify } from '@mailverdict/core';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { postMailgunWebhook, signMailgunWebhook } from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixtures,
  greylisted,
  multiLine,
  noMx,
  permanentBounce,
  suppressBounce,
  suppressUnsubscribe,
  tooOld,
} from './__fixtures__/webhooks';
import { replyText } from './smtp-text';
import { verifyMailgunWebhook } from './verify-webhook';
import { fromMailgunWebhook } from './webhook';

describe('fromMailgunWebhook fixtures', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const outcomes = fromMailgunWebhook(fixture.payload);
      expect(outcomes).toHaveLength(fixture.expected.length);
      fixture.expected.forEach((expected, index) => {
        const outcome = outcomes[index]!;
        const { category, ...fields } = expected;
        expect(outcome).toMatchObject({ provider: 'mailgun', ...fields });
        if (category !== undefined) expect(outcome.verdict.category).toBe(category);
        expect(outcome.raw).toBe(fixture.payload);
      });
    });
  }
});

describe('fromMailgunWebhook', () => {
  it('classifies the rebuilt SMTP reply with core (and keeps Mailgun labels as evidence)', () => {
    const [outcome] = fromMailgunWebhook(permanentBounce);
    const smtp =
      '550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table';
    expect(replyText(permanentBounce['event-data']['delivery-status'])).toBe(smtp);
    expect(outcome!.verdict.category).toBe(classify(smtp, { destination: 'example.test' }).category);
    expect(outcome!.providerDetail).toMatchObject({
      severity: 'permanent',
      reason: 'bounce',
      code: 550,
      'enhanced-code': '5.1.1',
    });
    expect(outcome!.occurredAt).toBe(1763634000123);
    expect(outcome!.reply).toMatchObject({ code: 550, enhanced: { code: '5.1.1' } });
    expect(outcome!.verdict).toMatchObject({ category: 'mailbox-unknown', suppressRecipient: true });
    expect(fromMailgunWebhook(multiLine)[0]!.verdict).toMatchObject({
      category: 'mailbox-unknown',
      provider: 'google',
    });
  });

  it('keeps the reply on outcomes whose verdict is Mailgun own (reason old)', () => {
    const [outcome] = fromMailgunWebhook(tooOld);
    expect(outcome!.reply).toMatchObject({ code: 421, enhanced: { code: '4.4.2' } });
  });

  it('rebuilds multi-line replies with continuation markers, and space-joined ones as one line', () => {
    expect(replyText(multiLine['event-data']['delivery-status'])).toBe(
      "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550 5.1.1 unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser",
    );
    expect(replyText({ code: 452, 'enhanced-code': '4.2.2', message: 'Mailbox full' })).toBe(
      '452 4.2.2 Mailbox full',
    );
    expect(replyText({ code: '421', message: '' })).toBe('421');
    // pseudo-codes are not SMTP replies: text only
    expect(replyText(noMx['event-data']['delivery-status'] as never)).toBe('No MX for no-mx.example.test');
    expect(
      replyText({ code: 605, message: '', description: 'Not delivering to previously bounced address' }),
    ).toBe('Not delivering to previously bounced address');
    expect(replyText({})).toBeUndefined();
    // the Logs API's last attempt, when the main fields are empty
    expect(replyText({ code: 0, message: '', 'last-code': 421, 'last-message': '4.4.2 timed out' })).toBe(
      '421 4.4.2 timed out',
    );
  });

  it('greylisted: deferred with retry-seconds as retryAfterMs; the reason decides when the text does not', () => {
    const [outcome] = fromMailgunWebhook(greylisted);
    expect(outcome).toMatchObject({ event: 'deferred', retryAfterMs: 600_000 });
    const classified = classify('451 4.7.1 Greylisted, please try again in 5 minutes').category;
    expect(outcome!.verdict.category).toBe(classified === 'unknown' ? 'greylisted' : classified);
  });

  it('suppress-* are suppressed and never reach a remote server; unsubscribe is not a global suppression', () => {
    const [bounce] = fromMailgunWebhook(suppressBounce);
    expect(bounce).toMatchObject({ event: 'rejected', origin: 'provider' });
    expect(bounce!.verdict).toMatchObject({
      category: 'suppressed',
      suppressRecipient: true,
      rule: 'mailgun:suppress-bounce',
    });
    expect(bounce!.reply).toBeUndefined();
    const [unsubscribe] = fromMailgunWebhook(suppressUnsubscribe);
    expect(unsubscribe!.verdict).toMatchObject({
      category: 'suppressed',
      suppressRecipient: false,
      retry: { allowed: false },
    });
  });

  it('reason old is terminal (expired) even with severity temporary', () => {
    const [outcome] = fromMailgunWebhook(tooOld);
    expect(outcome).toMatchObject({
      event: 'bounced',
      verdict: { category: 'expired', permanence: 'permanent', rule: 'mailgun:reason-old' },
    });
  });

  it('pseudo-code 498 without a readable reply: dns-failure when temporary, domain-invalid when permanent', () => {
    const temporary = fromMailgunWebhook(noMx)[0]!;
    const fromText = classify('No MX for no-mx.example.test').category;
    if (fromText === 'unknown') expect(temporary.verdict.category).toBe('dns-failure');
    const permanent = fromMailgunWebhook({
      ...noMx,
      'event-data': {
        ...noMx['event-data'],
        severity: 'permanent',
        'delivery-status': { code: 498, message: '' },
      },
    })[0]!;
    expect(permanent).toMatchObject({ event: 'bounced', verdict: { category: 'domain-invalid' } });
  });

  it('accepts the event-data object alone', () => {
    expect(fromMailgunWebhook(permanentBounce['event-data'])[0]).toMatchObject({
      event: 'bounced',
      recipient: 'nobody@example.test',
    });
  });

  it('never mutates the payload', () => {
    const frozen = JSON.parse(JSON.stringify(permanentBounce), (_key, value) =>
      typeof value === 'object' && value !== null ? Object.freeze(value) : value,
    );
    expect(() => fromMailgunWebhook(frozen)).not.toThrow();
  });

  it('garbage gives one unknown outcome with the reason, never a throw', () => {
    for (const value of [undefined, null, 1, 'x', [], {}, { 'event-data': 'x' }, { event: 'teleported' }]) {
      const outcomes = fromMailgunWebhook(value);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]!.verdict.category).toBe('unknown');
      expect(outcomes[0]!.verdict.summary).toMatch(/Not readable as mailgun input/);
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(fromMailgunWebhook(value))).toBe(true);
        expect(
          Array.isArray(fromMailgunWebhook({ 'event-data': { event: 'failed', 'delivery-status': value } })),
        ).toBe(true);
        expect(Array.isArray(fromMailgunWebhook({ 'event-data': value }))).toBe(true);
      }),
    );
  });
});

describe('a node:http webhook receiver (the README example)', () => {
  it('accepts a signed webhook once and refuses forged and replayed ones', async () => {
    const signingKey = randomBytes(32).toString('hex');
    const replayStore = createMemoryReplayStore();
    const seen: string[] = [];
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const check = await verifyMailgunWebhook(body, { signingKey, replayStore });
      if (!check.ok) {
        response.writeHead(check.reason === 'replayed' ? 409 : 401).end(check.reason);
        return;
      }
      for (const outcome of fromMailgunWebhook(JSON.parse(body)))
        seen.push(`${outcome.event}:${outcome.recipient}`);
      response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/mailgun`;
    try {
      const body = signMailgunWebhook(suppressBounce['event-data'], { signingKey });
      expect(await postMailgunWebhook(url, body)).toBe(200);
      expect(await postMailgunWebhook(url, body)).toBe(409);
      const forged = signMailgunWebhook(suppressBounce['event-data'], { signingKey: 'guessed' });
      expect(await postMailgunWebhook(url, forged)).toBe(401);
      expect(seen).toEqual(['rejected:former@example.test']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
