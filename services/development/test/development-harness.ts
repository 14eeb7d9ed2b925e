import { loadConfig } from '@kinerja/config';
import { randomIds, systemClock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport, type Transport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { type Deliver, deliverer } from '../../../test/support/deliver';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { openMigratedTestDatabase } from '../../../test/support/service-database';
import { developmentEventHandlers, developmentModule, type DevelopmentService } from '../src/development.module';
import { developmentEnvSchema } from '../src/env';
import { createPrismaClient, type DevelopmentPrisma } from '../src/infrastructure/prisma-client';
import { seedDefaultCatalogue } from '../src/seed/seed-default-catalogue';
import { startTestTokens, type TestTokens } from './support/tokens';

export type { Deliver };
export { viewers } from '../../../test/support/viewers';

/** development's database on a fresh PostgreSQL, migrated and seeded, with its handlers: no broker, no HTTP. */
export interface HandlerHarness {
  prisma: DevelopmentPrisma;
  deliver: Deliver;
  stop(): Promise<void>;
}

export async function openHandlerHarness(prefix: string): Promise<HandlerHarness> {
  const migrated = await openMigratedTestDatabase(prefix, developmentModule.migrationsDir);
  const prisma = createPrismaClient(migrated.database);
  await seedDefaultCatalogue(prisma);
  return {
    prisma,
    deliver: deliverer('development', developmentEventHandlers(prisma, { ids: randomIds, clock: systemClock })),
    stop: async () => {
      await prisma.$disconnect();
      await migrated.close();
    },
  };
}

export interface DevelopmentHarness {
  url: string;
  baseUrl: string;
  service: DevelopmentService;
  transport: Transport;
  database: TestDatabase;
  tokens: TestTokens;
  deliver: Deliver;
  /** Every SQL statement Prisma sent, for counting round trips. */
  queries: string[];
  stop(): Promise<void>;
}

/**
 * The whole development service on its own fresh PostgreSQL database, with the in-process
 * transport unless one is given (Kafka, for end-to-end tests); the harness closes it.
 */
export async function startDevelopmentOnPostgres(prefix: string, options: { transport?: Transport; jwksUrl?: string } = {}): Promise<DevelopmentHarness> {
  const database = await createTestDatabase(prefix);
  const tokens = await startTestTokens();
  const transport = options.transport ?? new InProcessTransport();
  const queries: string[] = [];
  const config = loadConfig(developmentEnvSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: options.jwksUrl ?? tokens.jwksUrl });
  const service = await startService(developmentModule, config, createLogger({ name: 'development', level: 'silent' }), {
    transport,
    onQuery: (sql) => queries.push(sql),
  });
  await seedDefaultCatalogue(service.prisma);
  return {
    url: service.subgraph.graphqlUrl,
    baseUrl: service.subgraph.url,
    service,
    transport,
    database,
    tokens,
    deliver: deliverer('development', service.wiring.handlers),
    queries,
    stop: async () => {
      await service.stop();
      await transport.close();
      await tokens.close();
      await database.drop();
    },
  };
}
