import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SmtpLogMessage } from '@mailverdict/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { bounceReportPort, readBounceMailbox, type StoredReport } from './bounce-mailbox';
import { deliveryReport } from './fake-relay';
import { Store } from './store';

let store: Store | undefined;
afterEach(() => store?.close());

function sent(to: string): SmtpLogMessage {
  const body = Buffer.from(
    `Message-ID: <m007.1.r1@retry-demo.mailverdict.test>\r\nX-Outbox-Id: m007\r\nSubject: Your receipt\r\n\r\nHello\r\n`,
  );
  return { connectionId: 'c1', from: 'receipts@shop.example', to: [to], size: body.length, at: 1_000, body };
}

function setUp(): { maildir: string; store: Store } {
  const dir = mkdtempSync(join(tmpdir(), 'retry-demo-mailbox-'));
  const maildir = join(dir, 'bounces');
  for (const folder of ['tmp', 'new', 'cur']) mkdirSync(join(maildir, folder), { recursive: true });
  store = new Store(join(dir, 'outbox.sqlite'));
  return { maildir, store };
}

describe('the bounce mailbox', () => {
  it('stores each report once, matched to the attempt by the returned Message-ID, and moves it to cur/', async () => {
    const { maildir, store } = setUp();
    writeFileSync(
      join(maildir, 'new', '1.a'),
      deliveryReport(sent('unknown-7@corp.example'), 'unknown-7@corp.example', 2_000, 'a'),
    );
    writeFileSync(
      join(maildir, 'new', '2.b'),
      deliveryReport(sent('user-8@corp.example'), 'user-8@corp.example', 2_000, 'b'),
    );
    expect(await readBounceMailbox(maildir, store, 5)).toBe(2);
    expect(readdirSync(join(maildir, 'new'))).toEqual([]);
    expect(existsSync(join(maildir, 'cur', '1.a:2,S'))).toBe(true);

    const [failed, success] = store.pendingWebhooks().map((event) => {
      const { body } = JSON.parse(event.payload) as { body: StoredReport };
      return body;
    });
    expect(bounceReportPort.correlate(failed)).toEqual({
      attemptId: 'm007.1.r1@retry-demo.mailverdict.test',
    });
    const [bounce] = bounceReportPort.convert(failed);
    expect(bounce?.recipient).toBe('unknown-7@corp.example');
    expect(bounce?.event).toBe('bounced');
    expect(bounce?.verdict.category).toBe('mailbox-unknown');
    expect(bounceReportPort.convert(success).map((outcome) => outcome.event)).toEqual(['delivered']);

    // The same file again (a crash before the move): recorded once.
    writeFileSync(
      join(maildir, 'new', '1.a'),
      deliveryReport(sent('unknown-7@corp.example'), 'unknown-7@corp.example', 2_000, 'a'),
    );
    expect(await readBounceMailbox(maildir, store, 6)).toBe(0);
    expect(store.pendingWebhooks()).toHaveLength(2);
  });

  it('keeps an email that is no report, with no outcome and no attempt to match', async () => {
    const { maildir, store } = setUp();
    writeFileSync(join(maildir, 'new', '1.x'), 'Subject: hello\r\n\r\nnot a bounce\r\n');
    expect(await readBounceMailbox(maildir, store, 5)).toBe(1);
    const [event] = store.pendingWebhooks();
    const { body } = JSON.parse(event?.payload ?? '{}') as { body: StoredReport };
    expect(bounceReportPort.convert(body)).toEqual([]);
    expect(bounceReportPort.correlate(body)).toEqual({});
  });
});
