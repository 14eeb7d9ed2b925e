// @ts-check
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';

/** Runs the Prisma CLI offline: no native engine (the paths below are never executed), WebAssembly schema engine. */
export function prisma(/** @type {string[]} */ args) {
  return execFileSync(join(repoRoot, 'node_modules', '.bin', 'prisma'), args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: 'postgresql://cli@localhost/unused',
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
      PRISMA_QUERY_ENGINE_LIBRARY: '/bin/true',
    },
  });
}

export const PRISMA_CONFIG = join('tools', 'prisma', 'prisma.config.ts');

/** The SQL that takes a database from `from` (a schema file, or empty) to the schema file `to`. */
export function diffSql(/** @type {string | null} */ from, /** @type {string} */ to) {
  const source = from ? ['--from-schema-datamodel', from] : ['--from-empty'];
  return prisma(['migrate', 'diff', '--config', PRISMA_CONFIG, ...source, '--to-schema-datamodel', to, '--script']);
}
