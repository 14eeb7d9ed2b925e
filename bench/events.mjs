// @ts-check
// npm run bench:events: 30,000 events through outbox → relay → Kafka → consumer with a database
// write (idempotent, like every handler), on this machine. Writes bench/results/events.json.
// The consumer handles each partition's fetched batch as one unit of work (bulk claim, one set-based
// write, one commit: the services' batch path); BENCH_BATCH=0 measures one transaction per event.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import pg from 'pg';

import { ensureKafka, startExtraBroker, stopExtraBroker } from '../scripts/kafka.mjs';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { growPartitions, startGroupAtEnd } from './broker.mjs';
import { machineReferenceMs } from './machine.mjs';

/** The machine's speed before the load (bench/machine.mjs), written with the figures. */
const MACHINE_REFERENCE_MS = machineReferenceMs();

const require = createRequire(import.meta.url);
const { openDatabase } = require(join(repoRoot, 'packages/database/dist/index.js'));
const { batchable, claimEvent, claimEvents, ensureTopics, EventConsumer, KafkaTransport, OutboxRelay, outboxRow } = require(
  join(repoRoot, 'packages/messaging/dist/index.js'),
);
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));

const EVENTS = Number(process.env.BENCH_EVENTS ?? 30_000);
const BATCH = process.env.BENCH_BATCH !== '0';
/**
 * Offered load: events per second written to the outbox, in batches every 100 ms. Above the goal of
 * 5,000/s, since the measured throughput can never exceed what is offered (BENCH_RATE raises it).
 */
const RATE = Number(process.env.BENCH_RATE ?? 6000);
const EMPLOYEES = 500;
/** Partitions of the topic and partitions consumed at once (the manifests' KAFKA_TOPIC_PARTITIONS is 6). */
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 6);
const TOPIC = 'identity.employee.snapshot';
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `kinerja_bench_events_${randomUUID().slice(0, 8)}`;
const logger = createLogger({ name: 'bench', level: 'warn' });

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;

/**
 * BENCH_FRESH_BROKER=1: a broker of the run's own, formatted and started just now on other ports,
 * used at once and stopped at the end (results in events-fresh-broker.json); otherwise the shared,
 * warm one on 9092.
 */
const FRESH = process.env.BENCH_FRESH_BROKER === '1';
const fresh = FRESH ? await startExtraBroker({ port: Number(process.env.BENCH_BROKER_PORT ?? 20_000 + Math.floor(Math.random() * 20_000) * 2) }) : null;
const { brokers } = fresh ?? (await ensureKafka());
const database = await openDatabase({ url: url.toString(), dataDir: '', poolSize: 10 });
await database.sql.exec(`
  CREATE TABLE outbox_event (id uuid PRIMARY KEY, seq bigserial UNIQUE, topic text NOT NULL, key text NOT NULL, type text NOT NULL, envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
  CREATE INDEX ON outbox_event (published_at, seq);
  CREATE TABLE processed_event (event_id uuid, consumer text, processed_at timestamptz DEFAULT now(), PRIMARY KEY (event_id, consumer));
  CREATE TABLE effect (event_id uuid, employee_id uuid, handled_at timestamptz DEFAULT clock_timestamp());`);

