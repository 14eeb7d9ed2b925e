import { type Database, prismaClientOver } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type FeedbackPrisma = InstanceType<typeof PrismaClient>;
export type FeedbackTransaction = Prisma.TransactionClient;

export const createPrismaClient = (database: Database, onQuery?: (sql: string) => void) => prismaClientOver<FeedbackPrisma>(PrismaClient, database, onQuery);
