import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';

import { loadPerformanceConfig } from './env';
import { MIGRATIONS_DIR } from './performance.service';

/** One-shot migration run (the Kubernetes Job and Helm hook): apply pending migrations and exit. */
async function migrate(): Promise<void> {
  const config = loadPerformanceConfig();
  const logger = createLogger({ name: 'performance-migrate', level: config.LOG_LEVEL });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/performance` });
  try {
    const result = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, ...result }, 'migrations applied');
  } finally {
    await database.close();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`performance migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
