import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { type Clock, randomIds, systemClock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport, type Transport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { type Deliver, deliverer } from '../../../test/support/deliver';
import { graphql, type GraphQLResponse } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { openMigratedTestDatabase } from '../../../test/support/service-database';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { feedbackEnvSchema } from '../src/env';
import { feedbackEventHandlers, feedbackModule, type FeedbackService } from '../src/feedback.module';
import { createPrismaClient, type FeedbackPrisma } from '../src/infrastructure/prisma-client';

export type { Deliver };
export { viewers } from '../../../test/support/viewers';

/** feedback's database on a fresh PostgreSQL, migrated, with its handlers: no broker, no HTTP. */
export interface HandlerHarness {
  prisma: FeedbackPrisma;
  deliver: Deliver;
  stop(): Promise<void>;
}

export async function openHandlerHarness(prefix: string, clock: Clock = systemClock): Promise<HandlerHarness> {
  const migrated = await openMigratedTestDatabase(prefix, feedbackModule.migrationsDir);
  const prisma = createPrismaClient(migrated.database);
  return {
    prisma,
    deliver: deliverer('feedback', feedbackEventHandlers(prisma, { ids: randomIds, clock })),
    stop: async () => {
      await prisma.$disconnect();
      await migrated.close();
    },
  };
}

export interface FeedbackHarness {
  service: FeedbackService;
  deliver: Deliver;
  /** A GraphQL request to the subgraph as this viewer (null: anonymous), from this client address. */
  as(
    viewer: Viewer | null,
    clientAddress?: string,
  ): <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The whole feedback service on its own fresh PostgreSQL database with the in-process transport. */
export async function startFeedbackOnPostgres(prefix: string, env: Record<string, string> = {}): Promise<FeedbackHarness> {
  const database: TestDatabase = await createTestDatabase(prefix);
  const tokens: TestTokens = await startTestTokens();
  const transport: Transport = new InProcessTransport();
  const config = loadConfig(feedbackEnvSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl, ...env });
  const service = await startService(feedbackModule, config, createLogger({ name: 'feedback', level: 'silent' }), { transport });
  return {
    service,
    deliver: deliverer('feedback', service.wiring.handlers),
    as:
      (viewer, clientAddress) =>
      <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
        graphql(
          service.subgraph.graphqlUrl,
          query,
          variables,
          viewer ? tokens.tokenFor(viewer) : undefined,
          clientAddress ? { 'x-forwarded-for': clientAddress } : {},
        ) as Promise<GraphQLResponse<T>>,
    stop: async () => {
      await service.stop();
      await transport.close();
      await tokens.close();
      await database.drop();
    },
  };
}
