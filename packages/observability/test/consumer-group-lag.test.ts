import { randomUUID } from 'node:crypto';

import { topicOf } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { ensureTopics, EventConsumer, KafkaTransport, toMessage } from '@kinerja/messaging';
import { createMetrics } from '@kinerja/observability';

import { employeeSnapshot, testEmployee } from '../../../test/support/employee-events';
import { startGroupAtEnd, testBrokers, waitFor } from '../../../test/support/kafka';

const logger = createLogger({ name: 'lag-test', level: 'silent' });
const TYPE = 'identity.employee.snapshot';
const TOPIC = topicOf(TYPE);

describe('consumer_group_lag on a real Kafka broker', () => {
  const transport = new KafkaTransport({ brokers: testBrokers(), clientId: `lag-${randomUUID().slice(0, 8)}`, logger });
  afterAll(() => transport.close());

  it('shows a stuck group’s uncommitted messages on their partition, and 0 once they are handled', async () => {
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    const group = `lag-test-${randomUUID()}`;
    await startGroupAtEnd(group, TOPIC);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const consumer = new EventConsumer({ consumer: group, transport, logger, handlers: { [TYPE]: () => gate } });
    const metrics = createMetrics();
    metrics.addSources('lagging', { consumer });
    await consumer.start();
    try {
      const employee = testEmployee(randomUUID()); // one key: all five on one partition
      await transport.publish(Array.from({ length: 5 }, () => toMessage(TOPIC, employee.employeeId, employeeSnapshot(employee, 'ACTIVE'))));
      const series = (lag: number) =>
        new RegExp(`^consumer_group_lag\\{service="lagging",group="${group}",topic="${TOPIC.replace(/\./g, '\\.')}",partition="\\d+"\\} ${lag}$`, 'm');

      // The handler holds the first message: nothing of the five is committed.
      await waitFor(async () => series(5).test((await metrics.scrape()).body), 30_000, 'a lag of 5 on the partition');
      release();
      await waitFor(async () => !/ [1-9]\d*$/m.test(lagLines((await metrics.scrape()).body, group)), 30_000, 'the lag to reach 0');
      // Every partition of the topic has its series (benchmarks may have grown the topic past 3).
      expect(lagLines((await metrics.scrape()).body, group).split('\n').length).toBeGreaterThanOrEqual(3);
    } finally {
      release();
      await consumer.stop();
    }
  }, 90_000);
});

const lagLines = (body: string, group: string) =>
  body
    .split('\n')
    .filter((line) => line.startsWith('consumer_group_lag{') && line.includes(`group="${group}"`))
    .join('\n');
