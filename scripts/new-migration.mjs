// @ts-check
// Usage: npm run migration:new -- <service> <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from the schema as of the
// previous migration (its schema.prisma snapshot) to the current schema, and snapshots the schema.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';
import { diffSql } from './lib/prisma-cli.mjs';

const [service, name] = process.argv.slice(2);
if (!service || !name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: npm run migration:new -- <service> <snake_case_name>\n');
  process.exit(2);
}
const prismaDir = join(repoRoot, 'services', service, 'prisma');
const schema = join(prismaDir, 'schema.prisma');
const migrationsDir = join(prismaDir, 'migrations');
mkdirSync(migrationsDir, { recursive: true });
const previous = readdirSync(migrationsDir)
  .filter((entry) => existsSync(join(migrationsDir, entry, 'migration.sql')))
  .sort()
  .at(-1);
const sql = diffSql(previous ? join(migrationsDir, previous, 'schema.prisma') : null, schema);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  process.stdout.write('The schema has not changed since the last migration: nothing to write.\n');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder);
writeFileSync(join(folder, 'migration.sql'), sql);
copyFileSync(schema, join(folder, 'schema.prisma'));
writeFileSync(join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
process.stdout.write(`wrote ${folder}/migration.sql\n`);
