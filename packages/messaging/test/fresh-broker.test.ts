import { randomUUID } from 'node:crypto';

import { createEnvelope, topicOf } from '@kinerja/events';

import { capturingLogger } from '../../../test/support/capturing-logger';
import { type FreshBroker, freshBrokerPort, startFreshBroker } from '../../../test/support/fresh-broker';
import { ensureTopics, EventConsumer, KafkaTransport, toMessage } from '../src';

const EVENTS = 30;

function registered(agencyId: string) {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.registered',
    agencyId,
    producer: 'identity',
    payload: {
      employeeId: randomUUID(),
      nip: '198609262015051001',
      name: 'Budi',
      agencyId,
      orgUnitId: agencyId,
      positionId: null,
      supervisorEmployeeId: null,
      employmentType: 'PNS',
    },
  });
}

// ENVIRONMENT.md (checked 2026-12-07): a just-formatted broker answers the first calls on a new
// topic or group with NOT_LEADER_FOR_PARTITION and "coordinator is loading" for a few seconds.
// Here the service's calls begin while the broker is still starting, as after a joint start-up.
describe('a broker started a moment ago, used at once', () => {
  const port = freshBrokerPort();
  let starting: Promise<FreshBroker> | undefined;

  afterAll(async () => {
    await (await starting?.catch(() => undefined))?.stop();
  }, 60_000);

  it('creates the topics, publishes and consumes every event once, with no failure', async () => {
    const { logger, lines } = capturingLogger();
    const transport = new KafkaTransport({ brokers: [`127.0.0.1:${port}`], clientId: 'fresh-broker-test', logger });
    const handled: string[] = [];
    const consumer = new EventConsumer({
      consumer: 'fresh-broker-test',
      transport,
      logger,
      handlers: { 'identity.employee.registered': async (event) => void handled.push(event.id) },
    });
    try {
      starting = startFreshBroker(port);
      const created = await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 }, logger);
      expect(created).toContain('identity.employee.registered');
      expect((await starting).brokers).toEqual([`127.0.0.1:${port}`]);
      const agencyId = randomUUID();
      const events = Array.from({ length: EVENTS }, () => registered(agencyId));
      // Publish first, then join: both meet the broker's first seconds.
      await transport.publish(events.map((event) => toMessage(topicOf(event.type), event.payload.employeeId, event)));
      await consumer.start();
      const deadline = Date.now() + 60_000;
      while (new Set(handled).size < EVENTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

      // Every event was consumed. Delivery is at least once: a rebalance in the broker's first
      // seconds may hand a partition over before its offsets were committed, so a message can come
      // twice (the services' handlers claim each event id once: handleEventOnce).
      expect([...new Set(handled)].sort()).toEqual(events.map((event) => event.id).sort());
      // The topic holds every event. Not necessarily once: the client's own retries are idempotent,
      // but a publish that the broker's first seconds fail is sent again whole, by a new producer
      // (withBrokerRetry), and what of it had landed lands twice — as with the outbox relay, delivery
      // is at least once and the consumers' claims make the effect once.
      const admin = transport.admin;
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(topicOf('identity.employee.registered')).finally(() => admin.disconnect());
      expect(offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0)).toBeGreaterThanOrEqual(EVENTS);
      // KafkaJS logs its own inner retries at error level; ours are warnings. A consumer crash or a
      // dead letter would be one of ours.
      expect(lines.filter((line) => line.level >= 50 && line['component'] !== 'kafkajs')).toEqual([]);
      expect(lines.filter((line) => /dead-lettered/.test(line.msg))).toEqual([]);
      // The start-up really met a broker that was not there yet, and waited for it.
      expect(lines.some((line) => line.msg === 'ensure topics: broker not ready, retrying')).toBe(true);
    } finally {
      await consumer.stop();
      await transport.close();
    }
  }, 180_000);
});
