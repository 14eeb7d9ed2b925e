import { randomUUID } from 'node:crypto';

import { deadLetterTopicOf, type EventEnvelope, topicOf } from '@kinerja/events';
import { randomIds, systemClock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import {
  batchable,
  type BatchEventHandler,
  createBatchProcessor,
  deadLetterFor,
  ensureTopics,
  EventConsumer,
  type HandlerMap,
  KafkaTransport,
  toMessage,
} from '@kinerja/messaging';

import { kafkaClient, readTopic, startGroupAtEnd, testBrokers, topicEnds, waitFor } from '../../../test/support/kafka';
import { type MigratedTestDatabase, openMigratedTestDatabase } from '../../../test/support/service-database';
import { developmentEventHandlers, developmentModule } from '../src/development.module';
import { createPrismaClient, type DevelopmentPrisma } from '../src/infrastructure/prisma-client';
import { seedDefaultCatalogue } from '../src/seed/seed-default-catalogue';
import { assessmentFinalized, testEmployee } from './support/events';

const TYPE = 'performance.assessment.finalized';
const TOPIC = topicOf(TYPE);
type Finalized = EventEnvelope<typeof TYPE>;
const logger = createLogger({ name: 'batch-consumption-test', level: 'silent' });
const FAST_RETRY = { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 };

/** Whether the group has committed offsets up to the topic's end on every partition. */
async function caughtUp(groupId: string): Promise<boolean> {
  const admin = kafkaClient().admin();
  try {
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(TOPIC);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [TOPIC] });
    return ends.every(({ partition, high }) => committed?.partitions.find((p) => p.partition === partition)?.offset === high);
  } catch {
    return false;
  } finally {
    await admin.disconnect();
  }
}

/** Each event id → how many batches handed it to the batch handler, and the sizes of those batches. */
function countingBatches(handler: BatchEventHandler<typeof TYPE>) {
  const sizes: number[] = [];
  const seen = new Map<string, number>();
  const counted = batchable<typeof TYPE>(
    (event) => handler(event),
    async (events) => {
      sizes.push(events.length);
      for (const event of events) seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
      await handler.handleBatch(events);
    },
  );
  return { counted, sizes, seen };
}

