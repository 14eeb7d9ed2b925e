import '@kinerja/observability/register';

import { type HttpServer, shutdownOnSignals, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import { publishEmployeeSnapshots } from './application/publish-employee-snapshots.command';
import { loadIdentityConfig } from './env';
import { buildIdentitySchema, startIdentityService } from './identity.service';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password-hasher';
import { seedDemoData } from './seed/seed-demo-data';

async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity', level: config.LOG_LEVEL });
  // First, so that /metrics is never served on the GraphQL port (see @kinerja/http-server metrics-server.ts).
  const metrics: HttpServer | undefined =
    config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ host: config.HOST, port: config.METRICS_PORT, logger });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'identity',
    logger,
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const service = await startIdentityService(config, logger, { transport });
  // Demo data is for the embedded mode and local servers only, never for production.
  if (config.NODE_ENV !== 'production' && config.SEED_DEMO_DATA === 'auto') {
    const accounts = await seedDemoData(service.prisma, new ScryptPasswordHasher());
    if (accounts) {
      // The seed writes rows directly; the snapshots let the other services build their copies.
      const { organisation, employees } = await buildIdentitySchema(service.prisma, config, () => service.relay.notify());
      const published = await publishEmployeeSnapshots(organisation, employees);
      logger.info({ accounts: accounts.length, published }, 'demo data seeded');
    }
  }
  // Ordered: stop serving and consuming (the service drains its relay and consumer), then the
  // transport, the metrics port, and telemetry last so that it flushes the spans of all of that.
  shutdownOnSignals({
    logger,
    stop: async () => {
      await service.stop();
      await transport.close();
      await metrics?.stop();
      await shutdownTelemetry();
    },
  });
  process.send?.({ type: 'ready', service: 'identity', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`identity failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
