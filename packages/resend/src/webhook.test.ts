import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classify } from '@mailverdict/core';
import { createMemoryReplayStore } from '@mailverdict/core/adapter';
import { createResendWebhookSecret, postResendWebhook, signResendWebhook } from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bouncedGeneral, bouncedLegacy, bouncedMailboxFull, fixtures, sent } from './__fixtures__/webhooks';
import { verifyResendWebhook } from './verify-webhook';
import { fromResendWebhook } from './webhook';

describe('fromResendWebhook fixtures', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const outcomes = fromResendWebhook(fixture.payload);
      expect(outcomes).toHaveLength(fixture.expected.length);
      fixture.expected.forEach((expected, index) => {
        const { category, ...fields } = expected;
        expect(outcomes[index]).toMatchObject({ provider: 'resend', ...fields });
        if (category !== undefined) expect(outcomes[index]!.verdict.category).toBe(category);
        expect(outcomes[index]!.raw).toBe(fixture.payload);
      });
    });
  }
});

describe('fromResendWebhook', () => {
  it('bounce prose goes to the classifier first; the SES sub-type decides only when it finds nothing', () => {
    const full = fromResendWebhook(bouncedMailboxFull)[0]!;
    const fromText = classify(bouncedMailboxFull.data.bounce.message).category;
    expect(full.verdict.category).toBe(fromText === 'unknown' ? 'mailbox-full' : fromText);
    expect(full.providerDetail).toMatchObject({ bounceType: 'Transient', bounceSubType: 'MailboxFull' });
    const general = fromResendWebhook(bouncedGeneral)[0]!;
    if (classify(bouncedGeneral.data.bounce.message).category === 'unknown') {
      expect(general.verdict).toMatchObject({ category: 'mailbox-unknown', rule: 'resend:bounce-permanent' });
      expect(general.verdict.confidence).toBeLessThan(0.5);
    }
    const legacy = fromResendWebhook(bouncedLegacy)[0]!;
    if (classify('Bounced').category === 'unknown') expect(legacy.verdict.category).toBe('unknown');
  });

  it('keeps the event time and Resend ids', () => {
    const [outcome] = fromResendWebhook(bouncedGeneral);
    expect(outcome!.occurredAt).toBe(Date.parse('2026-11-20T10:00:05.000Z'));
    expect(outcome!.providerDetail).toMatchObject({
      type: 'email.bounced',
      email_id: bouncedGeneral.data.email_id,
      message_id: bouncedGeneral.data.message_id,
    });
  });

  it('fans out one outcome per recipient', () => {
    expect(fromResendWebhook(sent).map((outcome) => outcome.recipient)).toEqual([
      'a@example.test',
      'b@example.test',
    ]);
    expect(fromResendWebhook({ ...sent, data: { ...sent.data, to: 'solo@example.test' } })).toHaveLength(1);
    const none = fromResendWebhook({ ...sent, data: { ...sent.data, to: [] } });
    expect(none).toHaveLength(1);
    expect(none[0]!.recipient).toBeUndefined();
  });

  it('email.failed texts: quota → account-limit, otherwise the classifier or unknown', () => {
    const quota = fromResendWebhook({
      type: 'email.failed',
      data: { to: ['x@example.test'], failed: { reason: 'Daily quota exceeded' } },
    });
    expect(quota[0]).toMatchObject({ origin: 'account', verdict: { category: 'account-limit' } });
    const other = fromResendWebhook({ type: 'email.failed', data: { to: ['x@example.test'], failed: {} } });
    expect(other[0]).toMatchObject({ event: 'failed', verdict: { category: 'unknown' } });
  });

  it('garbage gives one unknown outcome with the reason, never a throw or a mutation', () => {
    for (const value of [
      undefined,
      null,
      3,
      'x',
      [],
      {},
      { type: 'email.bounced' },
      { type: 'email.teleported', data: {} },
    ]) {
      const outcomes = fromResendWebhook(value);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]!.verdict).toMatchObject({ category: 'unknown' });
      expect(outcomes[0]!.verdict.summary).toMatch(/Not readable as resend input/);
    }
    const frozen = Object.freeze({ ...bouncedGeneral, data: Object.freeze({ ...bouncedGeneral.data }) });
    expect(() => fromResendWebhook(frozen)).not.toThrow();
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(fromResendWebhook(value))).toBe(true);
        expect(
          Array.isArray(fromResendWebhook({ type: 'email.bounced', data: { to: value, bounce: value } })),
        ).toBe(true);
        expect(Array.isArray(fromResendWebhook({ type: 'email.failed', data: { failed: value } }))).toBe(
          true,
        );
      }),
    );
  });
});

describe('a node:http webhook receiver (the README example)', () => {
  it('accepts a signed webhook once and refuses forged, altered and replayed ones', async () => {
    const secret = createResendWebhookSecret();
    const replayStore = createMemoryReplayStore();
    const seen: string[] = [];
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const check = await verifyResendWebhook(
        { headers: request.headers, body: Buffer.concat(chunks) },
        { secret, replayStore },
      );
      if (!check.ok) {
        response.writeHead(check.reason === 'replayed' ? 409 : 401).end(check.reason);
        return;
      }
      for (const outcome of fromResendWebhook(check.payload))
        seen.push(`${outcome.event}:${outcome.recipient}`);
      response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/resend`;
    try {
      const signed = signResendWebhook(bouncedGeneral, { secret });
      expect(await postResendWebhook(url, signed)).toBe(200);
      expect(await postResendWebhook(url, signed)).toBe(409);
      expect(
        await postResendWebhook(url, { ...signed, body: signed.body.replace('nobody', 'somebody') }),
      ).toBe(401);
      expect(
        await postResendWebhook(
          url,
          signResendWebhook(bouncedGeneral, { secret: createResendWebhookSecret() }),
        ),
      ).toBe(401);
      expect(seen).toEqual(['bounced:nobody@example.test']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
