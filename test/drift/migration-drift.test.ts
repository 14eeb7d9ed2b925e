import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { applyMigrations, openDatabase } from '@kinerja/database';
import { Client } from 'pg';

import { catalogSnapshot } from '../support/catalog';
import { createTestDatabase } from '../support/postgres';
import { REPO_ROOT } from '../support/processes';
import { runScriptFunction } from '../support/scripts';
import { checkedServices } from '../support/services';

const services = readdirSync(join(REPO_ROOT, 'services'))
  .filter((name) => readdirSync(join(REPO_ROOT, 'services', name)).includes('prisma'))
  .filter(checkedServices());

// Prisma migrations are applied by the project's migrator; this fails when the schema changed
// without a migration (or a migration was edited): run `npm run migration:new -- <service> <name>`.
describe.each(services)('%s migrations', (service) => {
  const prismaDir = join(REPO_ROOT, 'services', service, 'prisma');

  it('produce exactly the database that schema.prisma describes', async () => {
    const [migrated, expected] = await Promise.all([createTestDatabase('mig'), createTestDatabase('exp')]);
    try {
      const database = await openDatabase({ url: migrated.url, dataDir: '' });
      await applyMigrations(database.sql, join(prismaDir, 'migrations'));
      await database.close();
      const sql = runScriptFunction('scripts/lib/prisma-cli.mjs', `m.diffSql(null, ${JSON.stringify(join(prismaDir, 'schema.prisma'))})`);
      const client = new Client({ connectionString: expected.url });
      await client.connect();
      await client.query(sql);
      await client.end();
      expect(await catalogSnapshot(migrated.url)).toEqual(await catalogSnapshot(expected.url));
    } finally {
      await Promise.all([migrated.drop(), expected.drop()]);
    }
  });
});
