import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags } from './flags';

describe('parseFlags', () => {
  it('has defaults for a run nobody configured', () => {
    expect(parseFlags([])).toEqual({
      messages: 300,
      seed: 1,
      resume: false,
      fakes: 'local',
      progress: 'auto',
      help: false,
    });
  });

  it('reads every flag, with a value after it or after "="', () => {
    const flags = parseFlags([
      '--',
      '--messages=50',
      '--seed',
      '9',
      '--db',
      'x.sqlite',
      '--resume',
      '--json',
      'r.json',
      '--progress',
      'plain',
      '--fakes',
      'external',
      '--fakes-url',
      'http://127.0.0.1:1',
    ]);
    expect(flags).toEqual({
      messages: 50,
      seed: 9,
      db: 'x.sqlite',
      resume: true,
      json: 'r.json',
      fakes: 'external',
      fakesUrl: 'http://127.0.0.1:1',
      progress: 'plain',
      help: false,
    });
  });

  it.each([
    [['--messages'], '--messages needs a value'],
    [['--messages', 'ten'], '--messages must be a whole number, got "ten"'],
    [['--messages', '0'], '--messages must be between 1 and 20000, got 0'],
    [['--messages', '-5'], '--messages must be a whole number, got "-5"'],
    [['--seed', '1.5'], '--seed must be a whole number, got "1.5"'],
    [['--seed', '4294967296'], '--seed must be between 0 and 4294967295, got 4294967296'],
    [['--json', '--seed'], '--json needs a value'],
    [['--progress', 'loud'], '--progress must be "auto", "plain" or "off", got "loud"'],
    [['--fakes', 'remote'], '--fakes must be "local" or "external", got "remote"'],
    [['--fakes', 'external'], '--fakes external needs --fakes-url URL'],
    [['--fakes-url', 'http://x'], '--fakes-url only goes with --fakes external'],
    [['--resume'], '--resume needs --db PATH (the run to continue)'],
    [['--mesages', '5'], 'unknown argument "--mesages"'],
    [['extra'], 'unknown argument "extra"'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(FlagError);
    expect(() => parseFlags(argv)).toThrow(message);
  });
});
