import type { Database } from '@kinerja/database';

import { type Prisma, PrismaClient } from '../generated/prisma/client';

export type RecruitmentPrisma = InstanceType<typeof PrismaClient>;
export type RecruitmentTransaction = Prisma.TransactionClient;

/** The generated client over the service's database adapter (PGlite or a pg pool). */
export function createPrismaClient(database: Database, onQuery?: (sql: string) => void): RecruitmentPrisma {
  if (!onQuery) return new PrismaClient({ adapter: database.adapter });
  const client = new PrismaClient({ adapter: database.adapter, log: [{ emit: 'event', level: 'query' }] });
  (client as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }).$on('query', (event) => onQuery(event.query));
  return client as unknown as RecruitmentPrisma;
}
