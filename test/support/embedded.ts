import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from './processes';

export interface StartedEmbedded {
  child: ChildProcess;
  output: () => string;
}

export interface EmbeddedStartOptions {
  /** `KINERJA_PORT_OFFSET`: each test file runs its graph on ports of its own. */
  portOffset: number;
  args?: string[];
  /** Resolves once the output contains this (the banner by default). */
  until?: string;
  /** More of `npm start`'s environment, e.g. `<SERVICE>_DATABASE_URL` to put one service on PostgreSQL. */
  env?: Record<string, string>;
}

/** `npm start`'s orchestrator (already built by `npm test`), on its own data directory and ports. */
export function startEmbedded(dataDir: string, { portOffset, args = [], until = 'Kinerja is up', env = {} }: EmbeddedStartOptions): Promise<StartedEmbedded> {
  let output = '';
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', KINERJA_DATA_DIR: dataDir, KINERJA_PORT_OFFSET: String(portOffset), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A start that outlives its test (a beforeAll that timed out never gets to stop it) must not keep
  // its ports: it goes when the test worker does.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes(until)) {
        clearInterval(timer);
        resolve({ child, output: () => output });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(Object.assign(new Error(`start exited with ${code}:\n${output}`), { output }));
    });
  });
}

/** Ctrl-C, and the exit code. */
export function stopEmbedded(started: StartedEmbedded): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once('exit', (code) => resolve(code));
    started.child.kill('SIGINT');
  });
}
