import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type RecruitmentPrisma = InstanceType<typeof PrismaClient>;
export type RecruitmentTransaction = Prisma.TransactionClient;

export const createPrismaClient = (database: Database, onQuery?: (sql: string) => void) => prismaClientOver<RecruitmentPrisma>(PrismaClient, database, onQuery);
