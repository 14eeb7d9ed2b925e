import type { TokenVerifier, TokenVerifierOptions } from '@kinerja/auth';
import type { Database } from '@kinerja/database';
import type { Routes } from '@kinerja/http-server';
import type { Clock, IdGenerator } from '@kinerja/kernel';
import type { Logger } from '@kinerja/logger';
import type { EventConsumer, HandlerMap, OutboxRelay, RetentionPruner } from '@kinerja/messaging';
import type { InputGuardOptions, ReferenceResolvers, RunningSubgraph, SubgraphContext } from '@kinerja/subgraph';
import type { z } from 'zod';

import type { ServiceJob } from './periodic-job';

/** The variables every subgraph process reads (`commonServiceEnv` of @kinerja/config), parsed. */
export interface ServiceConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: string;
  HOST: string;
  PORT: number;
  METRICS_PORT?: number | undefined;
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  TOKEN_ISSUER: string;
  TOKEN_AUDIENCE: string;
  JWKS_URL: string;
  KAFKA_BROKERS?: string[] | undefined;
  KAFKA_TOPIC_PARTITIONS: number;
  KAFKA_REPLICATION_FACTOR: number;
  EVENT_RETENTION_DAYS: number;
  /** See @kinerja/config; unset = the relay's and transport's defaults. */
  OUTBOX_RELAY_BATCH_SIZE?: number | undefined;
  OUTBOX_RELAY_POLL_MS?: number | undefined;
  KAFKA_CONSUMER_MAX_BATCH?: number | undefined;
  KAFKA_SSL?: boolean | undefined;
  KAFKA_SSL_CA?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  GATEWAY_SIGNING_SECRET?: string | undefined;
  GATEWAY_SIGNING_PREVIOUS_SECRET?: string | undefined;
}

/** A service's generated Prisma client, as far as the kit needs it. */
export interface PrismaLike {
  $disconnect(): Promise<void>;
}

/** type-graphql resolver classes (and orphaned types) are plain constructors. */
export type ResolverClass = Function;

/** What a service's `wire` gets: its open database and the shared clock, ids and outbox wake-up. */
export interface WireContext<Config extends ServiceConfig, Prisma extends PrismaLike> {
  config: Config;
  prisma: Prisma;
  database: Database;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  /** Wakes the outbox relay once a transaction that wrote outbox rows has committed. */
  notifyOutbox(): void;
}

/**
 * What `wire` builds: adapters, then use cases, then one resolver instance per class of the
 * module's `resolvers` list (the same list the committed schema is printed from), the entities'
 * reference resolvers and the event handlers. Services add what their seeds and tests need.
 */
// A registry holds wirings of different contexts; reference resolvers take theirs as a parameter.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ServiceWiring<Context extends SubgraphContext = any> {
  resolvers: readonly object[];
  references: ReferenceResolvers<Context>;
  handlers: HandlerMap;
  extendContext(base: SubgraphContext): Context;
  /** Extra GET routes (downloads, the JWKS), given the verifier the subgraph uses. */
  routes?(verifier: TokenVerifier): Routes;
  /** identity verifies with its own keys; every other service fetches them from JWKS_URL. */
  verifierKeys?: TokenVerifierOptions['keys'];
  /** Periodic work (feedback closes cycles at their due date): started once the service consumes, stopped before the consumer. */
  jobs?: readonly ServiceJob[];
}

export interface RunningService<
  Config extends ServiceConfig = ServiceConfig,
  Prisma extends PrismaLike = PrismaLike,
  Wiring extends ServiceWiring = ServiceWiring,
> {
  name: string;
  config: Config;
  subgraph: RunningSubgraph;
  database: Database;
  prisma: Prisma;
  relay: OutboxRelay;
  /** Prunes sent outbox rows and old processed-event ids (EVENT_RETENTION_DAYS). */
  pruner: RetentionPruner;
  consumer: EventConsumer;
  wiring: Wiring;
  stop(): Promise<void>;
}

/** What a demo seed did, for the log line and (identity's) for the embedded demo activity. */
export interface SeedOutcome {
  summary: Record<string, number>;
  demoAccounts?: readonly { role: string; login: string; nip?: string; agency: string }[];
}

/**
 * A subgraph service described once; the kit runs it standalone (`main.ts`, `migrate.ts`), in the
 * embedded `npm start` process and in the tests, with one ordered startup and shutdown.
 */
// The registry holds modules of different configs, clients and wirings.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ServiceModule<Config extends ServiceConfig = any, Prisma extends PrismaLike = any, Wiring extends ServiceWiring = any> {
  /** The name in `gateway/subgraphs.json`, the logger, the metrics and `SUBGRAPH_<NAME>_URL`. */
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the input side of an env schema is strings of any shape
  envSchema: z.ZodType<Config, any>;
  migrationsDir: string;
  /** The Kafka consumer group, and the `consumer` of its `processed_event` rows. */
  consumerGroup: string;
  /** The event types its handlers take (the AsyncAPI document's receive operations). */
  consumes: readonly string[];
  /** Every resolver class of the subgraph: printed into `schema.graphql`, and served. */
  resolvers: readonly ResolverClass[];
  /** Entities another subgraph owns that this one only extends: without them their fields would vanish. */
  orphanedTypes?: readonly ResolverClass[];
  /** Largest request body when some mutation carries a document (default 1 MB). */
  maxBodyBytes?(config: Config): number;
  /** Free-text input fields allowed past the input guard's default length (`@kinerja/subgraph` input-guard). */
  longTextInputs?(config: Config): InputGuardOptions['longTextInputs'];
  createPrisma(database: Database, onQuery?: (sql: string) => void): Prisma;
  wire(context: WireContext<Config, Prisma>): Promise<Wiring>;
  /** Demo or default data for local runs; never called in production. Must be idempotent. */
  seed?(service: RunningService<Config, Prisma, Wiring>, logger: Logger): Promise<SeedOutcome | null>;
}

/** Declares a service module with its types inferred (an identity function, for the compiler). */
export function defineService<Config extends ServiceConfig, Prisma extends PrismaLike, Wiring extends ServiceWiring>(
  module: ServiceModule<Config, Prisma, Wiring>,
): ServiceModule<Config, Prisma, Wiring> {
  return module;
}

/** A service's standalone Kafka client id and data directory follow its name. */
export const dataDirOf = (config: ServiceConfig, name: string) => `${config.DATA_DIR}/${name}`;
