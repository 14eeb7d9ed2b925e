import { randomUUID } from 'node:crypto';

import { type Database, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { RetentionPruner, TOPIC_RETENTION_DAYS } from '../src';

const logger = createLogger({ name: 'retention-test', level: 'silent' });

// The pruner on a real PostgreSQL, on the tables every service declares (packages/messaging/README.md).
describe('pruning the event tables past their retention', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('retention');
    database = await openDatabase({ url: testDb.url, dataDir: '', poolSize: 6 });
    await database.sql.exec(`
      CREATE TABLE outbox_event (id uuid PRIMARY KEY, seq bigserial UNIQUE, topic text NOT NULL, key text NOT NULL, type text NOT NULL,
                                 envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
      CREATE INDEX ON outbox_event (published_at, seq);
      CREATE TABLE processed_event (event_id uuid NOT NULL, consumer text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(),
                                    PRIMARY KEY (event_id, consumer));
      CREATE INDEX ON processed_event (processed_at);`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  /** `count` outbox rows created and (unless null) sent `sentDaysAgo` days ago; their ids. */
  async function outboxRows(count: number, createdDaysAgo: number, sentDaysAgo: number | null): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await database.sql.query(
      `INSERT INTO outbox_event (id, topic, key, type, envelope, created_at, published_at)
       SELECT id, 't', 'k', 't', '{}'::jsonb, now() - make_interval(days => $2::int), CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END
       FROM unnest($1::uuid[]) AS id`,
      [ids, createdDaysAgo, sentDaysAgo],
    );
    return ids;
  }

  async function processedEvents(count: number, daysAgo: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await database.sql.query(
      `INSERT INTO processed_event (event_id, consumer, processed_at) SELECT id, 'development', now() - make_interval(days => $2::int) FROM unnest($1::uuid[]) AS id`,
      [ids, daysAgo],
    );
    return ids;
  }

  const remaining = async (table: 'outbox_event' | 'processed_event', column: 'id' | 'event_id') =>
    new Set((await database.sql.query<{ id: string }>(`SELECT ${column}::text AS id FROM ${table}`)).map((row) => row.id));

  it('deletes sent outbox rows and processed ids older than the retention, in chunks, from two replicas at once; keeps recent and unsent rows', async () => {
    const oldSent = await outboxRows(230, 20, 15);
    const recentSent = await outboxRows(20, 13, 13);
    // Never sent (the broker was away for weeks): it must wait for the relay, however old.
    const oldUnsent = await outboxRows(5, 30, null);
    const oldClaims = await processedEvents(260, 15);
    const recentClaims = await processedEvents(20, 13);

    // Two replicas, chunks of 50: each statement takes rows the other has not locked.
    const replicas = [0, 1].map(() => new RetentionPruner({ sql: database.sql, logger, retentionDays: 14, chunkSize: 50 }));
    const results = await Promise.all(replicas.map((replica) => replica.pruneOnce()));

    expect(results.reduce((sum, result) => sum + result.outboxRows, 0)).toBe(oldSent.length);
    expect(results.reduce((sum, result) => sum + result.processedEvents, 0)).toBe(oldClaims.length);
    expect([...(await remaining('outbox_event', 'id'))].sort()).toEqual([...recentSent, ...oldUnsent].sort());
    expect([...(await remaining('processed_event', 'event_id'))].sort()).toEqual([...recentClaims].sort());
    expect(await replicas[0]?.pruneOnce()).toEqual({ outboxRows: 0, processedEvents: 0 });
  });

  it('stops a round after its chunk budget; the next round goes on', async () => {
    await processedEvents(120, 30);
    const pruner = new RetentionPruner({ sql: database.sql, logger, retentionDays: 14, chunkSize: 25, maxChunksPerRound: 2 });
    expect((await pruner.pruneOnce()).processedEvents).toBe(50);
    expect((await pruner.pruneOnce()).processedEvents).toBe(50);
    expect((await pruner.pruneOnce()).processedEvents).toBe(20);
  });

  it('refuses a retention not longer than the topics keep their events', () => {
    expect(() => new RetentionPruner({ sql: database.sql, logger, retentionDays: TOPIC_RETENTION_DAYS })).toThrow(/above the topics' 7/);
  });
});