describe('batch consumption on a real Kafka broker and PostgreSQL (development, performance.assessment.finalized)', () => {
  let migrated: MigratedTestDatabase;
  let prisma: DevelopmentPrisma;
  let finalized: BatchEventHandler<typeof TYPE>;
  const transports: KafkaTransport[] = [];
  const agencyId = randomUUID();

  const newTransport = () => {
    const transport = new KafkaTransport({ brokers: testBrokers(), clientId: `batch-${randomUUID().slice(0, 8)}`, logger, partitionsConsumedConcurrently: 3 });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    migrated = await openMigratedTestDatabase('batch', developmentModule.migrationsDir);
    prisma = createPrismaClient(migrated.database);
    await seedDefaultCatalogue(prisma);
    finalized = developmentEventHandlers(prisma, { ids: randomIds, clock: systemClock })[TYPE] as BatchEventHandler<typeof TYPE>;
    await ensureTopics(newTransport().admin, { partitions: 3, replicationFactor: 1 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(transports.map((transport) => transport.close()));
    await prisma?.$disconnect();
    await migrated?.close();
  });

  const poorEvents = (count: number): Finalized[] =>
    Array.from({ length: count }, () => assessmentFinalized(testEmployee(agencyId), { behaviourGaps: ['KOLABORATIF', 'AKUNTABEL'] }));

  /** Every event: exactly two assignments, two outbox rows and one claim. */
  async function expectExactlyOnce(events: readonly Finalized[]): Promise<void> {
    const ids = events.map((event) => event.id);
    const assignments = await prisma.trainingAssignment.groupBy({ by: ['sourceEventId'], where: { sourceEventId: { in: ids } }, _count: true });
    expect(new Map(assignments.map((row) => [row.sourceEventId, row._count]))).toEqual(new Map(ids.map((id) => [id, 2])));
    const employees = events.map((event) => event.payload.employeeId);
    expect(await prisma.outboxEvent.count({ where: { type: 'development.training.assigned', key: { in: employees } } })).toBe(2 * events.length);
    expect(await prisma.processedEvent.count({ where: { eventId: { in: ids } } })).toBe(events.length);
  }

  const effectsOf = (events: readonly Finalized[]) => prisma.trainingAssignment.count({ where: { sourceEventId: { in: events.map((event) => event.id) } } });

  it('isolates a poison event in the middle of a batch to the dead-letter topic; the events around it take effect once, and a redelivered batch changes nothing', async () => {
    const group = `batch-poison-${randomUUID()}`;
    await startGroupAtEnd(group, TOPIC);
    const { counted, sizes, seen } = countingBatches(finalized);
    const transport = newTransport();
    const consumer = new EventConsumer({ consumer: group, transport, logger, retry: FAST_RETRY, handlers: { [TYPE]: counted } as HandlerMap });
    const events = poorEvents(40);
    // PostgreSQL cannot store a NUL character: a valid event the handler can never write.
    const poison = assessmentFinalized(testEmployee(agencyId), { workResultGaps: [{ workResultId: randomUUID(), title: 'Laporan\u0000' }] });
    const all = [...events.slice(0, 20), poison, ...events.slice(20)];
    // One key: one partition, in this order, published before the consumer starts so that it comes as one fetch.
    const before = await topicEnds(TOPIC);
    await transport.publish(all.map((event) => toMessage(TOPIC, 'one-partition', event)));
    await consumer.start();
    try {
      await waitFor(async () => (await effectsOf(events)) === 80, 60_000, 'the 40 good events');
      const letters = await readTopic(deadLetterTopicOf(TOPIC), (records) => records.some((r) => r.headers['event-id'] === poison.id), 60_000);
      expect(letters.filter((record) => record.headers['event-id'] === poison.id).map((record) => record.headers['dlq-reason'])).toEqual([
        expect.stringMatching(/^HANDLER_FAILED after 2 attempts/),
      ]);
      expect(seen.get(poison.id)).toBe(1);
      expect(Math.max(...sizes)).toBeGreaterThan(1);
      await expectExactlyOnce(events);
      expect(await prisma.processedEvent.count({ where: { eventId: poison.id } })).toBe(0);
      await waitFor(() => caughtUp(group), 30_000, 'offsets committed');
    } finally {
      await consumer.stop();
    }

    // The same batch again, as after a rebalance: the group rewinds and reads it all once more.
    const admin = kafkaClient().admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(TOPIC);
    // Read after the offsets of before the publish: the shared broker's topic holds every earlier run's events.
    const partitionOf = (await readTopic(TOPIC, (records) => records.some((r) => r.headers['event-id'] === poison.id), 30_000, undefined, before)).find(
      (record) => record.headers['event-id'] === poison.id,
    )?.partition;
    const end = Number(ends.find(({ partition }) => partition === partitionOf)?.high);
    await admin.setOffsets({ groupId: group, topic: TOPIC, partitions: [{ partition: partitionOf ?? 0, offset: String(end - all.length) }] });
    await admin.disconnect();
    const again = new EventConsumer({ consumer: group, transport, logger, retry: FAST_RETRY, handlers: { [TYPE]: counted } as HandlerMap });
    await again.start();
    try {
      await waitFor(async () => (seen.get(events[39]?.id ?? '') ?? 0) >= 2, 60_000, 'the redelivered batch');
      await waitFor(() => caughtUp(group), 30_000, 'offsets committed again');
      await expectExactlyOnce(events);
    } finally {
      await again.stop();
    }
  }, 180_000);

  it('has one effect per event when the consumer dies after the batch committed and before its offset did', async () => {
    const group = `batch-crash-${randomUUID()}`;
    await startGroupAtEnd(group, TOPIC);
    const { counted, seen } = countingBatches(finalized);
    const transport = newTransport();
    const process = createBatchProcessor({
      consumer: group,
      handlers: { [TYPE]: counted } as HandlerMap,
      logger,
      retry: FAST_RETRY,
      publishDeadLetter: (message, reason) => transport.publish([deadLetterFor(message, group, reason)]),
    });
    let crashed = false;
    // The transport's batch handler as EventConsumer builds it, but the first batch's handling
    // "crashes" once its transaction has committed: the offset is never committed for it.
    const subscription = await transport.subscribe({
      groupId: group,
      topics: [TOPIC],
      handle: () => Promise.reject(new Error('not used: this transport reads batches')),
      handleBatch: async (messages, heartbeat) => {
        await process(messages, heartbeat);
        if (!crashed) {
          crashed = true;
          throw new Error('crash between the database commit and the offset commit');
        }
      },
    });
    const events = poorEvents(30);
    try {
      await transport.publish(events.map((event) => toMessage(TOPIC, 'crash-partition', event)));
      await waitFor(() => caughtUp(group), 90_000, 'offsets committed after the redelivery');
      expect(crashed).toBe(true);
      expect(Math.max(...events.map((event) => seen.get(event.id) ?? 0))).toBeGreaterThanOrEqual(2);
      await expectExactlyOnce(events);
    } finally {
      await subscription.stop();
    }
  }, 180_000);

  it('shares the partitions between two development replicas in one group, with no duplicate effect', async () => {
    const group = `batch-replicas-${randomUUID()}`;
    await startGroupAtEnd(group, TOPIC);
    const replicas = [countingBatches(finalized), countingBatches(finalized)];
    const consumers = replicas.map(
      ({ counted }) =>
        new EventConsumer({ consumer: group, transport: newTransport(), logger, retry: FAST_RETRY, handlers: { [TYPE]: counted } as HandlerMap }),
    );
    await Promise.all(consumers.map((consumer) => consumer.start()));
    try {
      await waitFor(async () => consumers.every((consumer) => consumer.isRunning()), 30_000, 'both replicas in the group');
      const events = poorEvents(300);
      // Keys spread the events over the three partitions.
      await transports[0]?.publish(events.map((event) => toMessage(TOPIC, event.payload.employeeId, event)));
      await waitFor(async () => (await effectsOf(events)) === 600, 90_000, 'all events handled');
      await waitFor(() => caughtUp(group), 30_000, 'offsets committed');
      await expectExactlyOnce(events);
      const ours = new Set(events.map((event) => event.id));
      const handledBy = replicas.map(({ seen }) => [...seen.keys()].filter((id) => ours.has(id)).length);
      expect(handledBy.every((count) => count > 0)).toBe(true);
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    }
  }, 180_000);
});
