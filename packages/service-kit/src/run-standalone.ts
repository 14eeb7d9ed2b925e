import { kafkaSecurityOf, loadConfigOrExit } from '@kinerja/config';
import { type HttpServer, shutdownOnSignals, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import type { ServiceModule } from './service-module';
import { startService } from './start-service';

/**
 * A service's `main.ts`: one process serving one subgraph. Import `@kinerja/observability/register`
 * before this, so that tracing wraps every module loaded after it.
 */
export function runStandalone(module: ServiceModule): void {
  run(module).catch((error: unknown) => {
    process.stderr.write(`${module.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

async function run(module: ServiceModule): Promise<void> {
  const config = loadConfigOrExit(module.envSchema, process.env, module.name);
  const logger = createLogger({ name: module.name, level: config.LOG_LEVEL });
  // First, so that /metrics is never served on the GraphQL port (see @kinerja/http-server metrics-server.ts).
  const metrics: HttpServer | undefined =
    config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ host: config.HOST, port: config.METRICS_PORT, logger });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: module.name,
    logger,
    security: kafkaSecurityOf(config),
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
    ...(config.KAFKA_CONSUMER_MAX_BATCH ? { maxBatchSize: config.KAFKA_CONSUMER_MAX_BATCH } : {}),
  });
  const service = await startService(module, config, logger, { transport });
  if (config.NODE_ENV !== 'production' && module.seed) {
    const seeded = await module.seed(service, logger);
    if (seeded) logger.info(seeded.summary, 'seeded');
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
  process.send?.({ type: 'ready', service: module.name, url: service.subgraph.graphqlUrl });
}
