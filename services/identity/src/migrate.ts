import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';

import { loadIdentityConfig } from './env';
import { MIGRATIONS_DIR } from './identity.service';

/** One-shot migration run (the Kubernetes Job and Helm hook): apply pending migrations and exit. */
async function migrate(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity-migrate', level: config.LOG_LEVEL });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/identity` });
  try {
    const result = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, ...result }, 'migrations applied');
  } finally {
    await database.close();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`identity migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
