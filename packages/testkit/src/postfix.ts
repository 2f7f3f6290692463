// A real Postfix (Debian's `postfix` package) for tests: its own configuration, queue, log and
// mailboxes in a temporary directory, smtpd on a free loopback port (never 25), no chroot, DNS off.
// Recipient domains are routed by `transport_maps` to loopback ports (the fake MXes of this package);
// everything else goes to one loopback fallback port or is refused by the `error` transport, so no
// message can leave the machine. Postfix ≥ 3.4 writes its own log (`maillog_file`, postlogd): no
// syslog needed. Bounces and delay notices Postfix sends back land in local mailboxes (its `virtual`
// delivery agent) that the test reads. Needs root (Postfix's master starts as root and drops to the
// `postfix` user); installs Debian's `postfix` when missing and it can (root + apt-get), otherwise
// throws naming the package: it never skips.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const postfixBinary = '/usr/sbin/postfix';

/** The name Postfix gives itself (`myhostname`): what its DSNs name as the Reporting-MTA. */
export const postfixHostname = 'relay.mailverdict.test';

async function run(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
      (error, stdout, stderr) => {
        if (error === null) resolve(`${stdout}${stderr}`);
        else reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      },
    );
  });
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Installs Debian's `postfix` when it is missing and it can (root and apt-get; `apt-get update`
 * first); otherwise throws naming the package. Never skips.
 */
export async function ensurePostfix(): Promise<void> {
  if (existsSync(postfixBinary)) return;
  const apt = existsSync('/usr/bin/apt-get');
  if (!isRoot() || !apt)
    throw new Error(
      `The real-Postfix tests need Debian's "postfix" package (${postfixBinary} is missing) and cannot install it ` +
        `here (${apt ? 'not root' : 'no apt-get'}): run \`apt-get install postfix\`.`,
    );
  await run('apt-get', ['update'], 600_000);
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'postfix'], 600_000);
  if (!existsSync(postfixBinary))
    throw new Error(`apt-get install postfix ran but ${postfixBinary} is still missing`);
}

