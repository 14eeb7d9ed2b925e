// @ts-check
// npm run ensure:chromium: Debian's headless Chromium for the browser test (playwright-core drives
// /usr/bin/chromium; `npx playwright install` downloads a browser build and fails here). Fails loudly.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  process.stdout.write(`${CHROMIUM} is installed\n`);
} else {
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (/** @type {string[]} */ args) =>
    execFileSync(asRoot[0] ?? args[0], asRoot.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  } catch (error) {
    process.stderr.write(`Could not install Debian's chromium (apt-get install -y chromium): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`apt-get finished but ${CHROMIUM} is missing\n`);
    process.exit(1);
  }
}
