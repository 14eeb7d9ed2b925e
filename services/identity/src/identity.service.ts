import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { createTokenVerifier } from '@kinerja/auth';
import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import { sendJson } from '@kinerja/http-server';
import type { Logger } from '@kinerja/logger';
import { EventConsumer, type HandlerMap, OutboxRelay, type Transport } from '@kinerja/messaging';
import { buildFederatedSchema, type RunningSubgraph, startSubgraph } from '@kinerja/subgraph';
import { createLocalJWKSet } from 'jose';

import { CreateAgency } from './application/create-agency.command';
import { createEmployeeWhenApplicantHired, IDENTITY_CONSUMER } from './application/create-employee-when-applicant-hired.handler';
import { CreateOrgUnit } from './application/create-org-unit.command';
import { CreatePosition } from './application/create-position.command';
import { GrantRole } from './application/grant-role.command';
import { IdentityReader } from './application/identity.reader';
import { Login } from './application/login.command';
import { Logout } from './application/logout.command';
import { RecordEmployeeLeft } from './application/record-employee-left.command';
import { RefreshSession } from './application/refresh-session.command';
import { RegisterEmployee } from './application/register-employee.command';
import { SessionIssuer } from './application/session-issuer';
import { SetPositionSupervisor } from './application/set-position-supervisor.command';
import { TransferEmployee } from './application/transfer-employee.command';
import type { IdentityConfig } from './env';
import { AgencyResolver } from './graphql/agency.resolver';
import { AuthResolver } from './graphql/auth.resolver';
import { createLoaders, type IdentityContext } from './graphql/context';
import { EmployeeResolver } from './graphql/employee.resolver';
import { OrgUnitResolver } from './graphql/org-unit.resolver';
import { PositionResolver } from './graphql/position.resolver';
import { ViewerResolver } from './graphql/viewer.resolver';
import { JoseTokenIssuer } from './infrastructure/jose-token-issuer';
import { PrismaAccountRepository } from './infrastructure/prisma-account.repository';
import { createPrismaClient, type IdentityPrisma } from './infrastructure/prisma-client';
import { PrismaEmployeeRepository } from './infrastructure/prisma-employee.repository';
import { PrismaOrganisationRepository } from './infrastructure/prisma-organisation.repository';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password-hasher';
import { loadSigningKey } from './infrastructure/signing-key.store';

/** The per-message handlers of identity's consumer, exported so they are tested without a broker. */
export function identityEventHandlers(deps: Parameters<typeof createEmployeeWhenApplicantHired>[0]): HandlerMap {
  return { 'recruitment.applicant.hired': createEmployeeWhenApplicantHired(deps) };
}

export const MIGRATIONS_DIR = join(__dirname, '..', 'prisma', 'migrations');
export const JWKS_PATH = '/.well-known/jwks.json';

export interface IdentityService {
  subgraph: RunningSubgraph;
  database: Database;
  prisma: IdentityPrisma;
  relay: OutboxRelay;
  consumer: EventConsumer;
  stop(): Promise<void>;
}

export interface IdentityDependencies {
  transport: Transport;
  onQuery?: (sql: string) => void;
}

const clock = { now: () => new Date() };
const ids = { newId: () => randomUUID() };

/** Builds the whole identity service on an open database: adapters, then use cases, then resolvers. */
export async function buildIdentitySchema(prisma: IdentityPrisma, config: IdentityConfig, afterOutboxWrite: () => void = () => undefined) {
  const organisation = new PrismaOrganisationRepository(prisma);
  const employees = new PrismaEmployeeRepository(prisma, afterOutboxWrite);
  const accounts = new PrismaAccountRepository(prisma, ids.newId);
  const hasher = new ScryptPasswordHasher();
  const signingKey = await loadSigningKey(prisma, config.JWT_PRIVATE_KEY);
  const tokens = new JoseTokenIssuer(
    signingKey,
    { issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
    clock,
  );
  const sessions = new SessionIssuer(accounts, tokens, ids, clock, config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  const reader = new IdentityReader(organisation, employees);

  const { schema, sdl } = await buildFederatedSchema<IdentityContext>({
    resolvers: [
      new AgencyResolver(reader, new CreateAgency(organisation, ids)),
      new OrgUnitResolver(reader, new CreateOrgUnit(organisation, ids)),
      new PositionResolver(new CreatePosition(organisation, ids), new SetPositionSupervisor(organisation)),
      new EmployeeResolver(
        reader,
        new RegisterEmployee(organisation, employees, hasher, ids, clock),
        new TransferEmployee(organisation, employees),
        new RecordEmployeeLeft(organisation, employees, clock),
      ),
      new AuthResolver(
        new Login(accounts, hasher, sessions, clock),
        new RefreshSession(accounts, sessions, clock),
        new Logout(accounts, clock),
        new GrantRole(accounts, organisation),
      ),
      new ViewerResolver(reader),
    ],
    references: {
      Agency: (ref, context) => context.loaders.agency.load(ref.id),
      OrgUnit: (ref, context) => context.loaders.orgUnit.load(ref.id),
      Position: (ref, context) => context.loaders.position.load(ref.id),
      Employee: (ref, context) => context.loaders.employee.load(ref.id),
    },
  });
  return { schema, sdl, reader, tokens, hasher, organisation, employees };
}

/**
 * Starts identity on its database: migrations, then adapters, use cases and resolvers, the outbox
 * relay and the event consumer, then the HTTP server. `stop()` undoes it in reverse order: no new
 * requests, the consumer drains and commits, the relay flushes, then the database closes.
 */
export async function startIdentityService(config: IdentityConfig, logger: Logger, deps: IdentityDependencies): Promise<IdentityService> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'identity') });
  try {
    const migrations = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, applied: migrations.applied }, 'database ready');
    const prisma = createPrismaClient(database, deps.onQuery);
    const relay = new OutboxRelay({ sql: database.sql, transport: deps.transport, logger: logger.child({ component: 'outbox-relay' }) });
    const { schema, reader, tokens, organisation, employees } = await buildIdentitySchema(prisma, config, () => relay.notify());
    const consumer = new EventConsumer({
      consumer: IDENTITY_CONSUMER,
      transport: deps.transport,
      logger: logger.child({ component: 'consumer' }),
      handlers: identityEventHandlers({ organisation, employees, ids, clock, logger }),
    });
    relay.start();
    await consumer.start();
    const verifier = createTokenVerifier({ keys: createLocalJWKSet(tokens.jwks()), issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE });
    const subgraph = await startSubgraph<IdentityContext>({
      name: 'identity',
      schema,
      host: config.HOST,
      port: config.PORT,
      logger,
      verifier,
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
      readiness: async () => ({
        database: await database.sql.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        consumer: consumer.isRunning(),
      }),
      metrics: { outboxBacklog: () => relay.backlog(), consumer, dbPool: database.poolStats },
      routes: { [JWKS_PATH]: (_req, res) => sendJson(res, 200, tokens.jwks(), { 'cache-control': 'public, max-age=300' }) },
    });
    return {
      subgraph,
      database,
      prisma,
      relay,
      consumer,
      stop: async () => {
        await subgraph.stop();
        await consumer.stop();
        await relay.stop();
        await prisma.$disconnect();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
