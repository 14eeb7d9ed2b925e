import { randomUUID } from 'node:crypto';

import { type Database, openDatabase } from '@kinerja/database';
import { createLogger } from '@kinerja/logger';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { OutboxRelay, outboxRow, type OutgoingMessage, type Transport } from '../src';

/** Records what reaches the broker; `down` makes every publish fail, as a broker outage does. */
class RecordingTransport implements Transport {
  readonly kind = 'in-process' as const;
  readonly published: OutgoingMessage[] = [];
  down = false;
  failedAttempts = 0;

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    // A publish takes a moment, so the replicas' rounds overlap.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.down) {
      this.failedAttempts += 1;
      throw new Error('broker unreachable');
    }
    this.published.push(...messages);
  }

  async subscribe(): Promise<never> {
    throw new Error('not used');
  }

  async close(): Promise<void> {}
}

const logger = createLogger({ name: 'outbox-relay-test', level: 'silent' });
const EMPLOYEES = Array.from({ length: 8 }, () => randomUUID());
const AGENCY = randomUUID();

function snapshotRow(employeeId: string, sequence: number) {
  return outboxRow({
    type: 'identity.employee.snapshot',
    agencyId: AGENCY,
    producer: 'identity',
    payload: {
      employeeId,
      nip: '198609262015051001',
      name: `Pegawai ${sequence}`,
      agencyId: AGENCY,
      orgUnitId: AGENCY,
      positionId: null,
      supervisorEmployeeId: null,
      employmentType: 'PNS',
      status: 'ACTIVE',
    },
  });
}

/** Writes `count` events round-robin over the employees, in commit order; returns their ids in order. */
async function writeEvents(database: Database, count: number, from = 0): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => snapshotRow(EMPLOYEES[(from + i) % EMPLOYEES.length] as string, from + i));
  for (const row of rows) {
    await database.sql.query('INSERT INTO outbox_event (id, topic, key, type, envelope) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)', [
      row.id,
      row.topic,
      row.key,
      row.type,
      JSON.stringify(row.envelope),
    ]);
  }
  return rows.map((row) => row.id);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function idsByKey(messages: readonly OutgoingMessage[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const message of messages) byKey.set(message.key, [...(byKey.get(message.key) ?? []), message.headers['event-id'] as string]);
  return byKey;
}

describe('OutboxRelay on PostgreSQL', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('outbox_relay');
    database = await openDatabase({ url: testDb.url, dataDir: '', poolSize: 6 });
  });

  beforeEach(async () => {
    await database.sql.exec(`
      DROP TABLE IF EXISTS outbox_event;
      CREATE TABLE outbox_event (id uuid PRIMARY KEY, seq bigserial UNIQUE, topic text NOT NULL, key text NOT NULL, type text NOT NULL,
                                 envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('with two replicas on one database, publishes every row exactly once and each key in commit order', async () => {
    const transport = new RecordingTransport();
    const replicas = [1, 2].map(() => new OutboxRelay({ sql: database.sql, transport, logger, batchSize: 7, pollIntervalMs: 5 }));
    replicas.forEach((relay) => relay.start());
    try {
      const written = [...(await writeEvents(database, 60)), ...(await writeEvents(database, 60, 60))];
      await until(async () => transport.published.length >= written.length && (await replicas[0]!.backlog()) === 0, 'the outbox to drain');
      // A little longer: a second publish of some row would show up now.
      await new Promise((resolve) => setTimeout(resolve, 100));

      const publishedIds = transport.published.map((message) => message.headers['event-id']);
      expect(publishedIds).toHaveLength(written.length);
      expect(new Set(publishedIds)).toEqual(new Set(written));
      const expected = idsByKey(written.map((id, i) => ({ key: EMPLOYEES[i % EMPLOYEES.length] as string, headers: { 'event-id': id } }) as OutgoingMessage));
      expect(idsByKey(transport.published)).toEqual(expected);
    } finally {
      await Promise.all(replicas.map((relay) => relay.stop()));
    }
  });

  it('reports how long the oldest unsent row has waited, and 0 once all are sent', async () => {
    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ sql: database.sql, transport, logger, pollIntervalMs: 5 });
    expect(await relay.oldestUnsentAgeSeconds()).toBe(0);
    await writeEvents(database, 3);
    await database.sql.query("UPDATE outbox_event SET created_at = now() - interval '90 seconds' WHERE seq = (SELECT min(seq) FROM outbox_event)");
    const age = await relay.oldestUnsentAgeSeconds();
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(100);
    relay.start();
    try {
      await until(async () => (await relay.backlog()) === 0, 'the outbox to drain');
      expect(await relay.oldestUnsentAgeSeconds()).toBe(0);
    } finally {
      await relay.stop();
    }
  });

  it('keeps the rows while the broker is down and publishes them, in order, once it is back', async () => {
    const transport = new RecordingTransport();
    transport.down = true;
    const relay = new OutboxRelay({ sql: database.sql, transport, logger, batchSize: 10, pollIntervalMs: 5, maxBackoffMs: 40 });
    relay.start();
    try {
      const written = await writeEvents(database, 25);
      relay.notify();
      await until(async () => transport.failedAttempts >= 3, 'failed publish attempts');
      expect(await relay.backlog()).toBe(25);

      transport.down = false;
      await until(async () => (await relay.backlog()) === 0, 'the outbox to drain after the outage');
      expect(transport.published.map((message) => message.headers['event-id'])).toEqual(written);
    } finally {
      await relay.stop();
    }
  });

  it('publishes rows committed during a round right after it, not at the next poll', async () => {
    const transport = new RecordingTransport();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const publish = transport.publish.bind(transport);
    let rounds = 0;
    transport.publish = async (messages) => {
      rounds += 1;
      if (rounds === 1) await held;
      await publish(messages);
    };
    // A poll far beyond the test's patience: only notify() can bring the second row out in time.
    const relay = new OutboxRelay({ sql: database.sql, transport, logger, pollIntervalMs: 60_000 });
    const [first] = await writeEvents(database, 1);
    relay.start();
    try {
      await until(async () => rounds === 1, 'the first round to publish');
      const [second] = await writeEvents(database, 1, 1);
      relay.notify();
      release();
      await until(async () => transport.published.length === 2, 'the row committed during the round', 3000);
      expect(transport.published.map((message) => message.headers['event-id'])).toEqual([first, second]);
      // The stored envelope goes out as it is, with its headers.
      expect(JSON.parse(transport.published[1]?.value ?? '')).toMatchObject({ id: second, type: 'identity.employee.snapshot', version: 1 });
      expect(transport.published[1]?.headers).toMatchObject({
        'event-id': second,
        'event-type': 'identity.employee.snapshot',
        'event-version': '1',
        'agency-id': AGENCY,
      });
    } finally {
      await relay.stop();
    }
  });
});
