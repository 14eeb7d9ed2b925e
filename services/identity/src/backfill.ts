import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';

import { publishEmployeeSnapshots } from './application/publish-employee-snapshots.command';
import { loadIdentityConfig } from './env';
import { buildIdentitySchema, startIdentityService } from './identity.service';

/**
 * `npm run backfill`: republishes every employee as `identity.employee.snapshot` through the
 * outbox, so a freshly deployed service (performance, feedback, development) builds its local
 * copy of the reporting line. Runs against identity's database, then exits once all went out.
 */
async function backfill(): Promise<void> {
  const config = { ...loadIdentityConfig(), PORT: 0 };
  const logger = createLogger({ name: 'identity-backfill', level: config.LOG_LEVEL });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'identity-backfill',
    logger,
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const service = await startIdentityService(config, logger, { transport });
  try {
    const { organisation, employees } = await buildIdentitySchema(service.prisma, config, () => service.relay.notify());
    const published = await publishEmployeeSnapshots(organisation, employees);
    while ((await service.relay.backlog()) > 0) await service.relay.drainOnce();
    logger.info({ published }, 'employee snapshots published');
  } finally {
    await service.stop();
    await transport.close();
  }
}

backfill().catch((error: unknown) => {
  process.stderr.write(`backfill failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
