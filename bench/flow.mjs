// @ts-check
// npm run bench:flow: the flagship flow at volume. 10,000 `performance.assessment.finalized`
// events (a fifth of them poor) leave a performance-side transactional outbox through the
// OutboxRelay, cross Kafka and reach the real development service (its consumer, handlers, Prisma
// and PostgreSQL), which commits the assignments and their `development.training.assigned` events
// in its own outbox. Writes bench/results/flow.json.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import kafkajs from 'kafkajs';
import pg from 'pg';

import { ensureKafka, startExtraBroker, stopExtraBroker, stopKafka } from '../scripts/kafka.mjs';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { growPartitions, startGroupAtEnd } from './broker.mjs';
import { machineReferenceMs } from './machine.mjs';

/** The machine's speed before the load (bench/machine.mjs), written with the figures. */
const MACHINE_REFERENCE_MS = machineReferenceMs();

const require = createRequire(import.meta.url);
const { loadConfig } = require(join(repoRoot, 'packages/config/dist/index.js'));
const { openDatabase } = require(join(repoRoot, 'packages/database/dist/index.js'));
const { ensureTopics, KafkaTransport, OutboxRelay, outboxRow } = require(join(repoRoot, 'packages/messaging/dist/index.js'));
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
const { startService } = require(join(repoRoot, 'packages/service-kit/dist/index.js'));
const { developmentModule } = require(join(repoRoot, 'services/development/dist/development.module.js'));
const { developmentEnvSchema } = require(join(repoRoot, 'services/development/dist/env.js'));
const { seedDefaultCatalogue } = require(join(repoRoot, 'services/development/dist/seed/seed-default-catalogue.js'));

const FLOWS = Number(process.env.BENCH_FLOWS ?? 10_000);
/** Offered load: finalized assessments per second written to the outbox, in batches every 100 ms. */
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const AGENCIES = 4;
/** Partitions of the topics development consumes here, all consumed at once (the manifests' KAFKA_TOPIC_PARTITIONS is 6). */
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 6);
const STAGES = process.env.BENCH_STAGES === '1';
const FINALIZED = 'performance.assessment.finalized';
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const run = randomUUID().slice(0, 8);
const performanceDb = `kinerja_bench_flow_${run}_performance`;
const developmentDb = `kinerja_bench_flow_${run}_development`;
const logger = createLogger({ name: 'bench', level: 'warn' });
const loadBefore = loadavg();

// ---------------------------------------------------------------------------------------------
// The workload: one employee per flow (an annual assessment each), spread over a few agencies.
// Predikat by the PermenPANRB 6/2022 matrix: ~12% SANGAT_BAIK, ~68% BAIK and ~20% poor
// (BUTUH_PERBAIKAN: results BELOW; KURANG: behaviour BELOW; SANGAT_KURANG: both). A poor one names
// 1–2 BerAKHLAK values, plus 1–2 MAIN results rated BELOW when the results were BELOW; one in fifty
// names no gap (the predikat alone must still lead to development). One in ten good assessments
// lists a weak value anyway: a good predikat must never assign. ~15% of employees are PPPK (JP cap).
// ---------------------------------------------------------------------------------------------

/** mulberry32: the same workload on every run. */
function prng(seed = 20_261_125) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng();
const pickFrom = (/** @type {readonly string[]} */ list) => /** @type {string} */ (list[Math.floor(random() * list.length)]);
const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
/** @param {number} count */
const someValues = (count) => {
  const values = new Set();
  while (values.size < count) values.add(pickFrom(CORE_VALUES));
  return [...values];
};

/** @type {string[]} */
const agencies = Array.from({ length: AGENCIES }, () => randomUUID());
const agencySet = new Set(agencies);
const periodOf = new Map(agencies.map((agency) => [agency, randomUUID()]));

/**
 * @typedef {object} Flow
 * @property {string} employeeId
 * @property {string} agencyId
 * @property {string} employmentType
 * @property {object} payload   the finalized event's payload
 * @property {boolean} poor
 * @property {number} expected  assignments rule 5 calls for: one per distinct programme, one per unmatched gap
 */
