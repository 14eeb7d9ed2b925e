import { deadLetterTopicOf, type EventEnvelope, type EventType, InvalidEventError, parseEnvelope } from '@kinerja/events';
import type { Logger } from '@kinerja/logger';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import type { PartitionLag } from './consumer-lag';
import type { IncomingMessage, Subscription, Transport } from './transport';

export type EventHandler<T extends EventType = EventType> = (event: EventEnvelope<T>) => Promise<void>;
export type HandlerMap = { [T in EventType]?: EventHandler<T> };

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

/**
 * How far in the future an event's `occurredAt` may lie before it is doubted. Clocks of the
 * services' hosts drift by seconds, not minutes; an event dated later than that would win over
 * every true event until its date, so it is dead-lettered rather than believed.
 */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type Outcome = 'handled' | 'ignored' | 'dead-lettered';

export interface ProcessorOptions {
  /** The consuming service, recorded in dead letters. */
  consumer: string;
  handlers: HandlerMap;
  publishDeadLetter: (message: IncomingMessage, reason: string) => Promise<void>;
  logger: Logger;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** See DEFAULT_MAX_CLOCK_SKEW_MS. */
  maxClockSkewMs?: number;
  now?: () => number;
}

const tracer = trace.getTracer('@kinerja/messaging');
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Handles one message: validates it against the catalogue, runs its handler with retries and
 * backoff, and dead-letters what is invalid or keeps failing — so a poison message never blocks
 * its partition. It never throws: whatever it returns, the offset may be committed.
 */
export function createMessageProcessor(options: ProcessorOptions): (message: IncomingMessage) => Promise<Outcome> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? defaultSleep;
  const maxClockSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const now = options.now ?? Date.now;
  return async (message) => {
    const parent = propagation.extract(context.active(), message.headers);
    const link = trace.getSpanContext(parent);
    return tracer.startActiveSpan(
      `${message.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        links: link ? [{ context: link }] : [],
        attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': message.topic, 'messaging.kafka.offset': message.offset },
      },
      async (span) => {
        try {
          let event: EventEnvelope;
          try {
            event = parseEnvelope(message.value);
          } catch (error) {
            const reason = error instanceof InvalidEventError ? `INVALID_EVENT: ${error.message}` : `INVALID_EVENT: ${String(error)}`;
            await options.publishDeadLetter(message, reason);
            options.logger.warn({ topic: message.topic, offset: message.offset, reason }, 'invalid event dead-lettered');
            return 'dead-lettered';
          }
          span.setAttribute('messaging.message.id', event.id);
          const handler = options.handlers[event.type] as EventHandler | undefined;
          if (!handler) return 'ignored';
          const aheadMs = Date.parse(event.occurredAt) - now();
          if (aheadMs > maxClockSkewMs) {
            const reason = `FUTURE_EVENT: occurredAt ${event.occurredAt} is ${Math.round(aheadMs / 1000)} s ahead of this consumer's clock (at most ${maxClockSkewMs / 1000} s allowed)`;
            await options.publishDeadLetter(message, reason);
            options.logger.warn({ eventId: event.id, type: event.type, reason }, 'future-dated event dead-lettered');
            span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
            return 'dead-lettered';
          }
          let lastError: unknown;
          for (let attempt = 1; attempt <= retry.attempts; attempt += 1) {
            try {
              await handler(event);
              return 'handled';
            } catch (error) {
              lastError = error;
              options.logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handler failed');
              if (attempt < retry.attempts) await sleep(Math.min(retry.initialDelayMs * 2 ** (attempt - 1), retry.maxDelayMs));
            }
          }
          const reason = `HANDLER_FAILED after ${retry.attempts} attempts: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
          await options.publishDeadLetter(message, reason);
          options.logger.error({ eventId: event.id, type: event.type, reason }, 'event dead-lettered');
          span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
          return 'dead-lettered';
        } finally {
          span.end();
        }
      },
    );
  };
}

/** The dead letter keeps the original value and headers, and adds why and where it failed. */
export function deadLetterFor(message: IncomingMessage, consumer: string, reason: string) {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      'dlq-reason': reason.slice(0, 2000),
      'dlq-consumer': consumer,
      'dlq-original-topic': message.topic,
      'dlq-original-partition': String(message.partition),
      'dlq-original-offset': message.offset,
      'dlq-failed-at': new Date().toISOString(),
    },
  };
}

export interface EventConsumerOptions {
  consumer: string;
  transport: Transport;
  handlers: HandlerMap;
  logger: Logger;
  retry?: RetryPolicy;
  /** See DEFAULT_MAX_CLOCK_SKEW_MS. */
  maxClockSkewMs?: number;
}

/** One consumer group per service, subscribed to the topics it has handlers for. */
export class EventConsumer {
  private subscription: Subscription | null = null;

  constructor(private readonly options: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { consumer, transport, handlers, logger } = this.options;
    const process = createMessageProcessor({
      consumer,
      handlers,
      logger,
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      ...(this.options.maxClockSkewMs !== undefined ? { maxClockSkewMs: this.options.maxClockSkewMs } : {}),
      publishDeadLetter: (message, reason) => transport.publish([deadLetterFor(message, consumer, reason)]),
    });
    this.subscription = await transport.subscribe({
      groupId: consumer,
      topics: Object.keys(handlers),
      handle: async (message) => {
        await process(message);
      },
    });
  }

  isRunning(): boolean {
    return this.subscription?.isRunning() ?? false;
  }

  /** The consumer group: one per service, named after it. */
  get group(): string {
    return this.options.consumer;
  }

  /** The group's uncommitted messages per partition, from the broker (Kafka only; undefined when not started). */
  lagByPartition(): Promise<PartitionLag[]> | undefined {
    return this.subscription?.lagByPartition?.();
  }

  /** Messages behind on the subscribed topics (Kafka only; undefined before the first batch). */
  lag(): number | undefined {
    return this.subscription?.lag?.();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }
}
