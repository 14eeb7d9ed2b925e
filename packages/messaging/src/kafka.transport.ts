import type { Logger } from '@kinerja/logger';
import { type Admin, type Consumer, type EachBatchPayload, Kafka, type KafkaMessage, logLevel, Partitioners, type Producer } from 'kafkajs';

import { withBrokerRetry } from './broker-retry';
import { groupLag } from './consumer-lag';
import { type KafkaConnectionSecurity, kafkaSecurityOptions } from './kafka-client-options';
import type { BatchMessageHandler, IncomingMessage, OutgoingMessage, SubscribeOptions, Subscription, Transport } from './transport';

export interface KafkaTransportOptions {
  brokers: readonly string[];
  clientId: string;
  logger: Logger;
  /**
   * Partitions a consumer handles at once (each still strictly in order). Event handling is bound
   * by database round trips, not CPU, so it scales with this up to the topics' partition count.
   */
  partitionsConsumedConcurrently?: number;
  /** SASL/SCRAM and TLS when the broker asks for them; unset = plaintext, no authentication. */
  security?: KafkaConnectionSecurity;
  /**
   * Most messages of one partition handed to a batch handler at once (one database transaction).
   * A fetch may bring more; they are handled in slices of this size, each committed after its own.
   */
  maxBatchSize?: number;
}

const DEFAULT_MAX_BATCH_SIZE = 500;

/**
 * KafkaJS with an idempotent producer (acks from all in-sync replicas, no duplicates on retry)
 * and consumers that commit an offset only after its message was handled.
 */
