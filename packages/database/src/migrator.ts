import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SqlRunner } from './sql-runner';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Prisma's own bookkeeping table, so `prisma migrate status` agrees wherever its engine runs.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Serialises migrators of several replicas starting at once against one server. */
const MIGRATION_LOCK_KEY = 7_270_736;

/** Reads `prisma/migrations/<timestamp>_<name>/migration.sql` in name order, as Prisma does. */
export function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) throw new Error(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row, so a
 * migration whose SQL fails leaves neither its changes nor a record behind. An applied migration
 * whose file changed since is refused: history is never rewritten silently.
 */
export async function applyMigrations(sql: SqlRunner, migrationsDir: string): Promise<MigrationResult> {
  const migrations = readMigrations(migrationsDir);
  await sql.exec(BOOKKEEPING);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const wasApplied = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const [row] = await tx.query<AppliedRow>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL AND finished_at IS NOT NULL',
        [migration.name],
      );
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead`);
        }
        return true;
      }
      const startedAt = new Date();
      await tx.exec(migration.sql);
      await tx.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      return false;
    });
    if (wasApplied) alreadyApplied += 1;
    else applied.push(migration.name);
  }
  return { applied, alreadyApplied };
}
