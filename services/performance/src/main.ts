import '@kinerja/observability/register';

import { type HttpServer, shutdownOnSignals, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import { loadPerformanceConfig } from './env';
import { startPerformanceService } from './performance.service';

async function main(): Promise<void> {
  const config = loadPerformanceConfig();
  const logger = createLogger({ name: 'performance', level: config.LOG_LEVEL });
  // First, so that /metrics is never served on the GraphQL port (see @kinerja/http-server metrics-server.ts).
  const metrics: HttpServer | undefined =
    config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ host: config.HOST, port: config.METRICS_PORT, logger });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'performance',
    logger,
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const service = await startPerformanceService(config, logger, { transport });
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
  process.send?.({ type: 'ready', service: 'performance', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`performance failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
