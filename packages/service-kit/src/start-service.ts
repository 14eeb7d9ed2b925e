import 'reflect-metadata';

import { createTokenVerifier } from '@kinerja/auth';
import { applyMigrations, observedSqlRunner, openDatabase } from '@kinerja/database';
import { type Clock, randomIds, systemClock } from '@kinerja/kernel';
import type { Logger } from '@kinerja/logger';
import { EventConsumer, OutboxRelay, RetentionPruner, type Transport } from '@kinerja/messaging';
import { buildFederatedSchema, startSubgraph } from '@kinerja/subgraph';
import type { GraphQLSchema } from 'graphql';

import type { ServiceJob } from './periodic-job';
import { dataDirOf, type PrismaLike, type RunningService, type ServiceConfig, type ServiceModule, type ServiceWiring } from './service-module';

export interface ServiceDependencies {
  /** Kafka, or the in-process bus of the embedded mode; the caller owns (and closes) it. */
  transport: Transport;
  /** Every SQL statement Prisma sends, for tests that count round trips. */
  onQuery?: (sql: string) => void;
  /** The time the service's use cases and jobs see (default: the system clock); tests move it. */
  clock?: Clock;
}

/** The wiring must serve exactly the module's resolver list and handle exactly what it declares. */
function assertWiringMatches(module: ServiceModule, wiring: ServiceWiring): void {
  const wired = new Set(wiring.resolvers.map((instance) => instance.constructor));
  const declared = new Set(module.resolvers);
  const missing = [...declared].filter((resolver) => !wired.has(resolver)).map((resolver) => resolver.name);
  const extra = [...wired].filter((resolver) => !declared.has(resolver)).map((resolver) => resolver.name);
  if (missing.length > 0 || extra.length > 0 || wired.size !== wiring.resolvers.length) {
    throw new Error(
      `${module.name}: wire() must build one instance of each resolver in the module's list (missing: ${missing.join(', ') || '-'}; not listed: ${extra.join(', ') || '-'})`,
    );
  }
  const handled = Object.keys(wiring.handlers).sort();
  const consumes = [...module.consumes].sort();
  if (handled.join() !== consumes.join()) {
    throw new Error(`${module.name}: handlers for [${handled.join(', ')}] but the module declares it consumes [${consumes.join(', ')}]`);
  }
}

/** The executable subgraph schema of a wiring (what the service serves; tests run it in process). */
export async function buildServiceSchema(module: ServiceModule, wiring: ServiceWiring): Promise<GraphQLSchema> {
  assertWiringMatches(module, wiring);
  return (await buildFederatedSchema({ resolvers: wiring.resolvers, orphanedTypes: [...(module.orphanedTypes ?? [])], references: wiring.references })).schema;
}

/**
 * The secrets a subgraph checks the gateway's signature with. Production refuses to start without
 * one: a subgraph that answers any caller on its port would let anyone on the network skip the
 * gateway's limits, trusted documents and rate limits.
 */
export function gatewaySecretsOf(config: ServiceConfig): string[] {
  if (config.NODE_ENV === 'production' && !config.GATEWAY_SIGNING_SECRET) {
    throw new Error('GATEWAY_SIGNING_SECRET is required in production: the subgraph answers only requests the gateway signed');
  }
  return [config.GATEWAY_SIGNING_SECRET, config.GATEWAY_SIGNING_PREVIOUS_SECRET].filter((secret): secret is string => secret !== undefined);
}

/**
 * Starts a service on its database, in order: migrations, the Prisma client, the outbox relay,
 * adapters, use cases and resolvers (`wire`), the event consumer, the wiring's periodic jobs, then
 * the HTTP server — so that it is ready only once it consumes. `stop()` undoes it in reverse: no new
 * requests, the jobs finish their run in flight, the consumer drains and commits, the relay
 * flushes, the database closes.
 */
