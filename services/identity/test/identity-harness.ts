import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport, type Transport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { identityEnvSchema } from '../src/env';
import { identityModule, type IdentityService } from '../src/identity.module';
import { ScryptPasswordHasher } from '../src/infrastructure/scrypt-password-hasher';
import { type DemoAccount, seedDemoData } from '../src/seed/seed-demo-data';

export interface IdentityHarness {
  url: string;
  service: IdentityService;
  database: TestDatabase;
  accounts: DemoAccount[];
  /** Every SQL statement Prisma sent, for counting round trips. */
  queries: string[];
  stop(): Promise<void>;
}

/** identity on its own fresh PostgreSQL database, seeded with the demo province. */
export async function startIdentityOnPostgres(prefix: string, options: { transport?: Transport } = {}): Promise<IdentityHarness> {
  const database = await createTestDatabase(prefix);
  const queries: string[] = [];
  const config = loadConfig(identityEnvSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test' });
  const transport = options.transport ?? new InProcessTransport();
  const service = await startService(identityModule, config, createLogger({ name: 'identity', level: 'silent' }), {
    transport,
    onQuery: (sql) => queries.push(sql),
  });
  const accounts = (await seedDemoData(service.prisma, new ScryptPasswordHasher())) ?? [];
  return {
    url: service.subgraph.graphqlUrl,
    service,
    database,
    accounts,
    queries,
    stop: async () => {
      await service.stop();
      await database.drop();
    },
  };
}
