import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages in the partition the group has not committed yet. */
  lag: number;
}

/**
 * A group's lag per partition as the broker sees it: high watermark minus committed offset (the
 * low watermark when the group has committed nothing yet, as it starts from the beginning). Read
 * from the broker rather than from the consumer's last batch, so it keeps growing while the
 * consumer is stuck or crashed, which is when the people on call need it.
 */
export async function groupLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics: [...topics] }),
    Promise.all(topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))),
  ]);
  const committedAt = new Map(
    committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => [`${topic}:${partition}`, Number(offset)])),
  );
  return ends.flatMap(({ topic, partitions }) =>
    partitions.map(({ partition, high, low }) => {
      const offset = committedAt.get(`${topic}:${partition}`) ?? -1;
      return { topic, partition, lag: Math.max(0, Number(high) - (offset < 0 ? Number(low) : offset)) };
    }),
  );
}
