import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type __Name__Prisma = InstanceType<typeof PrismaClient>;
export type __Name__Transaction = Prisma.TransactionClient;

/** The generated client over the service's database adapter (PGlite or a pg pool). */
export function createPrismaClient(database: Database, onQuery?: (sql: string) => void): __Name__Prisma {
  return prismaClientOver(PrismaClient, database, onQuery);
}