/** @type {Flow[]} */
const flows = Array.from({ length: FLOWS }, (_, i) => {
  const agencyId = /** @type {string} */ (agencies[i % AGENCIES]);
  const employeeId = randomUUID();
  const roll = random();
  /** @type {[string, string, string]} work result, behaviour, predikat */
  const [workResultRating, behaviourRating, predikat] =
    roll < 0.12
      ? ['ABOVE', 'ABOVE', 'SANGAT_BAIK']
      : roll < 0.8
        ? /** @type {[string, string, string]} */ ([...pickFrom(['MEETS/MEETS', 'ABOVE/MEETS', 'MEETS/ABOVE']).split('/'), 'BAIK'])
        : roll < 0.91
          ? ['BELOW', pickFrom(['MEETS', 'ABOVE']), 'BUTUH_PERBAIKAN']
          : roll < 0.97
            ? [pickFrom(['MEETS', 'ABOVE']), 'BELOW', 'KURANG']
            : ['BELOW', 'BELOW', 'SANGAT_KURANG'];
  const poor = predikat !== 'SANGAT_BAIK' && predikat !== 'BAIK';
  const gapless = poor && random() < 0.02;
  const behaviourGaps = gapless ? [] : poor ? someValues(random() < 0.6 ? 1 : 2) : random() < 0.1 ? someValues(1) : [];
  const workResultGaps =
    gapless || workResultRating !== 'BELOW'
      ? []
      : Array.from({ length: random() < 0.7 ? 1 : 2 }, (_, n) => ({
          workResultId: randomUUID(),
          title: `Hasil kerja utama ${n + 1}: capaian di bawah target`,
        }));
  const programmes = behaviourGaps.length + (workResultGaps.length > 0 ? 1 : 0);
  return {
    employeeId,
    agencyId,
    employmentType: random() < 0.15 ? 'PPPK' : 'PNS',
    poor,
    expected: poor ? Math.max(1, programmes) : 0,
    payload: {
      assessmentId: randomUUID(),
      employeeId,
      periodId: periodOf.get(agencyId),
      kind: 'ANNUAL',
      workResultRating,
      behaviourRating,
      predikat,
      behaviourGaps,
      workResultGaps,
    },
  };
});
const poorFlows = flows.filter((flow) => flow.poor);

// ---------------------------------------------------------------------------------------------
// Two fresh databases (performance's outbox, development's own) and the shared local broker.
// ---------------------------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const urlOf = (/** @type {string} */ name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
await admin.query(`CREATE DATABASE "${performanceDb}"`);
await admin.query(`CREATE DATABASE "${developmentDb}"`);

/**
 * BENCH_FRESH_BROKER=1: a broker of the run's own, formatted and started just now on other ports
 * (BENCH_BROKER_PORT, default a random free-looking one), used at once and stopped at the end; the
 * shared broker on 9092 is never touched. Otherwise the local (warm) broker.
 */
/** BENCH_BROKER_OUTAGE_S=N: the run's own broker (so always a fresh one) is stopped for N s mid-offer, then started again on its data. */
const OUTAGE_S = Number(process.env.BENCH_BROKER_OUTAGE_S ?? 0);
const FRESH = process.env.BENCH_FRESH_BROKER === '1' || OUTAGE_S > 0;
// A client whose retries ran out while the broker was away (KafkaJSNumberOfRetriesExceeded and the
// like) must not end the run: the consumer restarts and the relay retries on their own.
process.on('unhandledRejection', (error) => {
  if (error instanceof Error && error.name.startsWith('KafkaJS')) {
    process.stderr.write(`bench: ${error.name}: ${error.message} (the clients reconnect)\n`);
    return;
  }
  throw error;
});
const fresh = FRESH ? await startExtraBroker({ port: Number(process.env.BENCH_BROKER_PORT ?? 20_000 + Math.floor(Math.random() * 20_000) * 2) }) : null;
const { brokers } = fresh ?? (await ensureKafka());
const kafka = new kafkajs.Kafka({ clientId: `bench-flow-${run}`, brokers, logLevel: kafkajs.logLevel.NOTHING });
/** @type {string[]} */
const groups = [];

/**
 * @typedef {{ topic: string, partition: number, offset: string, key: string, value: string, headers: Record<string, string> }} Message
 * @typedef {{ received: number, handled: number, times: number }} Delivery
 */
