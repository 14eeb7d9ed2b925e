import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type RecruitmentPrisma = InstanceType<typeof PrismaClient>;
export type RecruitmentTransaction = Prisma.TransactionClient;

/** The generated client over the service's database adapter (PGlite or a pg pool). */
export function createPrismaClient(database: Database, onQuery?: (sql: string) => void): RecruitmentPrisma {
  return prismaClientOver(PrismaClient, database, onQuery);
}
