import type { Database } from './open-database';

/** The options a service's generated `PrismaClient` is built with here: the adapter, and query events when observed. */
export interface PrismaClientOptions {
  adapter: Database['adapter'];
  log?: { emit: 'event'; level: 'query' }[];
}

/** What the generated client offers to observe its queries (`log: [{ emit: 'event', level: 'query' }]`). */
interface QueryEvents {
  $on(event: 'query', listener: (event: { query: string }) => void): void;
}

/**
 * A service's generated Prisma client over its database adapter (PGlite or a pg pool); with
 * `onQuery`, every SQL statement it sends is handed over too (tests count queries with it).
 * Each service's `createPrismaClient` is this with its own `PrismaClient` class.
 */
export function prismaClientOver<Client>(
  PrismaClient: new (options: PrismaClientOptions) => unknown,
  database: Database,
  onQuery?: (sql: string) => void,
): Client {
  if (!onQuery) return new PrismaClient({ adapter: database.adapter }) as Client;
  const client = new PrismaClient({ adapter: database.adapter, log: [{ emit: 'event', level: 'query' }] });
  (client as QueryEvents).$on('query', (event) => onQuery(event.query));
  return client as Client;
}
