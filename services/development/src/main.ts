import '@kinerja/observability/register';

import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { shutdownTelemetry } from '@kinerja/observability';

import { startDevelopmentService } from './development.service';
import { loadDevelopmentConfig } from './env';
import { seedDefaultCatalogue } from './seed/seed-default-catalogue';

const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const config = loadDevelopmentConfig();
  const logger = createLogger({ name: 'development', level: config.LOG_LEVEL });
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
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Should a step hang, leave anyway before Kubernetes' grace period ends: the outbox keeps what was not sent.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
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
  // Apollo Server installs its own SIGTERM/SIGINT handler (outside NODE_ENV=test) that stops the
  // server underneath ours and leaves our ordered shutdown waiting forever: ours is the only one.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.send?.({ type: 'ready', service: 'development', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`development failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
