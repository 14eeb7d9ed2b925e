import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type DevelopmentPrisma = InstanceType<typeof PrismaClient>;
export type DevelopmentTransaction = Prisma.TransactionClient;

/** The generated client over the service's database adapter (PGlite or a pg pool). */
export function createPrismaClient(database: Database, onQuery?: (sql: string) => void): DevelopmentPrisma {
  return prismaClientOver(PrismaClient, database, onQuery);
}
