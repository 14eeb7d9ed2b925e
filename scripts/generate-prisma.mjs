// @ts-check
// Runs `prisma generate` for every service whose schema changed since the last generation.
// The generated client is not committed; a hash of the schema decides when to regenerate.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';
import { prisma } from './lib/prisma-cli.mjs';

const force = process.argv.includes('--force');
const servicesDir = join(repoRoot, 'services');

for (const service of readdirSync(servicesDir)) {
  const schema = join(servicesDir, service, 'prisma', 'schema.prisma');
  if (!existsSync(schema)) continue;
  const stamp = join(servicesDir, service, 'src', 'generated', 'prisma', '.schema-hash');
  const hash = createHash('sha256').update(readFileSync(schema)).digest('hex');
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
  prisma(['generate', '--schema', schema, '--no-hints']);
  writeFileSync(stamp, hash);
  process.stdout.write(`prisma client generated for ${service}\n`);
}
