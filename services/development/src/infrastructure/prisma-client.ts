import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type DevelopmentPrisma = InstanceType<typeof PrismaClient>;
export type DevelopmentTransaction = Prisma.TransactionClient;

export const createPrismaClient = (database: Database, onQuery?: (sql: string) => void) => prismaClientOver<DevelopmentPrisma>(PrismaClient, database, onQuery);
