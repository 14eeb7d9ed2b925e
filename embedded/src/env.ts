import { join } from 'node:path';

import { csvList, loadConfigOrExit } from '@kinerja/config';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded databases and the log file live. */
  KINERJA_DATA_DIR: z.string().default(join(__dirname, '..', '..', '.data')),
  /** Added to every port (4000 gateway, 4001… subgraphs), to run a second copy beside the first. */
  KINERJA_PORT_OFFSET: z.coerce.number().int().min(0).max(50_000).default(0),
  /** Set it to run the embedded mode against a Kafka broker (e.g. `npm run kafka:start` → 127.0.0.1:9092). */
  KAFKA_BROKERS: csvList.optional(),
  IDENTITY_DATABASE_URL: z.string().optional(),
  PERFORMANCE_DATABASE_URL: z.string().optional(),
  DEVELOPMENT_DATABASE_URL: z.string().optional(),
});

export type EmbeddedConfig = z.output<typeof schema>;

/** The only place the embedded runtime reads process.env; each service gets its own config built from it. */
export function loadEmbeddedConfig(env: Record<string, string | undefined> = process.env): EmbeddedConfig {
  return loadConfigOrExit(schema, env, 'kinerja');
}
