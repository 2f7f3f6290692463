// Debian's chromium, installed when missing (browser downloads do not work here; playwright-core only drives it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/** The flags of the project's browser tests: no network of its own, no first-run work, no sandbox (root, CI). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function ensureChromium(): string {
  if (existsSync(chromiumPath)) return chromiumPath;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The browser tests need Debian's "chromium" package at ${chromiumPath}: install it (apt-get install -y chromium) or run the tests as root so they install it.`,
    );
  }
  const options = {
    stdio: 'inherit',
    timeout: 840_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  } as const;
  execFileSync('apt-get', ['update'], options);
  execFileSync('apt-get', ['install', '-y', 'chromium'], options);
  if (!existsSync(chromiumPath))
    throw new Error(`apt-get installed "chromium" but ${chromiumPath} is missing`);
  return chromiumPath;
}
