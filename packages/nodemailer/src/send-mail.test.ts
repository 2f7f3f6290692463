import { describe, expect, it } from 'vitest';
import { sendMail } from './send-mail';

const mail = { from: 'shop@example.test', to: 'ann@example.test' };
const info = {
  accepted: ['ann@example.test'],
  rejected: [],
  messageId: '<m-1@example.test>',
  response: '250 2.0.0 Ok: queued as 4F1',
  envelope: { from: 'shop@example.test', to: ['ann@example.test'] },
};

describe('sendMail with a promise-based transport', () => {
  // Before issue 13 a transport that ignored the callback never settled: these tests timed out.
  it('settles with the outcomes when sendMail returns a promise and never calls back', {
    timeout: 2000,
  }, async () => {
    const result = await sendMail({ sendMail: async () => info }, mail);
    expect(result.info).toBe(info);
    expect(result.outcomes.map((outcome) => [outcome.event, outcome.recipient])).toEqual([
      ['accepted', 'ann@example.test'],
    ]);
  });

  it('turns a rejected promise into outcomes, as a callback error', { timeout: 2000 }, async () => {
    const error = Object.assign(new Error('Connection refused'), { code: 'ESOCKET', command: 'CONN' });
    const result = await sendMail(
      {
        sendMail: async () => {
          throw error;
        },
      },
      mail,
    );
    expect(result.info).toBeUndefined();
    expect(result.outcomes[0]).toMatchObject({ event: 'failed', recipient: 'ann@example.test', raw: error });
  });

  it('counts only the first answer when a transport both calls back and returns a promise', async () => {
    const result = await sendMail(
      {
        sendMail: (_mail: unknown, callback: (error: Error | null, value: unknown) => void) => {
          callback(null, info);
          return Promise.reject(new Error('ignored'));
        },
      },
      mail,
    );
    expect(result.outcomes[0]?.event).toBe('accepted');
  });
});
