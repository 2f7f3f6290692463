// A real Postfix (Debian's `postfix` package) for the tests: its own configuration directory,
// queue and maildir under a temporary directory, smtpd on a free loopback port (never 25), no
// chroot, no DNS, everything relayed to one loopback port (a testkit fake MX). Bounces and delay
// notices go to a virtual mailbox domain whose maildir the test reads. Started and stopped by the
// test; nothing it does leaves loopback or touches the machine's own Postfix.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const postfixBinary = '/usr/sbin/postfix';
export const bounceDomain = 'bounces.mailverdict.test';

function run(
  command: string,
  args: readonly string[],
  timeoutMs = 300_000,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/**
 * Installs Debian's postfix when it is missing and we are root (apt-get update first); otherwise
 * throws naming the package. Never skips.
 */
export async function ensurePostfix(): Promise<void> {
  if (existsSync(postfixBinary)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'These tests need Postfix: install the Debian package "postfix" (apt-get install postfix) or run them as root.',
    );
  }
  const update = await run('apt-get', ['update']);
  const install = await run('apt-get', ['install', '-y', 'postfix']);
  if (install.code !== 0 || !existsSync(postfixBinary)) {
    throw new Error(`Installing the Debian package "postfix" failed:\n${update.output}\n${install.output}`);
  }
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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

export interface PostfixTimes {
  /** `delay_warning_time`: when a delay notice is sent, in seconds. */
  readonly delayWarningSeconds: number;
  /** `maximal_queue_lifetime`: when a deferred message is returned, in seconds. */
  readonly queueLifetimeSeconds: number;
}

export interface RunningPostfix {
  /** smtpd's loopback port. */
  readonly port: number;
  /** The messages delivered to the bounce mailbox so far (raw), oldest first. */
  messages(): string[];
  /** Postfix's own log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export async function startPostfix(relayPort: number, times: PostfixTimes): Promise<RunningPostfix> {
  const root = mkdtempSync(join(tmpdir(), 'mailverdict-postfix-'));
  // mkdtemp makes it 0700; Postfix's daemons run as the postfix user and must reach the queue.
  chmodSync(root, 0o755);
  const config = join(root, 'etc');
  const mail = join(root, 'mail');
  const data = join(root, 'data');
  for (const directory of [config, join(root, 'queue'), data, mail])
    await mkdir(directory, { recursive: true });
  const uid = idOf('passwd', 'postfix');
  const gid = idOf('group', 'postfix');
  await chown(data, uid, gid);
  await chown(mail, uid, gid);
  const port = await freePort();
  const maillog = join(root, 'maillog');
  writeFileSync(
    join(config, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${root}/queue`,
      `data_directory = ${data}`,
      'command_directory = /usr/sbin',
      'daemon_directory = /usr/lib/postfix/sbin',
      'meta_directory = /etc/postfix',
      'shlib_directory = /usr/lib/postfix',
      'mail_owner = postfix',
      'setgid_group = postdrop',
      'myhostname = relay.mailverdict.test',
      'mydomain = mailverdict.test',
      'myorigin = $myhostname',
      'mydestination =',
      'inet_interfaces = loopback-only',
      'inet_protocols = ipv4',
      'mynetworks = 127.0.0.0/8',
      'smtpd_relay_restrictions = permit_mynetworks, reject',
      `relayhost = [127.0.0.1]:${relayPort}`,
      'smtp_dns_support_level = disabled',
      'smtp_tls_security_level = none',
      'smtpd_tls_security_level = none',
      `virtual_mailbox_domains = ${bounceDomain}`,
      `virtual_mailbox_base = ${mail}`,
      'virtual_mailbox_maps = static:inbox/',
      `virtual_uid_maps = static:${uid}`,
      `virtual_gid_maps = static:${gid}`,
      `maillog_file_prefixes = ${root}`,
      `maillog_file = ${maillog}`,
      'alias_maps =',
      'alias_database =',
      // Short queue times so a delay notice and an expiry bounce come within seconds.
      `delay_warning_time = ${times.delayWarningSeconds}s`,
      `maximal_queue_lifetime = ${times.queueLifetimeSeconds}s`,
      `bounce_queue_lifetime = ${times.queueLifetimeSeconds}s`,
      'queue_run_delay = 1s',
      'minimal_backoff_time = 1s',
      'maximal_backoff_time = 2s',
      '',
    ].join('\n'),
  );
  // No chroot (the Debian default chroots need copied system files); smtpd only on our loopback port.
  const services = [
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
  writeFileSync(join(config, 'master.cf'), `${services.join('\n')}\n`);
  const log = () => (existsSync(maillog) ? readFileSync(maillog, 'utf8') : '');
  const started = await run(postfixBinary, ['-c', config, 'start'], 60_000);
  if (started.code !== 0) {
    const check = await run(postfixBinary, ['-c', config, 'check'], 60_000);
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `Postfix did not start (exit ${started.code}):\n${started.output}\n${check.output}\n${log()}`,
    );
  }
  const inbox = join(mail, 'inbox', 'new');
  return {
    port,
    log,
    messages() {
      if (!existsSync(inbox)) return [];
      // Maildir names start with the delivery time in seconds: sorting them orders by arrival.
      return readdirSync(inbox)
        .sort()
        .map((name) => readFileSync(join(inbox, name), 'utf8'));
    },
    async stop() {
      await run(postfixBinary, ['-c', config, 'stop'], 60_000);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
