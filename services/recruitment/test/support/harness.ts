import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import { createLogger, type Logger } from '@kinerja/logger';
import { type HandlerMap, InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { type Deliver, deliverer } from '../../../../test/support/deliver';
import { graphql, type GraphQLResponse } from '../../../../test/support/graphql-client';
import { createTestDatabase } from '../../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../../test/support/tokens';
import { recruitmentHandlers } from '../../src/application/handlers/recruitment-handlers';
import { createPrismaClient, type RecruitmentPrisma } from '../../src/infrastructure/prisma-client';
import { PrismaEventStore } from '../../src/infrastructure/prisma-event.store';
import { recruitmentModule, type RecruitmentService } from '../../src/recruitment.module';

export type Response = GraphQLResponse;
/** One GraphQL request to the subgraph as a given viewer. */
export type Send = (query: string, variables?: Record<string, unknown>) => Promise<Response>;

/** Whatever sends requests to the subgraph as a viewer. */
export type Requests = Pick<RecruitmentHarness, 'as'>;

export interface RecruitmentHarness {
  service: RecruitmentService;
  tokens: TestTokens;
  logger: Logger;
  /** Hands an event straight to the service's handler for its type, as its consumer would. */
  deliver: Deliver;
  /** Requests as this viewer (null: anonymous). */
  as(viewer: Viewer | null): Send;
  stop(): Promise<void>;
}

/** The whole recruitment service on its own fresh PostgreSQL database with the in-process transport. */
export async function startRecruitmentOnPostgres(prefix: string, env: Record<string, string> = {}): Promise<RecruitmentHarness> {
  const database = await createTestDatabase(prefix);
  const tokens = await startTestTokens();
  const transport = new InProcessTransport();
  const logger = createLogger({ name: 'recruitment', level: 'silent' });
  const config = loadConfig(recruitmentModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl, ...env });
  const service = await startService(recruitmentModule, config, logger, { transport });
  return {
    service,
    tokens,
    logger,
    deliver: deliverer('recruitment', service.wiring.handlers),
    as: (viewer) => (query, variables) => graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined),
    stop: async () => {
      await service.stop();
      await transport.close();
      await tokens.close();
      await database.drop();
    },
  };
}

/**
 * The service for the tests of the enclosing `describe`: started before them, stopped after them.
 * Read its members inside the tests (they are there once it has started).
 */
export function recruitmentForTests(prefix: string, env: Record<string, string> = {}): Omit<RecruitmentHarness, 'stop'> & { prisma: RecruitmentPrisma } {
  let harness: RecruitmentHarness | undefined;
  beforeAll(async () => {
    harness = await startRecruitmentOnPostgres(prefix, env);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  const started = (): RecruitmentHarness => {
    if (!harness) throw new Error('recruitment has not started');
    return harness;
  };
  return {
    get service() {
      return started().service;
    },
    get prisma() {
      return started().service.prisma;
    },
    get tokens() {
      return started().tokens;
    },
    get logger() {
      return started().logger;
    },
    deliver: (event) => started().deliver(event),
    as: (viewer) => started().as(viewer),
  };
}

/** recruitment's database on a fresh PostgreSQL, migrated, with its handlers: no broker, no HTTP. */
export interface HandlerHarness {
  prisma: RecruitmentPrisma;
  handlers: HandlerMap;
  stop(): Promise<void>;
}

export async function openHandlerHarness(prefix: string): Promise<HandlerHarness> {
  const testDatabase = await createTestDatabase(prefix);
  const database: Database = await openDatabase({ url: testDatabase.url, dataDir: '' });
  await applyMigrations(database.sql, recruitmentModule.migrationsDir);
  const prisma = createPrismaClient(database);
  return {
    prisma,
    handlers: recruitmentHandlers(new PrismaEventStore(prisma)),
    stop: async () => {
      await prisma.$disconnect();
      await database.close();
      await testDatabase.drop();
    },
  };
}

/** The field's value, or the errors thrown as the test's failure. */
export function data<T>(response: Response, field: string): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.[field] as T;
}

export const errorOf = (response: Response) => response.errors?.[0]?.extensions;
export const messageOf = (response: Response) => response.errors?.[0]?.message;
