import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createEnvelope, type EventPayload, type EventType } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport, toMessage } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';
import { Client } from 'pg';

import { graphql, type GraphQLResponse } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { performanceEnvSchema } from '../src/env';
import { createRepositories, type Repositories } from '../src/infrastructure/repositories';
import { performanceModule, type PerformanceService } from '../src/performance.module';
import { demoOrganisation, registeredPayload } from './support/organisation';
import { startTokenSigner, type TokenSigner } from './support/token-signer';

export interface PerformanceHarness {
  url: string;
  service: PerformanceService;
  repositories: Repositories;
  database: TestDatabase;
  transport: InProcessTransport;
  signer: TokenSigner;
  /** Every SQL statement Prisma sent, for counting round trips. */
  queries: string[];
  /** Publishes an event on the bus the service consumes and waits until it was handled. */
  publish<T extends EventType>(type: T, payload: EventPayload<T>, agencyId: string, options?: { id?: string; occurredAt?: Date }): Promise<string>;
  /** A GraphQL request as the given viewer (anonymous without one). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * `pg`'s pool resolves `end()` before its sockets are closed, and after Prisma's `$disconnect` the
 * pool has no error listener: dropping the database WITH (FORCE) at that moment kills a closing
 * connection and crashes the test file with an unhandled 'error'. Wait until the server has let
 * every connection of the database go first.
 */
async function untilDisconnected(database: TestDatabase): Promise<void> {
  const admin = new Client({ connectionString: process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { rows } = await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1', [database.name]);
      if (Number(rows[0]?.count ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

/** performance on its own fresh PostgreSQL database, with a stand-in for identity's JWKS. */
export async function startPerformanceOnPostgres(prefix: string): Promise<PerformanceHarness> {
  const database = await createTestDatabase(prefix);
  const signer = await startTokenSigner();
  const transport = new InProcessTransport();
  const queries: string[] = [];
  const config = loadConfig(performanceEnvSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: signer.jwksUrl });
  const service = await startService(performanceModule, config, createLogger({ name: 'performance', level: 'silent' }), {
    transport,
    onQuery: (sql) => queries.push(sql),
  });
  const url = service.subgraph.graphqlUrl;
  return {
    url,
    service,
    repositories: createRepositories(service.prisma),
    database,
    transport,
    signer,
    queries,
    publish: async (type, payload, agencyId, options = {}) => {
      const envelope = createEnvelope({
        id: options.id ?? randomUUID(),
        type,
        agencyId,
        producer: type.split('.')[0] ?? 'test',
        payload,
        occurredAt: options.occurredAt ?? new Date(),
      });
      await transport.publish([toMessage(type, 'key', envelope)]);
      await transport.idle();
      return envelope.id;
    },
    gql: (query, variables = {}, viewer) => graphql(url, query, variables, viewer ? signer.tokenFor(viewer) : undefined),
    stop: async () => {
      await service.stop();
      await transport.close();
      await signer.close();
      await untilDisconnected(database);
      await database.drop();
    },
  };
}

/** The harness with the two-agency test organisation announced through identity's events. */
export async function startWithOrganisation(prefix: string) {
  const harness = await startPerformanceOnPostgres(prefix);
  const org = demoOrganisation();
  for (const p of org.everyone) await harness.publish('identity.employee.registered', registeredPayload(p), p.agencyId);
  return { harness, org };
}
