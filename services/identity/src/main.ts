import { createLogger } from '@kinerja/logger';

import { loadIdentityConfig } from './env';
import { startIdentityService } from './identity.service';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password-hasher';
import { seedDemoData } from './seed/seed-demo-data';

async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity', level: config.LOG_LEVEL });
  const service = await startIdentityService(config, logger);
  // Demo data is for the embedded mode and local servers only, never for production.
  if (config.NODE_ENV !== 'production' && config.SEED_DEMO_DATA === 'auto') {
    const accounts = await seedDemoData(service.prisma, new ScryptPasswordHasher());
    if (accounts) logger.info({ accounts: accounts.length }, 'demo data seeded');
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.send?.({ type: 'ready', service: 'identity', url: service.subgraph.graphqlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`identity failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
