import '@kinerja/observability/register';

import { type HttpServer, shutdownOnSignals, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { shutdownTelemetry } from '@kinerja/observability';

import { loadGatewayConfig } from './env';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  // First, so that /metrics is never served on the public port (see @kinerja/http-server metrics-server.ts).
  const metrics: HttpServer | undefined =
    config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ host: config.HOST, port: config.METRICS_PORT, logger });
  const gateway = await startGateway(config, logger);
  shutdownOnSignals({
    logger,
    stop: async () => {
      await gateway.stop();
      await metrics?.stop();
      await shutdownTelemetry();
    },
  });
  process.send?.({ type: 'ready', service: 'gateway', url: gateway.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