/** @type {Map<string, Delivery>} finalized event id → when development's consumer took it and when its handler (transaction) returned */
const deliveries = new Map();
/** @type {Set<string>} the batches that held our events */
const batches = new Set();

/**
 * development's production KafkaTransport, scoped to this run (as in the end-to-end stack): its
 * consumer group "development" is renamed for the run and starts at the topics' end, and events of
 * agencies this run did not make are acknowledged without reaching the service (others share the
 * broker). It also notes when each of our events was handed to development's consumer and when
 * that returned, i.e. after the handler's transaction committed. Everything else is KafkaTransport.
 */
class RunScopedTransport {
  kind = /** @type {const} */ ('kafka');
  /** @param {any} inner */
  constructor(inner) {
    this.inner = inner;
  }
  /** @param {readonly any[]} messages */
  publish(messages) {
    return this.inner.publish(messages);
  }
  /** @param {{ groupId: string, topics: readonly string[], handle: (message: Message) => Promise<void>, handleBatch?: (messages: readonly Message[], heartbeat: () => Promise<void>) => Promise<void> }} options */
  async subscribe(options) {
    const groupId = `${options.groupId}.bench-${run}`;
    await startGroupAtEnd(kafka.admin(), groupId, options.topics);
    groups.push(groupId);
    const handleBatch = options.handleBatch;
    return this.inner.subscribe({
      ...options,
      groupId,
      ...(handleBatch
        ? {
            handleBatch: async (/** @type {readonly Message[]} */ messages, /** @type {() => Promise<void>} */ heartbeat) => {
              const ours = messages.filter((message) => agencySet.has(message.headers['agency-id'] ?? ''));
              if (ours.length === 0) return;
              const received = Date.now();
              await handleBatch(ours, heartbeat);
              const handled = Date.now();
              batches.add(`${received}:${handled}:${messages[0]?.partition}`);
              for (const message of ours) {
                if (message.headers['event-type'] !== FINALIZED) continue;
                const id = message.headers['event-id'] ?? '';
                const seen = deliveries.get(id);
                if (seen) seen.times += 1;
                else deliveries.set(id, { received, handled, times: 1 });
              }
            },
          }
        : {}),
      handle: async (/** @type {Message} */ message) => {
        if (!agencySet.has(message.headers['agency-id'] ?? '')) return;
        const received = Date.now();
        await options.handle(message);
        if (message.headers['event-type'] !== FINALIZED) return;
        const id = message.headers['event-id'] ?? '';
        const seen = deliveries.get(id);
        if (seen) seen.times += 1;
        else deliveries.set(id, { received, handled: Date.now(), times: 1 });
      },
    });
  }
  close() {
    return this.inner.close();
  }
}

const developmentTransport = new KafkaTransport({
  brokers,
  clientId: `development-bench-${run}`,
  logger,
  partitionsConsumedConcurrently: PARTITIONS,
});
const performanceTransport = new KafkaTransport({ brokers, clientId: `performance-bench-${run}`, logger });
const devPool = new pg.Pool({ connectionString: urlOf(developmentDb), max: 2 });
devPool.on('error', () => undefined);
/** @type {any} the running development service */
let development;
/** @type {any} performance's side: its database (outbox) */
let performance;
/** @type {any} performance's side: its OutboxRelay */
let relay;

/** The databases' contents, development and performance's relay, started; undone in `finally` below. */
async function start() {
  await ensureTopics(developmentTransport.admin, { partitions: PARTITIONS, replicationFactor: 1 });
  await growPartitions(developmentTransport.admin, [FINALIZED, 'identity.employee.snapshot'], PARTITIONS);
  const config = loadConfig(developmentEnvSchema, { DATABASE_URL: urlOf(developmentDb), PORT: '0', LOG_LEVEL: 'warn' });
  development = await startService(developmentModule, config, logger.child({ service: 'development' }), {
    transport: new RunScopedTransport(developmentTransport),
  });
  await seedDefaultCatalogue(development.prisma);
  // performance's side: the same outbox table and relay settings as the performance service
  // (OutboxRelay defaults, woken by notify() after each commit), on its own database.
  performance = await openDatabase({ url: urlOf(performanceDb), dataDir: '', poolSize: 10 });
  await performance.sql.exec(`
    CREATE TABLE outbox_event (id uuid PRIMARY KEY, seq bigserial UNIQUE, topic text NOT NULL, key text NOT NULL, type text NOT NULL, envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
    CREATE INDEX ON outbox_event (published_at, seq);`);
  relay = new OutboxRelay({ sql: performance.sql, transport: performanceTransport, logger });
  if (STAGES) timeRelay(relay, performanceTransport, 'performance relay');
  // As the performance service does before it is ready (packages/service-kit's startService).
  await performanceTransport.prepare();
  relay.start();
  if (STAGES) timeRelay(development.relay, developmentTransport, 'development relay');
}

