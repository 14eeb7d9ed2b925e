import { applyMigrations, type Database, openDatabase } from '@kinerja/database';

import { createTestDatabase } from './postgres';

/** A service's database on a fresh PostgreSQL database of its own, migrated: handlers and repositories without the service. */
export interface MigratedTestDatabase {
  database: Database;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

export async function openMigratedTestDatabase(prefix: string, migrationsDir: string): Promise<MigratedTestDatabase> {
  const testDatabase = await createTestDatabase(prefix);
  const database = await openDatabase({ url: testDatabase.url, dataDir: '' });
  await applyMigrations(database.sql, migrationsDir);
  return {
    database,
    close: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
}
