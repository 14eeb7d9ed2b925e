import type { Logger } from '@kinerja/logger';

import { InProcessTransport } from './in-process.transport';
import { KafkaTransport } from './kafka.transport';
import type { KafkaConnectionSecurity } from './kafka-client-options';
import { ensureTopics, type TopicSettings } from './topics';
import type { Transport } from './transport';

/**
 * Kafka when brokers are configured (topics created from the catalogue first); otherwise an
 * in-process transport, which only reaches consumers in the same process (the embedded mode).
 */
export async function transportFromConfig(options: {
  brokers: readonly string[] | undefined;
  clientId: string;
  logger: Logger;
  topics: TopicSettings;
  security?: KafkaConnectionSecurity;
  /** Most messages of one partition handed to a batch handler at once (KafkaTransport's maxBatchSize). */
  maxBatchSize?: number;
}): Promise<Transport> {
  if (!options.brokers || options.brokers.length === 0) {
    options.logger.info('no KAFKA_BROKERS: events go through the in-process transport');
    return new InProcessTransport();
  }
  const transport = new KafkaTransport({
    brokers: options.brokers,
    clientId: options.clientId,
    logger: options.logger,
    ...(options.security ? { security: options.security } : {}),
    ...(options.maxBatchSize ? { maxBatchSize: options.maxBatchSize } : {}),
    // One partition of every topic per slot: a group's pod can work all it is assigned at once.
    partitionsConsumedConcurrently: options.topics.partitions,
  });
  const created = await ensureTopics(transport.admin, options.topics, options.logger);
  if (created.length > 0) options.logger.info({ created }, 'created Kafka topics');
  return transport;
}
