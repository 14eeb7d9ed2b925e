import { deadLetterTopicOf, EVENT_TYPES, topicOf } from '@kinerja/events';
import type { Logger } from '@kinerja/logger';
import type { Admin } from 'kafkajs';

import { withBrokerRetry } from './broker-retry';

/**
 * How long the topics keep their events (`retention.ms`, set when a topic is created; Kafka's
 * default too). The consumers' processed-event ids are kept longer (DEFAULT_EVENT_RETENTION_DAYS).
 */
export const TOPIC_RETENTION_DAYS = 7;

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/** Every topic of the catalogue and its dead-letter topic, created explicitly (auto-creation is off). */
export function catalogueTopics(): string[] {
  return EVENT_TYPES.flatMap((type) => [topicOf(type), deadLetterTopicOf(topicOf(type))]);
}

/**
 * Creates the catalogue's missing topics. Runs at start-up, possibly right after the broker did:
 * transient broker errors (and a broker not answering yet) are retried with backoff.
 */
export function ensureTopics(admin: Admin, settings: TopicSettings, logger?: Pick<Logger, 'warn'>): Promise<string[]> {
  return withBrokerRetry(() => createMissingTopics(admin, settings), { what: 'ensure topics', ...(logger ? { logger } : {}) });
}

async function createMissingTopics(admin: Admin, settings: TopicSettings): Promise<string[]> {
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = catalogueTopics().filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: [{ name: 'retention.ms', value: String(TOPIC_RETENTION_DAYS * 86_400_000) }],
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
