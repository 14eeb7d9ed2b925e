import { type Database, prismaClientOver } from '@kinerja/database';

import { PrismaClient } from '../generated/prisma/client';

export type IdentityPrisma = InstanceType<typeof PrismaClient>;

export const createPrismaClient = (database: Database, onQuery?: (sql: string) => void) => prismaClientOver<IdentityPrisma>(PrismaClient, database, onQuery);
