import { kafkaSecurityOf, loadConfigOrExit } from '@kinerja/config';
import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';
import { ensureTopics, KafkaTransport } from '@kinerja/messaging';

import { dataDirOf, type ServiceModule } from './service-module';

/**
 * A service's `migrate.ts`, run once before the service starts (the compose migrate-* services,
 * the Kubernetes Job, the Helm hook): apply pending migrations and, with KAFKA_BROKERS, create the
 * event catalogue's missing topics; then exit. The service still creates missing topics at start,
 * so one started without this step works too.
 */
export function runMigrations(module: ServiceModule): void {
  migrate(module).catch((error: unknown) => {
    process.stderr.write(`${module.name} migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

async function migrate(module: ServiceModule): Promise<void> {
  const config = loadConfigOrExit(module.envSchema, process.env, module.name);
  const logger = createLogger({ name: `${module.name}-migrate`, level: config.LOG_LEVEL });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: dataDirOf(config, module.name) });
  try {
    const result = await applyMigrations(database.sql, module.migrationsDir);
    logger.info({ database: database.location, ...result }, 'migrations applied');
  } finally {
    await database.close();
  }
  if (config.KAFKA_BROKERS && config.KAFKA_BROKERS.length > 0) {
    const kafka = new KafkaTransport({ brokers: config.KAFKA_BROKERS, clientId: `${module.name}-migrate`, logger, security: kafkaSecurityOf(config) });
    try {
      const created = await ensureTopics(kafka.admin, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR });
      logger.info({ created }, 'Kafka topics ensured');
    } finally {
      await kafka.close();
    }
  }
}
