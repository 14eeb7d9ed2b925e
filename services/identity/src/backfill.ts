import { join } from 'node:path';

import { kafkaSecurityOf } from '@kinerja/config';
import { applyMigrations, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';
import { OutboxRelay, transportFromConfig } from '@kinerja/messaging';

import { publishEmployeeSnapshots } from './application/publish-employee-snapshots.command';
import { loadIdentityConfig } from './env';
import { identityModule } from './identity.module';
import { createPrismaClient } from './infrastructure/prisma-client';
import { PrismaEmployeeRepository } from './infrastructure/prisma-employee.repository';
import { PrismaOrganisationRepository } from './infrastructure/prisma-organisation.repository';

/** While another replica's relay holds the outbox, it publishes the snapshots: look again shortly. */
const WAIT_FOR_OTHER_RELAY_MS = 200;

/**
 * `npm run backfill`: republishes every employee as `identity.employee.snapshot` through the
 * outbox, so a freshly deployed service (performance, feedback, development) builds its local
 * copy of the reporting line. It opens identity's database and an outbox relay only — no HTTP
 * server and no consumer, so it never joins the running replicas' consumer group — and exits once
 * the outbox is empty (published by this relay or by a running replica's).
 */
async function backfill(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity-backfill', level: config.LOG_LEVEL });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'identity-backfill',
    logger,
    security: kafkaSecurityOf(config),
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'identity') });
  const prisma = createPrismaClient(database);
  const relay = new OutboxRelay({ sql: database.sql, transport, logger: logger.child({ component: 'outbox-relay' }) });
  try {
    await applyMigrations(database.sql, identityModule.migrationsDir);
    const published = await publishEmployeeSnapshots(
      new PrismaOrganisationRepository(prisma),
      new PrismaEmployeeRepository(prisma, database.sql, () => undefined),
    );
    while ((await relay.backlog()) > 0) {
      if ((await relay.drainOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, WAIT_FOR_OTHER_RELAY_MS));
    }
    logger.info({ published }, 'employee snapshots published');
  } finally {
    await prisma.$disconnect();
    await database.close();
    await transport.close();
  }
}

backfill().catch((error: unknown) => {
  process.stderr.write(`backfill failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