export async function startService<Config extends ServiceConfig, Prisma extends PrismaLike, Wiring extends ServiceWiring>(
  module: ServiceModule<Config, Prisma, Wiring>,
  config: Config,
  logger: Logger,
  deps: ServiceDependencies,
): Promise<RunningService<Config, Prisma, Wiring>> {
  const gatewaySecrets = gatewaySecretsOf(config);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: dataDirOf(config, module.name) });
  let jobs: readonly ServiceJob[] = [];
  try {
    const migrations = await applyMigrations(database.sql, module.migrationsDir);
    logger.info({ database: database.location, applied: migrations.applied }, 'database ready');
    const prisma = module.createPrisma(database, deps.onQuery);
    const relay = new OutboxRelay({
      sql: database.sql,
      transport: deps.transport,
      logger: logger.child({ component: 'outbox-relay' }),
      ...(config.OUTBOX_RELAY_BATCH_SIZE ? { batchSize: config.OUTBOX_RELAY_BATCH_SIZE } : {}),
      ...(config.OUTBOX_RELAY_POLL_MS ? { pollIntervalMs: config.OUTBOX_RELAY_POLL_MS } : {}),
    });
    const pruner = new RetentionPruner({ sql: database.sql, logger: logger.child({ component: 'retention' }), retentionDays: config.EVENT_RETENTION_DAYS });
    // The statements a service sends through the driver itself are reported like Prisma's.
    const wiredDatabase = deps.onQuery ? { ...database, sql: observedSqlRunner(database.sql, deps.onQuery) } : database;
    const wiring = await module.wire({
      config,
      prisma,
      database: wiredDatabase,
      logger,
      clock: deps.clock ?? systemClock,
      ids: randomIds,
      notifyOutbox: () => relay.notify(),
    });
    const schema = await buildServiceSchema(module, wiring);
    const consumer = new EventConsumer({
      consumer: module.consumerGroup,
      transport: deps.transport,
      logger: logger.child({ component: 'consumer' }),
      handlers: wiring.handlers,
    });
    const verifier = createTokenVerifier({ keys: wiring.verifierKeys ?? config.JWKS_URL, issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE });
    relay.start();
    pruner.start();
    // Ready means consuming and able to publish at once: the producer connects beside the group's join.
    await Promise.all([consumer.start(), deps.transport.prepare?.()]);
    jobs = wiring.jobs ?? [];
    for (const job of jobs) job.start();
    const subgraph = await startSubgraph({
      name: module.name,
      schema,
      ...(module.maxBodyBytes ? { maxBodyBytes: module.maxBodyBytes(config) } : {}),
      ...(module.longTextInputs ? { longTextInputs: module.longTextInputs(config) } : {}),
      host: config.HOST,
      port: config.PORT,
      logger,
      verifier,
      extendContext: wiring.extendContext,
      readiness: async () => ({
        database: await database.sql.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        consumer: consumer.isRunning(),
      }),
      metrics: { outboxBacklog: () => relay.backlog(), outboxOldestUnsentAge: () => relay.oldestUnsentAgeSeconds(), consumer, dbPool: database.poolStats },
      routes: wiring.routes?.(verifier) ?? {},
      gatewaySecrets,
    });
    return {
      name: module.name,
      config,
      subgraph,
      database,
      prisma,
      relay,
      pruner,
      consumer,
      wiring,
      // Every step runs even when one before it failed (a consumer that cannot leave its group while
      // the broker is down throws): otherwise the relay would keep polling a database being closed
      // ("Cannot use a pool after calling end on the pool"). The first failure is rethrown at the end.
      stop: async () => {
        const failures: unknown[] = [];
        for (const step of [
          () => subgraph.stop(),
          ...jobs.map((job) => () => job.stop()),
          () => consumer.stop(),
          () => pruner.stop(),
          () => relay.stop(),
          () => prisma.$disconnect(),
          () => database.close(),
        ]) {
          await step().catch((error: unknown) => failures.push(error));
        }
        if (failures.length > 0) throw failures[0];
      },
    };
  } catch (error) {
    await Promise.all(jobs.map((job) => job.stop()));
    await database.close();
    throw error;
  }
}
