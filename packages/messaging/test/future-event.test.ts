import { randomUUID } from 'node:crypto';

import { deadLetterTopicOf, topicOf } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';

import { employeeRegistered, testEmployee } from '../../../test/support/employee-events';
import { readTopic, startGroupAtEnd, testBrokers } from '../../../test/support/kafka';
import { ensureTopics, EventConsumer, KafkaTransport, toMessage } from '../src';

const logger = createLogger({ name: 'future-event-test', level: 'silent' });
const TYPE = 'identity.employee.registered';

describe('a future-dated event on a real Kafka broker', () => {
  const transport = new KafkaTransport({ brokers: testBrokers(), clientId: `future-${randomUUID().slice(0, 8)}`, logger });

  afterAll(() => transport.close());

  it('goes to the dead-letter topic with the reason and never reaches the handler; a true event behind it does', async () => {
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    const group = `future-test-${randomUUID()}`;
    await startGroupAtEnd(group, topicOf(TYPE));
    const handled: string[] = [];
    const consumer = new EventConsumer({ consumer: group, transport, logger, handlers: { [TYPE]: async (event) => void handled.push(event.id) } });
    await consumer.start();
    try {
      const forged = employeeRegistered(testEmployee(randomUUID()), new Date(Date.now() + 3_600_000));
      const honest = employeeRegistered(testEmployee(randomUUID()), new Date());
      // One key: the honest event is behind the forged one in the same partition.
      await transport.publish([forged, honest].map((event) => toMessage(topicOf(TYPE), 'same-employee', event)));

      const letters = await readTopic(deadLetterTopicOf(topicOf(TYPE)), (records) => records.some((r) => r.headers['event-id'] === forged.id), 60_000);
      const letter = letters.find((record) => record.headers['event-id'] === forged.id);
      expect(letter?.headers['dlq-reason']).toMatch(/^FUTURE_EVENT: occurredAt \S+ is \d+ s ahead of this consumer's clock \(at most 300 s allowed\)$/);
      expect(letter?.headers['dlq-consumer']).toBe(group);

      const deadline = Date.now() + 30_000;
      while (!handled.includes(honest.id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(handled).toEqual([honest.id]);
    } finally {
      await consumer.stop();
    }
  }, 120_000);
});
