import { type Database, prismaClientOver } from '@kinerja/database';

import { PrismaClient } from '../generated/prisma/client';

export type PerformancePrisma = InstanceType<typeof PrismaClient>;

export const createPrismaClient = (database: Database, onQuery?: (sql: string) => void) => prismaClientOver<PerformancePrisma>(PrismaClient, database, onQuery);
