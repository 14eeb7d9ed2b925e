import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';

import { MIGRATIONS_DIR } from './development.service';
import { loadDevelopmentConfig } from './env';

/** One-shot migration run (the Kubernetes Job and Helm hook): apply pending migrations and exit. */
async function migrate(): Promise<void> {
  const config = loadDevelopmentConfig();
  const logger = createLogger({ name: 'development-migrate', level: config.LOG_LEVEL });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/development` });
  try {
    const result = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, ...result }, 'migrations applied');
  } finally {
    await database.close();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`development migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
