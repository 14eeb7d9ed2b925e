import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { lockDataDirectory } from '@kinerja/database';

/**
 * `npm start -- --fresh`: deletes each service's embedded database. Every directory's lock is
 * taken first, so a `npm start` still running on the same data directory makes this fail with the
 * holder's pid (DataDirectoryLockedError) before anything is deleted.
 */
export function deleteEmbeddedData(dataDir: string, services: readonly string[]): void {
  const directories = services.map((service) => join(dataDir, service));
  const releases: (() => void)[] = [];
  try {
    for (const directory of directories) releases.push(lockDataDirectory(directory));
  } catch (error) {
    releases.forEach((release) => release());
    throw error;
  }
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
}
