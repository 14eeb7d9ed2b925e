import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { applyMigrations, type Database, openDatabase } from '../src';

function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe.each(['postgres', 'pglite'] as const)('the migrator on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  let database: Database;

  beforeEach(async () => {
    if (kind === 'postgres') {
      testDb = await createTestDatabase('migrator');
      database = await openDatabase({ url: testDb.url, dataDir: '' });
    } else {
      database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'kinerja-pglite-')) });
    }
  });
  afterEach(async () => {
    await database.close();
    await testDb?.drop();
  });

  it('applies pending migrations once, in name order, recording them as Prisma does', async () => {
    const dir = migrationsFolder({ '2_second': 'ALTER TABLE t ADD COLUMN b int;', '1_first': 'CREATE TABLE t (a int); CREATE INDEX t_a ON t (a);' });
    expect(await applyMigrations(database.sql, dir)).toEqual({ applied: ['1_first', '2_second'], alreadyApplied: 0 });
    expect(await applyMigrations(database.sql, dir)).toEqual({ applied: [], alreadyApplied: 2 });
    const rows = await database.sql.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      'SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(['1_first', '2_second']);
    expect(rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
  });

  it('leaves neither changes nor a record behind when a migration fails half-way', async () => {
    const dir = migrationsFolder({ '1_ok': 'CREATE TABLE t (a int);', '2_broken': 'CREATE TABLE u (a int); INSERT INTO missing VALUES (1);' });
    await expect(applyMigrations(database.sql, dir)).rejects.toThrow(/missing/);
    const tables = await database.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 't']);
    const recorded = await database.sql.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).toEqual(['1_ok']);
  });

  it('refuses an applied migration whose file was changed since', async () => {
    const dir = migrationsFolder({ '1_first': 'CREATE TABLE t (a int);' });
    await applyMigrations(database.sql, dir);
    writeFileSync(join(dir, '1_first', 'migration.sql'), 'CREATE TABLE t (a bigint);');
    await expect(applyMigrations(database.sql, dir)).rejects.toThrow(/changed after it was applied/);
  });
});
