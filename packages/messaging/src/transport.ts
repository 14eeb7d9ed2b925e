import type { PartitionLag } from './consumer-lag';

/** A message as it travels: the serialized envelope plus headers for routing and traces. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage extends OutgoingMessage {
  partition: number;
  offset: string;
}

/** Handles one message; it resolves when the message may be committed. */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/**
 * Handles consecutive messages of one partition, in order; it resolves when all of them may be
 * committed (their effects committed, or dead-lettered). `heartbeat` keeps the group membership
 * alive while a long batch is handled.
 */
export type BatchMessageHandler = (messages: readonly IncomingMessage[], heartbeat: () => Promise<void>) => Promise<void>;

export interface Subscription {
  /** Stops fetching, waits for the message in hand, commits and leaves the group. */
  stop(): Promise<void>;
  isRunning(): boolean;
  /** Messages not yet consumed across the assigned partitions, when the transport knows it. */
  lag?(): number | undefined;
  /** The group's uncommitted messages per partition, read from the broker (Kafka only). */
  lagByPartition?(): Promise<PartitionLag[]>;
}

export interface SubscribeOptions {
  groupId: string;
  topics: readonly string[];
  handle: MessageHandler;
  handleBatch?: BatchMessageHandler;
}

/** Kafka in production and tests; an in-process bus for the embedded mode. Same code path above it. */
export interface Transport {
  readonly kind: 'kafka' | 'in-process';
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Opens what the first publish would otherwise open on its way (Kafka: the producer's connection
   * and its producer id), so the first events after a start do not wait for it. Never throws: a
   * broker that cannot be reached now is met again by the first publish.
   */
  prepare?(): Promise<void>;
  /** A transport that reads batches (Kafka) hands them to `handleBatch` when given; otherwise each message to `handle`. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
