// Command-line flags. Every flag is checked; a bad one gets a clear message and exit code 2.

export interface Flags {
  readonly messages: number;
  readonly seed: number;
  /** SQLite file; undefined = a fresh file in a temporary directory. */
  readonly db?: string;
  /** Continue the run stored in `db` (after a crash), or start it there when none is stored yet. */
  readonly resume: boolean;
  readonly json?: string;
  /** `local` starts the fake servers in this process; `external` uses the ones a harness runs (crash test). */
  readonly fakes: 'local' | 'external';
  /** Control URL of the external fakes harness (`--fakes external`). */
  readonly fakesUrl?: string;
  /** `auto` redraws in a TTY and prints plain lines otherwise; `off` prints only the report. */
  readonly progress: 'auto' | 'plain' | 'off';
  readonly help: boolean;
  /** `sqlite`: the embedded outbox (default); `bullmq`: worker processes on Redis (`@mailverdict/bullmq`). */
  readonly queue?: 'bullmq';
  /** Worker processes for `--queue bullmq` (default 4). */
  readonly workers?: number;
  /** Redis for `--queue bullmq` (default REDIS_URL or redis://127.0.0.1:6379). */
  readonly redisUrl?: string;
}

export const usage =
  'usage: retry-demo [--messages N] [--seed N] [--db PATH] [--resume] [--json FILE] ' +
  '[--progress auto|plain|off] [--fakes local|external --fakes-url URL] ' +
  '[--queue sqlite|bullmq [--workers N] [--redis-url URL]]';

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

const maxMessages = 20_000;

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || value.startsWith('--')) throw new FlagError(`${flag} needs a value`);
  if (!/^\d+$/.test(value)) throw new FlagError(`${flag} must be a whole number, got "${value}"`);
  const number = Number(value);
  if (number < min || number > max)
    throw new FlagError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return number;
}

function text(flag: string, value: string | undefined): string {
  if (value === undefined || value.startsWith('--') || value.length === 0) {
    throw new FlagError(`${flag} needs a value`);
  }
  return value;
}

/** Parses `argv` (without the node and script paths). Throws `FlagError` with a clear message. */
export function parseFlags(argv: readonly string[]): Flags {
  let messages = 300;
  let seed = 1;
  let db: string | undefined;
  let resume = false;
  let json: string | undefined;
  let fakes: Flags['fakes'] = 'local';
  let fakesUrl: string | undefined;
  let progress: Flags['progress'] = 'auto';
  let help = false;
  let queue: 'sqlite' | 'bullmq' = 'sqlite';
  let workers: number | undefined;
  let redisUrl: string | undefined;
  // pnpm may forward a lone `--` separator; it carries no meaning here.
  const args = argv.filter((arg, index) => !(arg === '--' && index === 0));
  for (let index = 0; index < args.length; index++) {
    const raw = args[index] as string;
    const equals = raw.indexOf('=');
    const flag = raw.startsWith('--') && equals > 0 ? raw.slice(0, equals) : raw;
    const inline = raw.startsWith('--') && equals > 0 ? raw.slice(equals + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : args[++index]);
    switch (flag) {
      case '--messages':
        messages = integer(flag, value(), 1, maxMessages);
        break;
      case '--seed':
        seed = integer(flag, value(), 0, 2 ** 32 - 1);
        break;
      case '--db':
        db = text(flag, value());
        break;
      case '--json':
        json = text(flag, value());
        break;
      case '--resume':
        resume = true;
        break;
      case '--fakes': {
        const mode = text(flag, value());
        if (mode !== 'local' && mode !== 'external') {
          throw new FlagError(`--fakes must be "local" or "external", got "${mode}"`);
        }
        fakes = mode;
        break;
      }
      case '--fakes-url':
        fakesUrl = text(flag, value());
        break;
      case '--progress': {
        const mode = text(flag, value());
        if (mode !== 'auto' && mode !== 'plain' && mode !== 'off') {
          throw new FlagError(`--progress must be "auto", "plain" or "off", got "${mode}"`);
        }
        progress = mode;
        break;
      }
      case '--queue': {
        const mode = text(flag, value());
        if (mode !== 'sqlite' && mode !== 'bullmq') {
          throw new FlagError(`--queue must be "sqlite" or "bullmq", got "${mode}"`);
        }
        queue = mode;
        break;
      }
      case '--workers':
        workers = integer(flag, value(), 1, 16);
        break;
      case '--redis-url':
        redisUrl = text(flag, value());
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new FlagError(`unknown argument "${raw}"`);
    }
  }
  if (queue !== 'bullmq' && (workers !== undefined || redisUrl !== undefined))
    throw new FlagError('--workers and --redis-url only go with --queue bullmq');
  if (resume && db === undefined) throw new FlagError('--resume needs --db PATH (the run to continue)');
  if (fakes === 'external' && fakesUrl === undefined)
    throw new FlagError('--fakes external needs --fakes-url URL');
  if (fakes === 'local' && fakesUrl !== undefined)
    throw new FlagError('--fakes-url only goes with --fakes external');
  return {
    messages,
    seed,
    ...(db !== undefined ? { db } : {}),
    resume,
    ...(json !== undefined ? { json } : {}),
    fakes,
    ...(fakesUrl !== undefined ? { fakesUrl } : {}),
    progress,
    help,
    // Present only for `--queue bullmq`: a default run's flags are what they always were.
    ...(queue === 'bullmq'
      ? {
          queue,
          workers: workers ?? 4,
          redisUrl: redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        }
      : {}),
  };
}
