import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool, type PoolClient } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { lockDataDirectory } from './data-directory-lock';
import type { QueryOptions, SqlRunner } from './sql-runner';

/**
 * pglite-prisma-adapter 0.6 ships its own copy of Prisma's adapter interface types; the runtime
 * contract is the same (checked by the integration tests), so both factories are typed as Prisma's.
 */
export type DriverAdapterFactory = SqlDriverAdapterFactory;

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs (credentials removed). */
  location: string;
  /** Pass to the service's generated `PrismaClient({ adapter })`. */
  adapter: DriverAdapterFactory;
  sql: SqlRunner;
  /** The pg pool's connections (open, idle, callers waiting), for metrics; absent on PGlite. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent the service runs on embedded PGlite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

function pgliteRunner(db: Pick<PGlite, 'query' | 'exec'> & Partial<Pick<PGlite, 'transaction'>>): SqlRunner {
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (work) => {
      if (!db.transaction) return work(pgliteRunner(db));
      return db.transaction((tx) => work(pgliteRunner(tx)));
    },
  };
}

function pgClientRunner(client: PoolClient): SqlRunner {
  return {
    query: async <Row>(text: string, params?: unknown[], options?: QueryOptions) =>
      (await client.query(options?.prepare ? { name: options.prepare, text, values: params } : { text, values: params })).rows as Row[],
    exec: async (script) => {
      await client.query(script);
    },
    transaction: (work) => work(pgClientRunner(client)),
  };
}

function pgPoolRunner(pool: Pool): SqlRunner {
  return {
    query: async <Row>(text: string, params?: unknown[], options?: QueryOptions) =>
      (await pool.query(options?.prepare ? { name: options.prepare, text, values: params } : { text, values: params })).rows as Row[],
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(pgClientRunner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const release = lockDataDirectory(dataDir);
  let db: PGlite;
  try {
    // PGlite wants a directory of its own: the lock file sits beside it, not inside.
    // pg_trgm backs the trigram indexes of name searches (identity's employees), as on a server.
    db = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
    await db.query('SELECT 1');
  } catch (error) {
    release();
    throw new DatabaseOpenError(
      `The embedded database in ${dataDir} cannot be opened: it is damaged or was written by another PGlite version. ` +
        `Start over with "npm start -- --fresh" (this deletes the local demo data), or delete ${dataDir}.`,
      { cause: error },
    );
  }
  return {
    kind: 'pglite',
    location: `embedded PGlite in ${dataDir}`,
    adapter: new PrismaPGlite(db) as unknown as SqlDriverAdapterFactory,
    sql: pgliteRunner(db),
    close: async () => {
      await db.close();
      release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  // An idle client can fail at any time (server restart, connection killed): pg then emits 'error'
  // on the pool, which would crash the process without a listener. The next query reconnects.
  pool.on('error', () => undefined);
  const parsed = new URL(url);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(`Cannot reach PostgreSQL at ${parsed.host}${parsed.pathname}: ${(error as Error).message}`, { cause: error });
  }
  return {
    kind: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    adapter: new PrismaPg(pool),
    sql: pgPoolRunner(pool),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

export function openDatabase({ url, dataDir, poolSize = 10 }: OpenDatabaseOptions): Promise<Database> {
  return url ? openPostgres(url, poolSize) : openPglite(dataDir);
}
