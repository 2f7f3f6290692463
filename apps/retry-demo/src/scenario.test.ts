import { describe, expect, it } from 'vitest';
import { createScenario, destinations, kindOf } from './scenario';

describe('createScenario', () => {
  it('gives the same outbox for the same seed, and another one for another seed', () => {
    expect(createScenario(5, 120)).toEqual(createScenario(5, 120));
    expect(createScenario(6, 120).messages).not.toEqual(createScenario(5, 120).messages);
  });

  it('covers every destination and both providers, with a few repeated bad addresses', () => {
    const { messages } = createScenario(1, 300);
    expect(messages).toHaveLength(300);
    expect(new Set(messages.map((message) => message.destination))).toEqual(
      new Set(destinations.map((d) => d.domain)),
    );
    expect(new Set(messages.map((message) => message.provider))).toEqual(new Set(['smtp', 'postmark']));
    const recipients = messages.map((message) => message.recipient);
    expect(new Set(recipients).size).toBeLessThan(recipients.length);
    for (const message of messages) expect(message.kind).toBe(kindOf(message.recipient));
    // Some recipients sit behind an MX that loses its reply (and only there).
    const lost = messages.filter((message) => message.kind === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(new Set(lost.map((message) => message.destination))).toEqual(new Set(['flaky.example']));
    // Ids sort in creation order, and messages are enqueued over the first simulated hour.
    expect(messages.map((message) => message.id)).toEqual([...messages.map((message) => message.id)].sort());
    expect((messages.at(-1)?.createdAt ?? 0) - (messages[0]?.createdAt ?? 0)).toBeLessThan(60 * 60_000);
  });
});
