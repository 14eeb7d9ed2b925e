// @ts-check
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { repoRoot } from '../scripts/lib/paths.mjs';

const require = createRequire(import.meta.url);
const { withBrokerRetry } = require(join(repoRoot, 'packages/messaging/dist/index.js'));

/**
 * The local broker's topics outlive bench runs and may have been created with fewer partitions
 * than a run asks for: grow them (Kafka never shrinks a topic). Returns the partition count of
 * each topic afterwards. Only for the benchmarks' local broker: on a shared cluster, growing a
 * topic moves keys to other partitions, which is an operator's decision.
 *
 * @param {import('kafkajs').Admin} admin
 * @param {readonly string[]} topics
 * @param {number} count
 */
export function growPartitions(admin, topics, count) {
  return withBrokerRetry(() => growing(admin, topics, count), { what: 'grow partitions' });
}

/**
 * @param {import('kafkajs').Admin} admin
 * @param {readonly string[]} topics
 * @param {number} count
 * @returns {Promise<Record<string, number>>}
 */
async function growing(admin, topics, count) {
  await admin.connect();
  try {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
    const short = metadata.filter((topic) => topic.partitions.length < count);
    if (short.length > 0) await admin.createPartitions({ topicPartitions: short.map(({ name }) => ({ topic: name, count })) });
    return Object.fromEntries(metadata.map((topic) => [topic.name, Math.max(count, topic.partitions.length)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * A fresh consumer group would read the local broker's topics from the beginning, replaying every
 * earlier run's events before this run's: start the group at the topics' current end instead.
 *
 * @param {import('kafkajs').Admin} admin
 * @param {string} groupId a group with no members yet
 * @param {readonly string[]} topics
 */
export function startGroupAtEnd(admin, groupId, topics) {
  // ListOffsets is what met NOT_LEADER_FOR_PARTITION right after a fresh broker start (ENVIRONMENT.md).
  return withBrokerRetry(() => settingOffsetsAtEnd(admin, groupId, topics), { what: 'start group at end' });
}

/**
 * @param {import('kafkajs').Admin} admin
 * @param {string} groupId
 * @param {readonly string[]} topics
 */
async function settingOffsetsAtEnd(admin, groupId, topics) {
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}
