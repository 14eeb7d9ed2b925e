import { join } from 'node:path';

import { csvList, kafkaSecurityEnv, loadConfigOrExit } from '@kinerja/config';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded databases and the log file live. */
  KINERJA_DATA_DIR: z.string().default(join(__dirname, '..', '..', '.data')),
  /** Added to every port (4000 gateway, 4001… subgraphs), to run a second copy beside the first. */
  KINERJA_PORT_OFFSET: z.coerce.number().int().min(0).max(50_000).default(0),
  /**
   * The agencies (slugs: siulak, muaratebo, …, demo) whose demo team goes through last year on the
   * first start; every agency by default. The others only get their years opened and closed.
   */
  KINERJA_DEMO_AGENCIES: csvList.optional(),
  /** Set it to run the embedded mode against a Kafka broker (e.g. `npm run kafka:start` → 127.0.0.1:9092). */
  KAFKA_BROKERS: csvList.optional(),
  /** KAFKA_SSL, KAFKA_SSL_CA, KAFKA_SASL_*: a secured broker (as for the services). */
  ...kafkaSecurityEnv,
});

/** `<NAME>_DATABASE_URL`: one service's database on a PostgreSQL server instead of PGlite. */
const DATABASE_URL = /^([A-Z]+)_DATABASE_URL$/;

export type EmbeddedConfig = z.output<typeof schema> & {
  /** The `<NAME>_DATABASE_URL` variables, by lower-case service name. */
  databaseUrls: Record<string, string>;
};

/** The only place the embedded runtime reads process.env; each service gets its own config built from it. */
export function loadEmbeddedConfig(env: Record<string, string | undefined> = process.env): EmbeddedConfig {
  const withUrls = schema.extend(
    Object.fromEntries(
      Object.keys(env)
        .filter((key) => DATABASE_URL.test(key))
        .map((key) => [
          key,
          z
            .string()
            .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
            .optional(),
        ]),
    ),
  );
  const parsed = loadConfigOrExit(withUrls, env, 'kinerja') as z.output<typeof schema> & Record<string, unknown>;
  const databaseUrls = Object.fromEntries(
    Object.entries(parsed)
      .filter(([key, value]) => DATABASE_URL.test(key) && typeof value === 'string')
      .map(([key, value]) => [(DATABASE_URL.exec(key)?.[1] ?? '').toLowerCase(), value as string]),
  );
  return { ...parsed, databaseUrls };
}
