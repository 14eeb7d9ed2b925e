import { z } from 'zod';

import { kafkaSecurityEnv } from './kafka-security';

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const booleanFromString = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const csvList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** Variables every subgraph process reads. */
export const commonServiceEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** A postgres:// URL switches the service from embedded PGlite to a real PostgreSQL server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  TOKEN_ISSUER: z.string().default('kinerja-identity'),
  TOKEN_AUDIENCE: z.string().default('kinerja'),
  /** identity's key set; identity itself verifies with its own keys. */
  JWKS_URL: z.url().default('http://127.0.0.1:4001/.well-known/jwks.json'),
  /** host:port list; unset = the in-process transport (embedded mode). */
  KAFKA_BROKERS: csvList.optional(),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(256).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  /**
   * Days sent outbox rows and processed-event ids are kept before the service prunes them: more than
   * the 7 days the topics keep their events (TOPIC_RETENTION_DAYS of @kinerja/messaging), so that an
   * event still deliverable again still finds its claim.
   */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(8).default(14),
  /** Most outbox rows the relay publishes in one round (one transaction, one produce request per topic). */
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /**
   * How often the relay looks for rows nobody told it about (a commit in the service wakes it at
   * once); also the first step of its backoff while the broker is down.
   */
  OUTBOX_RELAY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** Most messages of one partition a batch handler takes at once: one database transaction. */
  KAFKA_CONSUMER_MAX_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  ...kafkaSecurityEnv,
  /**
   * The secret the gateway signs its subgraph requests with (at least 32 characters, the same as
   * the gateway's). Set, the subgraph answers only signed requests at /graphql; required in production.
   */
  GATEWAY_SIGNING_SECRET: z.string().min(32).optional(),
  /** The secret before the last rotation, accepted beside the current one until every gateway signs with the new one. */
  GATEWAY_SIGNING_PREVIOUS_SECRET: z.string().min(32).optional(),
};

/**
 * What a tool that talks to the brokers reads (`npm run dlq`): the brokers and the same security
 * variables as the services, checked together by `loadConfig` as theirs are.
 */
export const kafkaToolEnvSchema = z.object({
  NODE_ENV: commonServiceEnv.NODE_ENV,
  KAFKA_BROKERS: csvList.default(['127.0.0.1:9092']),
  ...kafkaSecurityEnv,
});