const transport = new KafkaTransport({ brokers, clientId: 'bench', logger, partitionsConsumedConcurrently: PARTITIONS });
await ensureTopics(transport.admin, { partitions: PARTITIONS, replicationFactor: 1 });
const { [TOPIC]: partitions } = await growPartitions(transport.admin, [TOPIC], PARTITIONS);
const consumerName = `bench-${randomUUID().slice(0, 8)}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: PARTITIONS + 2 });
pool.on('error', () => undefined);
/** @type {Map<string, number>} */
const latencies = new Map();
/** occurredAt of each handled event (ms since epoch), for the latency timeline. */
/** @type {Map<string, number>} */
const offeredAt = new Map();
let handled = 0;
const employees = Array.from({ length: EMPLOYEES }, () => randomUUID());
const agencyId = randomUUID();
const mine = new Set();

/** One transaction for the events of a fetched batch: claim them all, write the effects of those claimed now. */
async function handleBatch(/** @type {any[]} */ batch) {
  const events = batch.filter((event) => mine.has(event.id)); // the topic outlives runs
  if (events.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await claimEvents(
      async (/** @type {string} */ sql, /** @type {unknown[]} */ ...values) => (await client.query(sql, values)).rows,
      consumerName,
      events.map((event) => event.id),
    );
    const fresh = events.filter((event) => claimed.has(event.id));
    if (fresh.length > 0) {
      await client.query('INSERT INTO effect (event_id, employee_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
        fresh.map((event) => event.id),
        fresh.map((event) => event.payload.employeeId),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const now = Date.now();
  for (const event of events) {
    const occurred = Date.parse(event.occurredAt);
    latencies.set(event.id, now - occurred);
    offeredAt.set(event.id, occurred);
  }
  handled += events.length;
}

const consumer = new EventConsumer({
  consumer: consumerName,
  transport,
  logger,
  handlers: {
    [TOPIC]: (BATCH ? (/** @type {any} */ handle) => batchable(handle, handleBatch) : (/** @type {any} */ handle) => handle)(
      async (/** @type {any} */ event) => {
        if (!mine.has(event.id)) return; // the topic outlives runs
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          if (
            await claimEvent(
              async (/** @type {string} */ sql, /** @type {unknown[]} */ ...values) => (await client.query(sql, values)).rowCount ?? 0,
              consumerName,
              event.id,
            )
          ) {
            await client.query('INSERT INTO effect (event_id, employee_id) VALUES ($1, $2)', [event.id, event.payload.employeeId]);
          }
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        const occurred = Date.parse(event.occurredAt);
        latencies.set(event.id, Date.now() - occurred);
        offeredAt.set(event.id, occurred);
        handled += 1;
      },
    ),
  },
});
await startGroupAtEnd(transport.admin, consumerName, [TOPIC]);
await consumer.start();
// The clock starts once the group has joined: the join is set-up, not event latency.
while (!consumer.isRunning()) await new Promise((resolve) => setTimeout(resolve, 20));
// A service's producer is connected before it is ready (packages/service-kit's startService).
await transport.prepare();
const relay = new OutboxRelay({ sql: database.sql, transport, logger, batchSize: 1000, pollIntervalMs: 50 });
relay.start();

const startedAt = Date.now();
const batch = Math.max(1, Math.round(RATE / 10));
for (let offset = 0; offset < EVENTS; offset += batch) {
  const due = startedAt + (offset / RATE) * 1000;
  if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  const rows = [];
  for (let i = offset; i < Math.min(EVENTS, offset + batch); i += 1) {
    const employeeId = /** @type {string} */ (employees[i % EMPLOYEES]);
    const row = outboxRow({
      type: TOPIC,
      agencyId,
      producer: 'bench',
      payload: {
        employeeId,
        nip: '198609262015051001',
        name: `Pegawai ${i}`,
        agencyId,
        orgUnitId: agencyId,
        positionId: null,
        supervisorEmployeeId: null,
        employmentType: 'PNS',
        status: 'ACTIVE',
      },
    });
    mine.add(row.id);
    rows.push(row);
  }
  const values = rows.map((_, i) => `($${i * 5 + 1}::uuid, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::jsonb)`).join(', ');
  await database.sql.query(
    `INSERT INTO outbox_event (id, topic, key, type, envelope) VALUES ${values}`,
    rows.flatMap((r) => [r.id, r.topic, r.key, r.type, JSON.stringify(r.envelope)]),
  );
  relay.notify();
}
const deadline = Date.now() + 300_000;
while (handled < EVENTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
const seconds = (Date.now() - startedAt) / 1000;
// Let redeliveries (if any) arrive before counting duplicates.
await new Promise((resolve) => setTimeout(resolve, 2000));
const { rows: counts } = await pool.query('SELECT count(*)::int AS effects, count(DISTINCT event_id)::int AS distinct_events FROM effect');
const sorted = [...latencies.values()].sort((a, b) => a - b);
const pick = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
/** p95 of the events offered in each half second of the run: where the tail comes from. */
const timeline = [];
for (const [id, latency] of latencies) {
  const slot = Math.max(0, Math.floor(((offeredAt.get(id) ?? startedAt) - startedAt) / 500));
  (timeline[slot] ??= []).push(latency);
}
const p95BySlot = timeline.map((slot) => {
  const values = (slot ?? []).sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(0.95 * values.length))] ?? null;
});
const result = {
  events: EVENTS,
  machineReferenceMs: MACHINE_REFERENCE_MS,
  throughputPerSec: Math.round(counts[0].distinct_events / seconds),
  p50Ms: pick(0.5),
  p95Ms: pick(0.95),
  lost: EVENTS - counts[0].distinct_events,
  duplicated: counts[0].effects - counts[0].distinct_events,
  p95MsByHalfSecond: p95BySlot,
  at: new Date().toISOString(),
  notes: `offered ${RATE}/s into the outbox (PostgreSQL 15, a batch every 100 ms) → relay (batches of 1000, one drainer) → Kafka 3.9 single node, ${FRESH ? 'started by this run just before it (fresh)' : 'already running (warm)'} (${partitions} partitions, idempotent producer, acks=all) → one consumer group, ${PARTITIONS} partitions concurrently, ${BATCH ? 'each fetched batch of a partition in one transaction (bulk claim of its event ids, one set-based insert of the effects, then the offset)' : 'one transaction per event (claim + effect)'}; ${EMPLOYEES} employee keys; consumer group started at the topic's end, clock started once it joined and the producer connected (as a service is ready); latency = handled − occurredAt; throughput = distinct effects / (last handled − first offered); ${brokers.join(',')}; node ${process.version}`,
};

await consumer.stop();
await relay.stop();
await transport.close();
await pool.end();
await database.close();
await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
await admin.end();
if (fresh) await stopExtraBroker(fresh.dataDir).catch(() => undefined);
// BENCH_OUT: where the result goes (default bench/results/events[-fresh-broker].json); "-" prints it instead (small, exploratory runs).
const out = process.env.BENCH_OUT ?? join(repoRoot, 'bench', 'results', FRESH ? 'events-fresh-broker.json' : 'events.json');
if (out === '-') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `events ${result.events}  throughput ${result.throughputPerSec}/s  p50 ${result.p50Ms} ms  p95 ${result.p95Ms} ms  lost ${result.lost}  duplicated ${result.duplicated}\n`,
);
process.exit(0);
