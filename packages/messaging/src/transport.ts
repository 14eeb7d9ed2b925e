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

export interface Subscription {
  /** Stops fetching, waits for the message in hand, commits and leaves the group. */
  stop(): Promise<void>;
  isRunning(): boolean;
  /** Messages not yet consumed across the assigned partitions, when the transport knows it. */
  lag?(): number | undefined;
  /** The group's uncommitted messages per partition, read from the broker (Kafka only). */
  lagByPartition?(): Promise<PartitionLag[]>;
}

/** Kafka in production and tests; an in-process bus for the embedded mode. Same code path above it. */
export interface Transport {
  readonly kind: 'kafka' | 'in-process';
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: { groupId: string; topics: readonly string[]; handle: MessageHandler }): Promise<Subscription>;
  close(): Promise<void>;
}