function idOf(database: 'passwd' | 'group', name: string): number {
  const line = readFileSync(`/etc/${database}`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const id = Number(line?.split(':')[2]);
  if (!Number.isInteger(id))
    throw new Error(`no ${name} in /etc/${database}: is the "postfix" package installed?`);
  return id;
}

export interface PostfixQueueTimes {
  /** `delay_warning_time`: when a delay notice is sent, in seconds. */
  readonly delayWarningSeconds: number;
  /** `maximal_queue_lifetime`: when a deferred message is returned, in seconds. */
  readonly queueLifetimeSeconds: number;
}

export interface PostfixOptions {
  /** Recipient domain → loopback port of the fake MX that answers for it. */
  readonly routes?: Readonly<Record<string, number>>;
  /** Loopback port for every other recipient domain; without it, Postfix refuses them (`error`). */
  readonly fallbackPort?: number;
  /** Domains whose mail (the bounces Postfix sends back, say) is discarded. */
  readonly discard?: readonly string[];
  /**
   * Local mailboxes for the bounces and notices Postfix sends back: address → path under `mailDir`;
   * a trailing `/` makes a Maildir, else an mbox file.
   */
  readonly mailboxes?: Readonly<Record<string, string>>;
  /**
   * Short queue times, so a delay notice and an expiry bounce come within seconds (the queue is then
   * rerun every second). Without them a deferred message stays queued for an hour.
   */
  readonly queueTimes?: PostfixQueueTimes;
}

export interface PostfixInstance {
  /** The SMTP port Postfix listens on, on 127.0.0.1. */
  readonly port: number;
  /** The file Postfix writes its log to. */
  readonly logFile: string;
  /** Where the `mailboxes` are. */
  readonly mailDir: string;
  /** Postfix's log so far. */
  readLog(): string;
  /** The messages delivered to a Maildir mailbox so far (raw), oldest first. */
  messages(mailbox: string): string[];
  /** Stops Postfix and removes its directory. */
  stop(): Promise<void>;
}

// No chroot (the Debian default chroots need copied system files); smtpd only on our loopback port.
const services = (port: number) => [
  `127.0.0.1:${port} inet n - n - - smtpd`,
  'pickup unix n - n 60 1 pickup',
  'cleanup unix n - n - 0 cleanup',
  'qmgr unix n - n 300 1 qmgr',
  'rewrite unix - - n - - trivial-rewrite',
  'bounce unix - - n - 0 bounce',
  'defer unix - - n - 0 bounce',
  'trace unix - - n - 0 bounce',
  'verify unix - - n - 1 verify',
  'flush unix n - n 1000? 0 flush',
  'proxymap unix - - n - - proxymap',
  'smtp unix - - n - - smtp',
  'relay unix - - n - - smtp',
  'showq unix n - n - - showq',
  'error unix - - n - - error',
  'retry unix - - n - - error',
  'discard unix - - n - - discard',
  'local unix - n n - - local',
  'virtual unix - n n - - virtual',
  'anvil unix - - n - 1 anvil',
  'scache unix - - n - 1 scache',
  'postlog unix-dgram n - n - 1 postlogd',
];

function mainCf(directory: string, options: PostfixOptions, ids: { uid: number; gid: number }): string[] {
  const mailboxes = Object.entries(options.mailboxes ?? {});
  const mailboxDomains = [
    ...new Set(mailboxes.map(([address]) => address.slice(address.lastIndexOf('@') + 1))),
  ];
  const routes = [
    ...Object.entries(options.routes ?? {}).map(([domain, port]) => `${domain}=smtp:[127.0.0.1]:${port}`),
    ...(options.discard ?? []).map((domain) => `${domain}=discard:`),
  ];
  const fallback =
    options.fallbackPort === undefined
      ? 'error:mailverdict tests deliver to loopback only'
      : `smtp:[127.0.0.1]:${options.fallbackPort}`;
  const times = options.queueTimes;
  return [
    'compatibility_level = 3.6',
    `queue_directory = ${join(directory, 'queue')}`,
    `data_directory = ${join(directory, 'data')}`,
    'meta_directory = /etc/postfix',
    'mail_owner = postfix',
    'setgid_group = postdrop',
    `myhostname = ${postfixHostname}`,
    'mydomain = mailverdict.test',
    'myorigin = $myhostname',
    'mydestination =',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8',
    'smtp_bind_address = 127.0.0.1',
    'smtpd_relay_restrictions = permit_mynetworks, reject',
    `transport_maps = inline:{ ${routes.join(', ')} }`,
    `default_transport = ${fallback}`,
    `relay_transport = ${fallback}`,
    'smtp_dns_support_level = disabled',
    'smtp_tls_security_level = none',
    'smtpd_tls_security_level = none',
    'alias_maps =',
    'alias_database =',
    'local_recipient_maps =',
    'smtputf8_enable = no',
    'biff = no',
    'smtp_connect_timeout = 5s',
    'smtp_connection_cache_on_demand = no',
    `virtual_mailbox_domains = ${mailboxDomains.join(', ')}`,
    `virtual_mailbox_base = ${join(directory, 'mail')}`,
    `virtual_mailbox_maps = inline:{ ${mailboxes.map(([address, path]) => `${address}=${path}`).join(', ')} }`,
    `virtual_uid_maps = static:${ids.uid}`,
    `virtual_gid_maps = static:${ids.gid}`,
    `maillog_file = ${join(directory, 'maillog')}`,
    `maillog_file_prefixes = ${directory}`,
    ...(times === undefined
      ? ['queue_run_delay = 1h', 'minimal_backoff_time = 1h', 'maximal_backoff_time = 2h']
      : [
          `delay_warning_time = ${times.delayWarningSeconds}s`,
          `maximal_queue_lifetime = ${times.queueLifetimeSeconds}s`,
          `bounce_queue_lifetime = ${times.queueLifetimeSeconds}s`,
          'queue_run_delay = 1s',
          'minimal_backoff_time = 1s',
          'maximal_backoff_time = 2s',
        ]),
  ];
}

/** Starts Postfix with its own configuration directory; `stop()` stops it and removes the directory. */
export async function startPostfix(options: PostfixOptions): Promise<PostfixInstance> {
  await ensurePostfix();
  if (!isRoot())
    throw new Error(
      'The real-Postfix tests must run as root: Postfix’s master process starts as root and drops to `postfix`.',
    );
  const directory = mkdtempSync(join(tmpdir(), 'mailverdict-postfix-'));
  // mkdtemp makes it 0700; Postfix's daemons run as the postfix user and must reach the queue.
  chmodSync(directory, 0o755);
  const config = join(directory, 'etc');
  const mailDir = join(directory, 'mail');
  const ids = { uid: idOf('passwd', 'postfix'), gid: idOf('group', 'postfix') };
  for (const path of [config, join(directory, 'queue'), join(directory, 'data'), mailDir])
    mkdirSync(path, { mode: 0o755 });
  await run('chown', [`${ids.uid}:${ids.gid}`, join(directory, 'data'), mailDir], 60_000);
  const port = await freePort();
  writeFileSync(join(config, 'main.cf'), `${mainCf(directory, options, ids).join('\n')}\n`);
  writeFileSync(join(config, 'master.cf'), `${services(port).join('\n')}\n`);
  const logFile = join(directory, 'maillog');
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  try {
    await run(postfixBinary, ['-c', config, 'start'], 60_000);
  } catch (error) {
    const check = await run(postfixBinary, ['-c', config, 'check'], 60_000).catch(String);
    rmSync(directory, { recursive: true, force: true });
    throw new Error(`Postfix did not start: ${(error as Error).message}\n${check}\n${readLog()}`);
  }
  let stopped = false;
  return {
    port,
    logFile,
    mailDir,
    readLog,
    messages(mailbox) {
      const fresh = join(mailDir, mailbox, 'new');
      if (!existsSync(fresh)) return [];
      // Maildir names start with the delivery time in seconds: sorting them orders by arrival.
      return readdirSync(fresh)
        .sort()
        .map((name) => readFileSync(join(fresh, name), 'utf8'));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run(postfixBinary, ['-c', config, 'stop'], 60_000);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

/** Waits (bounded) until `done(log)` holds for Postfix's log; returns the log. */
export async function waitForLog(
  instance: PostfixInstance,
  done: (log: string) => boolean,
  timeoutMs = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = instance.readLog();
    if (done(log)) return log;
    if (Date.now() > deadline)
      throw new Error(
        `Postfix did not log what the test waits for within ${timeoutMs} ms. Log so far:\n${log}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { freePort };