/**
 * BENCH_STAGES=1: times each relay round (SELECT … FOR UPDATE, publish, UPDATE, COMMIT) and its
 * publish alone, and the gaps between rounds, printed at the end (exploratory, small runs).
 * @type {Map<string, { rounds: number[], publishes: number[], rows: number[], gaps: number[], last: number }>}
 */
const relayTimes = new Map();
/** @param {any} target @param {any} transport @param {string} name */
function timeRelay(target, transport, name) {
  const times = {
    rounds: /** @type {number[]} */ ([]),
    publishes: /** @type {number[]} */ ([]),
    rows: /** @type {number[]} */ ([]),
    gaps: /** @type {number[]} */ ([]),
    last: 0,
  };
  relayTimes.set(name, times);
  const round = target.publishBatch.bind(target);
  target.publishBatch = async () => {
    const started = Date.now();
    if (times.last) times.gaps.push(started - times.last);
    const n = await round();
    times.last = Date.now();
    if (n > 0) {
      times.rounds.push(times.last - started);
      times.rows.push(n);
    }
    return n;
  };
  const publish = transport.publish.bind(transport);
  transport.publish = async (/** @type {any[]} */ messages) => {
    const started = Date.now();
    await publish(messages);
    times.publishes.push(Date.now() - started);
  };
}

/**
 * BENCH_CPU_PROFILE=<file.cpuprofile>: a CPU profile of this process over the measured window only
 * (not the setup), for chrome://inspect or any .cpuprofile viewer. Resolves the function that stops it.
 */
async function startProfiler() {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return null;
  const session = new inspector.Session();
  session.connect();
  const post = (/** @type {string} */ method) =>
    new Promise((resolve, reject) => session.post(method, (/** @type {any} */ error, /** @type {any} */ answer) => (error ? reject(error) : resolve(answer))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const answer = /** @type {any} */ (await post('Profiler.stop'));
    writeFileSync(file, JSON.stringify(answer.profile));
    session.disconnect();
  };
}

/** BENCH_STAGES=1: development's consumer, per partition batch: the whole eachBatch and its offset commit. */
const consumerTimes = { batches: /** @type {number[]} */ ([]), commits: /** @type {number[]} */ ([]) };
if (STAGES) {
  const consumeBatch = KafkaTransport.prototype.consumeBatch;
  KafkaTransport.prototype.consumeBatch = async function (/** @type {any} */ payload, /** @type {any} */ handleBatch) {
    const started = Date.now();
    const commit = payload.commitOffsetsIfNecessary;
    const timed = {
      ...payload,
      commitOffsetsIfNecessary: async (/** @type {any} */ offsets) => {
        const at = Date.now();
        await commit(offsets);
        consumerTimes.commits.push(Date.now() - at);
      },
    };
    await consumeBatch.call(this, timed, handleBatch);
    consumerTimes.batches.push(Date.now() - started);
  };
}

/** @param {{ id: string, topic: string, key: string, type: string, envelope: object }[]} rows */
async function commitToOutbox(rows) {
  const values = rows.map((_, i) => `($${i * 5 + 1}::uuid, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::jsonb)`).join(', ');
  await performance.sql.query(
    `INSERT INTO outbox_event (id, topic, key, type, envelope) VALUES ${values}`,
    rows.flatMap((r) => [r.id, r.topic, r.key, r.type, JSON.stringify(r.envelope)]),
  );
  relay.notify();
}

/** The machine's CPU time so far (Linux /proc/stat, in ticks): busy and total, all cores. */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).map(Number) ?? [];
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/**
 * CPU ticks used so far by the machine's PostgreSQL backends and Kafka JVMs (every process of that
 * name, /proc/<pid>/stat utime + stime; processes that ended in between are not counted).
 * @returns {Record<'postgres' | 'java', Map<string, number>>}
 */
