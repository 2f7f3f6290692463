#!/usr/bin/env node
// Runs every package's test suite again on other Node.js majors (users run 22 and 24; this machine's Node is 20).
//   node scripts/test-on-node.mjs 22 24
// Needs a tree that `npm test` has already installed and built. Each Node comes from the npm registry as the
// `node-<platform>-<arch>` package (the only registry this project may assume) and is kept in a cache folder.
// Native add-ons (better-sqlite3, used by the demo) are rebuilt from source for each Node against the headers that
// package ships, and rebuilt for the Node that ran this script at the end, so the tree is left as it was found.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(
  /^pnpm@/,
  '',
);
const majors = process.argv.slice(2);
if (majors.length === 0 || majors.some((major) => !/^\d+$/.test(major))) {
  console.error('usage: node scripts/test-on-node.mjs <major> [<major> …]   e.g. 22 24');
  process.exit(2);
}
// The native add-ons, and the package whose dependency each is.
const nativeAddons = [{ name: 'better-sqlite3', from: 'apps/retry-demo' }];
// node-gyp as npm ships it (npm comes with every Node install; the registry packages of Node hold only `node`).
const nodeGyp = join(
  execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(),
  'npm',
  'node_modules',
  'node-gyp',
  'bin',
  'node-gyp.js',
);
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mailverdict', 'node');
const nodePackage = `node-${process.platform}-${process.arch}`;

function run(command, args, env, label, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${label} failed with exit code ${result.status}`);
}

function pnpm(env, label, ...args) {
  run('npx', ['--yes', `pnpm@${pinned}`, ...args], env, label);
}

/** The folder of a Node of that major (bin/node, include/node), fetched once into the cache. */
function fetchNode(major) {
  const prefix = join(cache, major);
  const home = join(prefix, 'node_modules', nodePackage);
  if (!existsSync(join(home, 'bin', 'node'))) {
    mkdirSync(prefix, { recursive: true });
    console.log(`test-on-node: fetching ${nodePackage}@${major} from the npm registry into ${prefix}`);
    run(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${nodePackage}@${major}`],
      process.env,
      `npm install ${nodePackage}@${major}`,
    );
  }
  return home;
}

/** The environment in which `node` (and so pnpm and vitest) is the Node in `home`. */
function environmentFor(home) {
  return {
    ...process.env,
    PATH: `${join(home, 'bin')}:${process.env.PATH}`,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  };
}

/** Where each add-on's compiled binary sits, and the cache key of its build for a given Node version. */
function addonFiles() {
  return nativeAddons.map((addon) => {
    const require = createRequire(join(root, addon.from, 'package.json'));
    const folder = dirname(require.resolve(`${addon.name}/package.json`));
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const binary = join(folder, 'build', 'Release', `${addon.name.replace(/-/g, '_')}.node`);
    return {
      ...addon,
      folder,
      binary,
      key: (node) => join(cache, 'addons', `${addon.name}@${version}-node${node}.node`),
    };
  });
}

/** Puts each add-on built for `node` in place: from the cache, else compiled against the headers in `nodedir`. */
function useAddons(node, nodeVersion, nodedir) {
  for (const addon of addonFiles()) {
    const cached = addon.key(nodeVersion);
    if (!existsSync(cached)) {
      const label = `building ${addon.name} for Node ${nodeVersion}`;
      run(node, [nodeGyp, 'rebuild', '--release', `--nodedir=${nodedir}`], process.env, label, addon.folder);
      mkdirSync(dirname(cached), { recursive: true });
      copyFileSync(addon.binary, cached);
    }
    replaceFile(addon.binary, () => copyFileSync(cached, addon.binary));
  }
}

/**
 * pnpm hard-links a built add-on from its store into every project that installs it, so writing into the file
 * would change the store's copy and every other checkout's: unlink it first and write a file of our own.
 */
function replaceFile(path, write) {
  rmSync(path, { force: true });
  write();
}

// The binaries built for the Node running this script, put back at the end without a rebuild.
const ownBinaries = addonFiles().map((addon) => ({ addon, saved: readFileSync(addon.binary) }));

let failure;
try {
  for (const major of majors) {
    const home = fetchNode(major);
    const env = environmentFor(home);
    const version = spawnSync(join(home, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\ntest-on-node: every test suite on Node ${version}`);
    useAddons(join(home, 'bin', 'node'), version, home);
    pnpm(env, `tests on Node ${version}`, '-r', '--workspace-concurrency=1', 'run', 'test');
    pnpm(env, `timing tests on Node ${version}`, '-r', '--workspace-concurrency=1', 'run', 'test:linear');
  }
} catch (error) {
  failure = error;
} finally {
  for (const { addon, saved } of ownBinaries)
    replaceFile(addon.binary, () => writeFileSync(addon.binary, saved));
}
if (failure) {
  console.error(`\ntest-on-node: ${failure.message}`);
  process.exit(1);
}
console.log(`\ntest-on-node: every test suite passed on Node ${majors.join(', ')}`);
