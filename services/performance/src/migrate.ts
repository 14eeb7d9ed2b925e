import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';
import { ensureTopics, KafkaTransport } from '@kinerja/messaging';

import { loadPerformanceConfig } from './env';
import { MIGRATIONS_DIR } from './performance.service';

/**
 * One-shot run before the service starts (the compose migrate-* services, the Kubernetes Job, the Helm
 * hook): apply pending migrations and, with KAFKA_BROKERS, create the event catalogue's missing topics
 * (KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR); then exit. The service still creates missing
 * topics at start, so one started without this step works too.
 */
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
  if (config.KAFKA_BROKERS && config.KAFKA_BROKERS.length > 0) {
    const kafka = new KafkaTransport({ brokers: config.KAFKA_BROKERS, clientId: 'performance-migrate', logger });
    try {
      const created = await ensureTopics(kafka.admin, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR });
      logger.info({ created }, 'Kafka topics ensured');
    } finally {
      await kafka.close();
    }
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`performance migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
