import '@kinerja/observability/register';

import { type HttpServer, shutdownOnSignals, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import { startDevelopmentService } from './development.service';
import { loadDevelopmentConfig } from './env';
import { seedDefaultCatalogue } from './seed/seed-default-catalogue';

async function main(): Promise<void> {
  const config = loadDevelopmentConfig();
  const logger = createLogger({ name: 'development', level: config.LOG_LEVEL });
  // First, so that /metrics is never served on the GraphQL port (see @kinerja/http-server metrics-server.ts).
  const metrics: HttpServer | undefined =
    config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ host: config.HOST, port: config.METRICS_PORT, logger });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'development',
    logger,
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const service = await startDevelopmentService(config, logger, { transport });
  // The default catalogue is for the embedded mode and local servers; production loads its own.
  if (config.NODE_ENV !== 'production' && config.SEED_DEFAULT_CATALOGUE === 'auto') {
    const added = await seedDefaultCatalogue(service.prisma);
    if (added > 0) logger.info({ added }, 'default catalogue seeded');
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
  process.send?.({ type: 'ready', service: 'development', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`development failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
