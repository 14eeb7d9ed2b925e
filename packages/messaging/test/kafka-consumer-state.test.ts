import { randomUUID } from 'node:crypto';

import { createLogger } from '@kinerja/logger';

import { testBrokers } from '../../../test/support/kafka';
import { EventConsumer, KafkaTransport } from '../src';

const logger = createLogger({ name: 'consumer-state-test', level: 'silent' });

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Readiness (`/readyz`) reports `consumer.isRunning()`: it must follow the consumer group's real state.
describe('EventConsumer state on a real Kafka broker', () => {
  const transport = new KafkaTransport({ brokers: testBrokers(), clientId: `state-${randomUUID().slice(0, 8)}`, logger });

  afterAll(() => transport.close());

  it('is not running before it has joined its group, running once it has, and not running after stop', async () => {
    const consumer = new EventConsumer({
      consumer: `state-test-${randomUUID()}`,
      transport,
      logger,
      handlers: { 'identity.employee.snapshot': async () => undefined },
    });
    expect(consumer.isRunning()).toBe(false);
    await consumer.start();
    await until(() => consumer.isRunning(), 'the group to form');
    await consumer.stop();
    expect(consumer.isRunning()).toBe(false);
  });
});