export class KafkaTransport implements Transport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;
  private readonly consumers = new Set<Consumer>();
  /** Kept connected for the lag metric, which is read on every scrape. */
  private lagAdmin: Promise<Admin> | null = null;

  constructor(private readonly options: KafkaTransportOptions) {
    const log = options.logger.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ...kafkaSecurityOptions(options.security),
      connectionTimeout: 3000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => {
        const { message, ...extra } = entry.log;
        // Retries are bounded on purpose: a failed publish leaves the rows in the outbox for the
        // relay's next attempt (at least once, and consumers are idempotent).
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        if (entry.level <= logLevel.ERROR) log.error(extra, message);
        else log.warn(extra, message);
      },
    });
  }

  get admin() {
    return this.kafka.admin();
  }

  private connectedAdmin(): Promise<Admin> {
    this.lagAdmin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.lagAdmin = null;
      throw error;
    });
    return this.lagAdmin;
  }

  private connectedProducer(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    // Publishes that overlap (the relay, dead letters from partitions consumed concurrently) share
    // one connection attempt: each making its own producer would leave all but one connected.
    this.connecting ??= this.connectProducer().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
    } catch (error) {
      // A connection to the broker may be open even though the producer id was refused.
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    producer.on(producer.events.DISCONNECT, () => {
      if (this.producer === producer) this.producer = null;
    });
    this.producer = producer;
    return producer;
  }

  /** Whether a producer is connected now (prepared, or left by an earlier publish). */
  get producerConnected(): boolean {
    return this.producer !== null;
  }

  async prepare(): Promise<void> {
    try {
      // Connecting an idempotent producer also asks the broker for its producer id, which a broker
      // that has just started may answer with "coordinator loading" for a while: waited out here,
      // not by the first events.
      await withBrokerRetry(() => this.connectedProducer(), { what: 'connect producer', logger: this.options.logger, attempts: 6, whileUnreachable: false });
    } catch (error) {
      this.options.logger.warn({ err: error }, 'producer not connected ahead of the first publish; the first publish connects it');
    }
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const batch = byTopic.get(message.topic);
      if (batch) batch.push(message);
      else byTopic.set(message.topic, [message]);
    }
    const topicMessages = [...byTopic].map(([topic, batch]) => ({
      topic,
      messages: batch.map(({ key, value, headers }) => ({ key, value, headers: keepingCreationContext(headers) })),
    }));
    // A broker that is up but not ready (coordinator loading, leadership moving) is waited out here;
    // one that is down fails at once, and the outbox relay retries on its own backoff.
    await withBrokerRetry(() => this.send(topicMessages), { what: 'publish', logger: this.options.logger, attempts: 6, whileUnreachable: false });
  }

  private async send(topicMessages: Parameters<Producer['sendBatch']>[0]['topicMessages']): Promise<void> {
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({ acks: -1, topicMessages });
    } catch (error) {
      // Drop the producer so the next attempt reconnects; the outbox rows stay unpublished.
      const producer = this.producer;
      this.producer = null;
      await producer?.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      // Joining a group on a broker that has just started meets "coordinator is loading" for a few
      // seconds: a longer (still bounded, about 10 s) backoff than the client's rides it out instead
      // of crashing and restarting; kept short enough that a real outage still shows in readiness.
      retry: { retries: 6, initialRetryTime: 300, maxRetryTime: 3000 },
    });
    let running = false;
    // Messages behind the end of each partition after the last batch handled (KafkaJS reports it per batch).
    const lag = new Map<string, number>();
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => lag.set(`${payload.topic}:${payload.partition}`, Number(payload.offsetLag)));
    consumer.on(consumer.events.CRASH, (event) => {
      running = false;
      this.options.logger.error({ err: event.payload.error, groupId: options.groupId, restart: event.payload.restart }, 'consumer crashed');
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      running = true;
      lag.clear();
    });
    consumer.on(consumer.events.STOP, () => (running = false));
    await withBrokerRetry(
      async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
      },
      { what: `subscribe ${options.groupId}`, logger: this.options.logger },
    );
    if (options.handleBatch) {
      const handleBatch = options.handleBatch;
      // Offsets are committed by hand, only after the batch handler resolved, i.e. after the
      // batch's transaction committed (or its poison events were dead-lettered): never before. A
      // crash in between redelivers the batch, whose claims are already there, so nothing happens
      // twice. Partitions are consumed concurrently; one partition's messages (one key's) stay in order.
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.consumeBatch(payload, handleBatch),
      });
    } else {
      // KafkaJS commits only offsets whose eachMessage has resolved, i.e. after the handler's effects
      // committed; batching the commits (every 100 messages or second, and on stop) keeps throughput.
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 1000,
        autoCommitThreshold: 100,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachMessage: async ({ topic, partition, message }) => options.handle(incoming(topic, partition, message)),
      });
    }
    this.consumers.add(consumer);
    return {
      isRunning: () => running,
      lag: () => (lag.size === 0 ? undefined : [...lag.values()].reduce((sum, behind) => sum + Math.max(0, behind), 0)),
      lagByPartition: async () => groupLag(await this.connectedAdmin(), options.groupId, options.topics),
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
        running = false;
      },
    };
  }

  /** One fetched batch of a partition, in slices: each slice handled, then its offset committed. */
  private async consumeBatch(payload: EachBatchPayload, handleBatch: BatchMessageHandler): Promise<void> {
    const { batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale } = payload;
    const messages = batch.messages.map((message) => incoming(batch.topic, batch.partition, message));
    const size = this.options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    for (let start = 0; start < messages.length; start += size) {
      // Stopping, or the partition moved to another member: leave the rest uncommitted for whoever reads next.
      if (!isRunning() || isStale()) return;
      const slice = messages.slice(start, start + size);
      await handleBatch(slice, heartbeat);
      const last = (slice[slice.length - 1] as IncomingMessage).offset;
      resolveOffset(last);
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(BigInt(last) + 1n) }] }] });
      await heartbeat();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect().catch(() => undefined)));
    this.consumers.clear();
    const lagAdmin = this.lagAdmin;
    this.lagAdmin = null;
    await lagAdmin?.then((admin) => admin.disconnect()).catch(() => undefined);
    await this.connecting?.catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
  }
}

function incoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([key, value]) => [key, value?.toString() ?? '']));
  return { topic, partition, offset: message.offset, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers };
}

/**
 * An event's `traceparent` header is the context it was created in (the request that wrote the
 * outbox row), so the consumer's work joins that trace. KafkaJS instrumentation would replace it
 * by the context of its send span, which belongs to the relay's work; here that write is ignored
 * (the send span links to the creation context instead, see @kinerja/observability).
 */
function keepingCreationContext(headers: Record<string, string>): Record<string, string> {
  const traceparent = headers['traceparent'];
  if (!traceparent) return headers;
  const kept = { ...headers };
  Object.defineProperty(kept, 'traceparent', { enumerable: true, get: () => traceparent, set: () => undefined });
  return kept;
}
