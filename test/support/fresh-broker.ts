import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from './processes';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'scripts', 'kafka.mjs');

export interface FreshBroker {
  brokers: string[];
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A port pair for this checkout's extra broker, away from the shared broker's 9092/9093: two
 * checkouts on one machine running the same test never meet on one port.
 */
export const freshBrokerPort = (base = 19092): number => base + (createHash('sha256').update(REPO_ROOT).digest()[0]! % 50) * 2;

/**
 * Starts a broker formatted a moment ago in a temp dir of its own (scripts/kafka.mjs start-extra),
 * which refuses any port where something already answers; stop() stops it by its own pid file and
 * deletes the dir, so the shared broker is never touched.
 */
export async function startFreshBroker(port = freshBrokerPort()): Promise<FreshBroker> {
  const { stdout } = await run(process.execPath, [SCRIPT, 'start-extra', String(port)], { timeout: 180_000 });
  const started = JSON.parse(stdout) as { brokers: string[]; dataDir: string };
  return {
    ...started,
    stop: async () => {
      await run(process.execPath, [SCRIPT, 'stop-extra', started.dataDir], { timeout: 60_000 });
    },
  };
}