function processTicks() {
  /** @type {Record<'postgres' | 'java', Map<string, number>>} */
  const ticks = { postgres: new Map(), java: new Map() };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const used = Number(fields[11]) + Number(fields[12]);
      if (name === 'postgres') ticks.postgres.set(pid, used);
      else if (name === 'java') ticks.java.set(pid, used);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Share of one core each kind used between two `processTicks()`, over `ms` (100 ticks a second). */
function processShares(/** @type {ReturnType<typeof processTicks>} */ before, /** @type {ReturnType<typeof processTicks>} */ after, /** @type {number} */ ms) {
  const used = (/** @type {'postgres' | 'java'} */ kind) => [...after[kind]].reduce((sum, [pid, ticks]) => sum + ticks - (before[kind].get(pid) ?? 0), 0);
  return { postgres: used('postgres') / 100 / (ms / 1000), java: used('java') / 100 / (ms / 1000) };
}

/** @param {() => Promise<boolean>} done @param {string} what */
async function until(done, what, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let result;
try {
  await start();
  // -------------------------------------------------------------------------------------------
  // Setup, not measured: development learns the employees the way a fresh consumer does, from
  // identity's `identity.employee.snapshot` events (npm run backfill), through the same path.
  // -------------------------------------------------------------------------------------------
  const setupStarted = Date.now();
  for (let offset = 0; offset < FLOWS; offset += 1000) {
    await commitToOutbox(
      flows.slice(offset, offset + 1000).map((flow, n) =>
        outboxRow({
          type: 'identity.employee.snapshot',
          agencyId: flow.agencyId,
          producer: 'identity',
          payload: {
            employeeId: flow.employeeId,
            nip: `19860926${String(2_015_051_001 + offset + n).padStart(10, '0')}`,
            name: `Pegawai ${offset + n}`,
            agencyId: flow.agencyId,
            orgUnitId: flow.agencyId,
            positionId: null,
            supervisorEmployeeId: null,
            employmentType: flow.employmentType,
            status: 'ACTIVE',
          },
        }),
      ),
    );
  }
  await until(async () => (await devPool.query('SELECT count(*)::int AS n FROM employee_copy')).rows[0].n >= FLOWS, 'the employee copies');
  const setupSeconds = (Date.now() - setupStarted) / 1000;

  // -------------------------------------------------------------------------------------------
  // The measured flow: finalized assessments offered at RATE, a batch every 100 ms.
  // -------------------------------------------------------------------------------------------
  /** @type {Map<string, Flow & { occurredAt: number }>} */
  const byEvent = new Map();
  const profiler = await startProfiler();
  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const processesBefore = processTicks();
  const batch = Math.max(1, Math.round(RATE / 10));
  /** @type {{ stoppedAt: number, startedAgainAt: number } | null} */
  let outage = null;
  const outageDone =
    OUTAGE_S > 0 && fresh
      ? (async () => {
          await new Promise((resolve) => setTimeout(resolve, (FLOWS / RATE / 2) * 1000));
          const env = { KAFKA_DATA_DIR: fresh.dataDir, KAFKA_PORT: /** @type {string} */ (brokers[0]?.split(':')[1]) };
          const stoppedAt = Date.now();
          await stopKafka({ env });
          await new Promise((resolve) => setTimeout(resolve, OUTAGE_S * 1000));
          await ensureKafka({ env });
          outage = { stoppedAt, startedAgainAt: Date.now() };
        })()
      : Promise.resolve();
  for (let offset = 0; offset < FLOWS; offset += batch) {
    const due = startedAt + (offset / RATE) * 1000;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const rows = flows.slice(offset, offset + batch).map((flow) => {
      const row = outboxRow({ type: FINALIZED, agencyId: flow.agencyId, producer: 'performance', payload: flow.payload });
      byEvent.set(row.id, { ...flow, occurredAt: Date.parse(/** @type {any} */ (row.envelope).occurredAt) });
      return row;
    });
    await commitToOutbox(rows);
  }
  const offeredSeconds = (Date.now() - startedAt) / 1000;
  await outageDone;
  const unpublishedAssigned = async () =>
    (await devPool.query("SELECT count(*)::int AS n FROM outbox_event WHERE type = 'development.training.assigned' AND published_at IS NULL")).rows[0].n;
  // Drained: development's consumer has returned from every finalized event, and its relay has
  // published every `development.training.assigned` those committed.
  await until(async () => deliveries.size >= FLOWS && (await unpublishedAssigned()) === 0, 'the flows to drain').catch((error) =>
    logger.error({ err: error, handled: deliveries.size }, 'not drained; counting what arrived'),
  );
  const windowMs = Date.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  await profiler?.();
  const machineAfter = machineTicks();
  const shares = processShares(processesBefore, processTicks(), windowMs);
  const nodeCpu = (cpu.user + cpu.system) / 1000 / windowMs;
  const machineBusy = (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);
  // Let redeliveries (if any) arrive before counting duplicates.
  await new Promise((resolve) => setTimeout(resolve, 2000));

  // -------------------------------------------------------------------------------------------
  // Count, from development's database.
  // -------------------------------------------------------------------------------------------
  const { rows: assignments } = await devPool.query(`
    SELECT source_event_id::text AS event_id, count(*)::int AS n, (extract(epoch FROM max(created_at)) * 1000)::float8 AS created_ms,
           count(*) FILTER (WHERE status = 'AWAITING_HR_CHOICE')::int AS awaiting
      FROM training_assignment WHERE reason = 'PERFORMANCE_GAP' GROUP BY source_event_id`);
  const { rows: keys } = await devPool.query(`
    SELECT count(*)::int AS total,
           count(DISTINCT concat_ws('|', employee_id, coalesce('programme:' || programme_code, 'gap:' || (gaps -> 0)::text), source_event_id))::int AS distinct_keys
      FROM training_assignment`);
  const { rows: outbox } = await devPool.query(`
    SELECT count(*)::int AS total, count(DISTINCT envelope -> 'payload' ->> 'assignmentId')::int AS distinct_assignments,
           count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished
      FROM outbox_event WHERE type = 'development.training.assigned'`);
  const { rows: published } = await devPool.query(`
    SELECT envelope -> 'payload' ->> 'sourceEventId' AS event_id, (extract(epoch FROM max(published_at)) * 1000)::float8 AS published_ms
      FROM outbox_event WHERE type = 'development.training.assigned' GROUP BY 1`);
  const relayed = await performance.sql.query(
    'SELECT id::text AS event_id, (extract(epoch FROM published_at) * 1000)::float8 AS published_ms FROM outbox_event WHERE type = $1',
    [FINALIZED],
  );
  const assignedOf = new Map(assignments.map((/** @type {any} */ row) => [row.event_id, row]));
  const publishedOf = new Map(published.map((/** @type {any} */ row) => [row.event_id, row.published_ms]));
  const relayedOf = new Map(relayed.map((/** @type {any} */ row) => [row.event_id, row.published_ms]));

  let missingPoor = 0;
  let partialPoor = 0;
  let wronglyAssigned = 0;
  let goodNeverConsumed = 0;
  let extra = 0;
  /** @type {{ commit: number[], created: number[], relayed: number[], received: number[], handler: number[], goodHandler: number[], assignedOut: number[] }} */
  const ms = { commit: [], created: [], relayed: [], received: [], handler: [], goodHandler: [], assignedOut: [] };
  let lastDone = startedAt;
  for (const [eventId, flow] of byEvent) {
    const row = assignedOf.get(eventId);
    const delivery = deliveries.get(eventId);
    if (delivery) lastDone = Math.max(lastDone, delivery.handled);
    if (!flow.poor) {
      if (delivery) ms.goodHandler.push(delivery.handled - delivery.received);
      if (row) wronglyAssigned += 1;
      else if (!delivery) goodNeverConsumed += 1;
      continue;
    }
    if (!row) missingPoor += 1;
    else if (row.n < flow.expected) partialPoor += 1;
    else if (row.n > flow.expected) extra += row.n - flow.expected;
    if (!row || !delivery) continue;
    ms.commit.push(delivery.handled - flow.occurredAt);
    ms.created.push(row.created_ms - flow.occurredAt);
    ms.received.push(delivery.received - flow.occurredAt);
    ms.handler.push(delivery.handled - delivery.received);
    if (relayedOf.get(eventId)) ms.relayed.push(relayedOf.get(eventId) - flow.occurredAt);
    if (publishedOf.get(eventId)) ms.assignedOut.push(publishedOf.get(eventId) - flow.occurredAt);
  }
  const quantile = (/** @type {number[]} */ values, /** @type {number} */ q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? null : Math.round(/** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]));
  };
  const lost = missingPoor + partialPoor + wronglyAssigned + goodNeverConsumed;
  const seconds = (lastDone - startedAt) / 1000;
  const redelivered = [...deliveries.values()].reduce((sum, delivery) => sum + delivery.times - 1, 0);
  const totalAssignments = keys[0].total;
  const awaiting = assignments.reduce((/** @type {number} */ sum, /** @type {any} */ row) => sum + row.awaiting, 0);
  const loadAfter = loadavg();
  const mean = (/** @type {number[]} */ values) => values.reduce((sum, n) => sum + n, 0) / Math.max(1, values.length);
  // development's consumer works on PARTITIONS partitions at once, one event after the other on each: with
  // these mean handler times (which include waiting for the shared CPU) it cannot do more than this.
  const poorShare = poorFlows.length / FLOWS;
  const ceiling = Math.round((PARTITIONS * 1000) / (poorShare * mean(ms.handler) + (1 - poorShare) * mean(ms.goodHandler)));
  const stage = (/** @type {number[]} */ values) => `p50 ${quantile(values, 0.5)} / p95 ${quantile(values, 0.95)} ms`;
  /** @type {{ stoppedAt: number, startedAgainAt: number } | null} */
  const fault = outage;
  const outageNote = fault
    ? [
        `fault: the run's broker was stopped ${((fault.stoppedAt - startedAt) / 1000).toFixed(1)} s into the offer and answered again ${((fault.startedAgainAt - fault.stoppedAt) / 1000).toFixed(1)} s later (BENCH_BROKER_OUTAGE_S=${OUTAGE_S}); the latencies include that wait`,
      ]
    : [];
  if (STAGES) {
    for (const [name, times] of relayTimes) {
      const sum = times.rows.reduce((total, n) => total + n, 0);
      process.stdout.write(
        `${name}: ${times.rounds.length} rounds with rows (${sum} rows, mean ${(sum / Math.max(1, times.rounds.length)).toFixed(0)}); round ${stage(times.rounds)}; publish ${stage(times.publishes)}; gap between rounds ${stage(times.gaps)}\n`,
      );
    }
    process.stdout.write(
      `development consumer: ${consumerTimes.batches.length} eachBatch calls ${stage(consumerTimes.batches)}; offset commit ${stage(consumerTimes.commits)}\n`,
    );
    process.stdout.write(`node CPU ${(((cpu.user + cpu.system) / 1000 / FLOWS) * 1000).toFixed(0)} µs per flow over the measured window\n`);
  }
  result = {
    machineReferenceMs: MACHINE_REFERENCE_MS,
    flows: FLOWS,
    throughputPerSec: Math.round((FLOWS - lost) / seconds),
    p50Ms: quantile(ms.commit, 0.5),
    p95Ms: quantile(ms.commit, 0.95),
    lost,
    duplicated: keys[0].total - keys[0].distinct_keys,
    at: new Date().toISOString(),
    notes: [
      `${FLOWS} performance.assessment.finalized (${poorFlows.length} poor → ${poorFlows.reduce((sum, flow) => sum + flow.expected, 0)} assignments expected, ${FLOWS - poorFlows.length} SANGAT_BAIK/BAIK → none; ${AGENCIES} agencies, one employee each, ~15% PPPK)`,
      `offered ${RATE}/s (a batch every 100 ms, offering took ${offeredSeconds.toFixed(1)} s) into a performance-side outbox_event (PostgreSQL 15) → OutboxRelay with performance's settings (defaults: batches of 500, woken by notify()) → Kafka 3.9 single node ${brokers.join(',')}, ${FRESH ? 'started by this run just before it (fresh)' : 'already running (warm)'} (${PARTITIONS} partitions, idempotent producer, acks=all) → the real development service (startService(developmentModule), KafkaTransport, its own database, default catalogue; consumer group renamed for the run and started at the topics' end, other runs' agencies skipped) → eachBatch: per partition batch (up to 500 messages) one Prisma interactive transaction (bulk claim, employee copies, catalogue, mapping overrides, [PPPK JP], assignments, audit, one outbox insert), offsets committed after it → development's relay publishes development.training.assigned`,
      ...outageNote,
      `setup (not measured): ${FLOWS} identity.employee.snapshot through the same path filled employee_copy in ${setupSeconds.toFixed(1)} s`,
      `latency = committed − occurredAt for poor flows, committed = development's consumer got back from the handler after COMMIT; the assignment rows' created_at (transaction start, CURRENT_TIMESTAMP) gives ${stage(ms.created)}; stages: outbox → relayed ${stage(ms.relayed)}, → in development's consumer ${stage(ms.received)}, handler ${stage(ms.handler)}; → development.training.assigned published ${stage(ms.assignedOut)}`,
      `development's consumer: ${PARTITIONS} partitions in parallel (partitionsConsumedConcurrently ${PARTITIONS}), each partition's fetched batch handled as one unit; ${batches.size} batches held our events (mean ${(deliveries.size / Math.max(1, batches.size)).toFixed(1)} finalized events a batch); batch handling p50/p95 ${stage(ms.handler)} (a batch's time, counted for each of its events); the per-event ceiling formula of the one-by-one consumer would say ≈ ${ceiling} flows/s, which batching lifts`,
      `throughput = flows completed / (last flow committed − first offered) = ${FLOWS - lost} / ${seconds.toFixed(2)} s, so it cannot exceed the offered ${RATE}/s; BENCH_RATE raises the offer`,
      `counted from development's database: ${totalAssignments} assignments (${awaiting} awaiting HR choice), ${outbox[0].total} development.training.assigned (${outbox[0].distinct_assignments} distinct, ${outbox[0].unpublished} unpublished); lost = ${missingPoor} poor without assignment + ${partialPoor} poor missing some + ${wronglyAssigned} good assigned + ${goodNeverConsumed} good never consumed; ${extra} extra assignments; ${redelivered} redeliveries`,
      `one Node process (bench, relay, development service: ${Math.round(nodeCpu * 100)}% of one core while the flows ran) on a ${cpus().length}-core machine (${Math.round(machineBusy * 100)}% busy meanwhile: Node, PostgreSQL, the Kafka JVM and others' test runs; of one core each: this Node process ${Math.round(nodeCpu * 100)}%, all PostgreSQL backends ${Math.round(shares.postgres * 100)}%, all Kafka JVMs ${Math.round(shares.java * 100)}% — every broker and database on the machine, others' included): load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before, ${loadAfter.map((l) => l.toFixed(2)).join('/')} after; node ${process.version}`,
    ].join('; '),
  };
} finally {
  await development?.stop().catch(() => undefined);
  await relay?.stop().catch(() => undefined);
  await developmentTransport.close();
  await performanceTransport.close();
  await devPool.end();
  await performance?.close();
  const groupsAdmin = kafka.admin();
  await groupsAdmin
    .connect()
    .then(() => groupsAdmin.deleteGroups(groups))
    .catch(() => undefined)
    .finally(() => groupsAdmin.disconnect());
  if (fresh) await stopExtraBroker(fresh.dataDir).catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS "${performanceDb}" WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS "${developmentDb}" WITH (FORCE)`);
  await admin.end();
}

// BENCH_OUT: where the result goes (default bench/results/flow.json); "-" prints it instead (small, exploratory runs).
const out = process.env.BENCH_OUT ?? join(repoRoot, 'bench', 'results', 'flow.json');
if (out === '-') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `flows ${result.flows}  throughput ${result.throughputPerSec}/s  p50 ${result.p50Ms} ms  p95 ${result.p95Ms} ms  lost ${result.lost}  duplicated ${result.duplicated}\n`,
);
process.exit(0);
