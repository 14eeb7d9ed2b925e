import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { applyMigrations, openDatabase } from '@kinerja/database';
import { DomainError, ValidationError } from '@kinerja/errors';
import { randomIds } from '@kinerja/kernel';

import { CreateProvinceAdmin } from './application/create-province-admin.command';
import { adminPasswordFrom, type IdentityConfig, loadIdentityConfig } from './env';
import { identityModule } from './identity.module';
import { PrismaAccountRepository } from './infrastructure/prisma-account.repository';
import { createPrismaClient } from './infrastructure/prisma-client';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password-hasher';

export const CREATE_ADMIN_USAGE =
  'usage: npm run admin:create -- --email <e-mail> [--name <display name>]   (password: ADMIN_PASSWORD, or one is generated and printed once)';

export interface CreatedAdmin {
  userId: string;
  email: string;
  /** Only when it was generated: shown once, to be changed with changePassword after the first login. */
  generatedPassword: string | null;
}

/**
 * `npm run admin:create -- --email admin@provinsi.go.id --name "Admin Provinsi"`: the first
 * province admin of an installation, on identity's database (migrated first). The password comes
 * from ADMIN_PASSWORD, or is generated and printed once. Refused once a province admin exists.
 */
export async function createAdmin(
  argv: readonly string[],
  config: Pick<IdentityConfig, 'DATABASE_URL' | 'DATA_DIR'>,
  adminPassword: string | undefined,
): Promise<CreatedAdmin> {
  let values: { email?: string | undefined; name?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new ValidationError({ field: 'arguments', message: `${(error as Error).message}; ${CREATE_ADMIN_USAGE}` });
  }
  if (!values.email) throw new ValidationError({ field: 'email', message: `is required; ${CREATE_ADMIN_USAGE}` });
  const generatedPassword = adminPassword ? null : randomBytes(18).toString('base64url');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'identity') });
  const prisma = createPrismaClient(database);
  try {
    await applyMigrations(database.sql, identityModule.migrationsDir);
    const command = new CreateProvinceAdmin(new PrismaAccountRepository(prisma, randomIds.newId), new ScryptPasswordHasher(), randomIds);
    const created = await command.execute({
      email: values.email,
      displayName: values.name ?? 'Province admin',
      password: adminPassword ?? (generatedPassword as string),
    });
    return { ...created, generatedPassword };
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

if (require.main === module) {
  const config = loadIdentityConfig();
  createAdmin(process.argv.slice(2), config, adminPasswordFrom())
    .then((created) => {
      process.stdout.write(`province admin created: ${created.email} (${created.userId})\n`);
      if (created.generatedPassword) process.stdout.write(`password (shown once, change it after signing in): ${created.generatedPassword}\n`);
    })
    .catch((error: unknown) => {
      const code = error instanceof DomainError ? ` [${error.code}]` : '';
      process.stderr.write(`admin:create failed${code}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
