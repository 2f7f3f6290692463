#!/usr/bin/env node
// The README's two commands, on a machine that has only Node (>= 20) and npm:
//   npm run demo   — installs, builds and runs the demo (extra arguments go to the demo)
//   npm test       — installs, builds, type-checks, lints, tests and checks every package
// pnpm is taken from PATH when it is the pinned major, otherwise fetched through npx at the version
// package.json pins (corepack is not assumed: it is missing or broken on many machines).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(
  /^pnpm@/,
  '',
);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function findPnpm() {
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  if (local.status === 0 && local.stdout.trim().split('.')[0] === pinned.split('.')[0]) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${pinned}`];
}

function pnpm(...args) {
  const [command, ...prefix] = pnpmCommand;
  const status = run(command, [...prefix, ...args]);
  if (status !== 0) {
    console.error(`\nquick-start: \`pnpm ${args.join(' ')}\` failed with exit code ${status}`);
    process.exit(status);
  }
}

// Programs from Debian's registry that test suites drive for real: a real MTA writes the bounces and logs that
// the bounce and CLI tests read, a real browser loads the playground. Installed here, once, before any suite
// starts, so that suites running side by side never race for the package manager; a suite run on its own
// installs what it needs the same way.
const systemPackages = [
  { program: '/usr/sbin/postfix', package: 'postfix', for: 'the bounce and CLI tests' },
  { program: '/usr/bin/chromium', package: 'chromium', for: "the playground's browser tests" },
];

function installSystemPackages() {
  const missing = systemPackages.filter((entry) => !existsSync(entry.program));
  if (missing.length === 0) return;
  const names = missing.map((entry) => entry.package);
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `quick-start: the tests need Debian packages that are missing: ${names.join(' ')} ` +
        `(${missing.map((entry) => `${entry.package} for ${entry.for}`).join('; ')}). ` +
        `Install them (apt-get install ${names.join(' ')}) or run this as root, then run it again.`,
    );
    process.exit(1);
  }
  console.log(`quick-start: installing ${names.join(' ')} from Debian's registry`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
    if (result.status !== 0) {
      console.error(`quick-start: \`apt-get ${args.join(' ')}\` failed; install ${names.join(' ')} by hand.`);
      process.exit(1);
    }
  }
}

const [task, ...rest] = process.argv.slice(2);
const forwarded = rest[0] === '--' ? rest.slice(1) : rest;
const pnpmCommand = findPnpm();

switch (task) {
  case 'test':
    installSystemPackages();
    pnpm('install', '--frozen-lockfile');
    pnpm(
      'exec',
      'turbo',
      'run',
      'build',
      'typecheck',
      'lint',
      'test',
      'check:package',
      '--output-logs=new-only',
    );
    // Timing tests (1 MB vs 100 KB inputs) run last and alone, with no other suite competing for the CPU.
    pnpm('-r', '--workspace-concurrency=1', 'run', 'test:linear');
    console.log('\nquick-start: build, typecheck, lint, tests and package checks all passed');
    break;
  case 'demo':
    pnpm('install', '--frozen-lockfile', '--reporter=silent');
    pnpm(
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@mailverdict/retry-demo^...',
      '--output-logs=errors-only',
    );
    pnpm('--filter', '@mailverdict/retry-demo', 'run', '--silent', 'demo', ...forwarded);
    break;
  default:
    console.error('usage: node scripts/quick-start.mjs test | demo [demo arguments]');
    process.exit(2);
}
