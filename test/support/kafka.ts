import { randomUUID } from 'node:crypto';

import { withBrokerRetry } from '@kinerja/messaging';
import { Kafka, logLevel } from 'kafkajs';

export const testBrokers = (): string[] => (process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

export function kafkaClient(brokers = testBrokers()): Kafka {
  return new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
}

export interface TopicRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
  partition: number;
}

/** Each partition's next offset now: what `readTopic(…, since)` reads after (a shared broker's topics grow long). */
export async function topicEnds(topic: string, brokers = testBrokers()): Promise<Record<number, string>> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    return Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((partition) => [partition.partition, partition.high]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic with a throwaway group until `enough` says so (or the timeout): from the beginning,
 * or from the offsets of `since` (topicEnds taken before the action) on the partitions it names.
 */
export async function readTopic(
  topic: string,
  enough: (records: TopicRecord[]) => boolean,
  timeoutMs = 20_000,
  brokers = testBrokers(),
  since?: Record<number, string>,
): Promise<TopicRecord[]> {
  const consumer = kafkaClient(brokers).consumer({ groupId: `reader-${randomUUID()}` });
  const records: TopicRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      records.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
        partition,
      });
      if (enough(records)) done();
    },
  });
  for (const [partition, offset] of Object.entries(since ?? {})) consumer.seek({ topic, partition: Number(partition), offset });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  await consumer.disconnect();
  return records;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new group would replay the shared broker's whole topic: start it at the topic's end. */
export function startGroupAtEnd(groupId: string, topic: string): Promise<void> {
  return withBrokerRetry(
    async () => {
      const admin = kafkaClient().admin();
      await admin.connect();
      try {
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
      } finally {
        await admin.disconnect();
      }
    },
    { what: 'start group at end' },
  );
}
