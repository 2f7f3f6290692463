import { describe, expect, it } from 'vitest';
import { listRecipients } from './send-context';

describe('listRecipients', () => {
  it('lists one recipient, several, or none', () => {
    expect(listRecipients({ to: 'a@example.com' }, 'f')).toEqual(['a@example.com']);
    expect(listRecipients({ to: ['a@example.com', 'b@example.com'] }, 'f')).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(listRecipients({}, 'f')).toEqual([]);
  });

  it('returns a copy: the caller array is never changed', () => {
    const to = ['a@example.com'];
    const list = listRecipients({ to }, 'f');
    list.push('b@example.com');
    expect(to).toEqual(['a@example.com']);
  });

  it('rejects a bad context with a TypeError naming the caller', () => {
    expect(() => listRecipients(null as never, 'fromThing')).toThrow(
      /^fromThing: `context` must be an object$/,
    );
    expect(() => listRecipients({ to: 5 } as never, 'fromThing')).toThrow(/fromThing: `context.to`/);
    expect(() => listRecipients({ to: ['a', 5] } as never, 'fromThing')).toThrow(TypeError);
  });
});
