import { type Database, prismaClientOver } from '@kinerja/database';

import { PrismaClient } from '../generated/prisma/client';

export type IdentityPrisma = InstanceType<typeof PrismaClient>;

/** The generated client over the service's database adapter (PGlite or a pg pool). */
export function createPrismaClient(database: Database, onQuery?: (sql: string) => void): IdentityPrisma {
  return prismaClientOver(PrismaClient, database, onQuery);
}
