import '@kinerja/observability/register';

import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import { loadPerformanceConfig } from './env';
import { startPerformanceService } from './performance.service';

async function main(): Promise<void> {
  const config = loadPerformanceConfig();
  const logger = createLogger({ name: 'performance', level: config.LOG_LEVEL });
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'performance',
    logger,
    topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
  });
  const service = await startPerformanceService(config, logger, { transport });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service
      .stop()
      .then(() => transport.close())
      .then(() => shutdownTelemetry())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.send?.({ type: 'ready', service: 'performance', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`performance failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
