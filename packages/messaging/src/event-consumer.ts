import { deadLetterTopicOf, type EventEnvelope, type EventType, InvalidEventError, parseEnvelope } from '@kinerja/events';
import type { Logger } from '@kinerja/logger';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import type { PartitionLag } from './consumer-lag';
import { EventRejectedError } from './event-rejection';
import type { IncomingMessage, Subscription, Transport } from './transport';

export type EventHandler<T extends EventType = EventType> = (event: EventEnvelope<T>) => Promise<void>;

/**
 * A handler that also takes consecutive events of one partition at once (`handleBatch`), as one
 * unit of work: one transaction that claims them all, reads and writes set-wise and writes one
 * outbox insert — all of them take effect or none. Called as a function it handles one event, as
 * any handler: that form isolates a poison event when its batch fails. Build one with `batchable`.
 */
export type BatchEventHandler<T extends EventType = EventType> = EventHandler<T> & {
  handleBatch(events: readonly EventEnvelope<T>[]): Promise<void>;
};

export type HandlerMap = { [T in EventType]?: EventHandler<T> | BatchEventHandler<T> };

/** A handler with a batch form; the single form handles one event (and is the fallback for a failed batch). */
export function batchable<T extends EventType>(
  handle: EventHandler<T>,
  handleBatch: (events: readonly EventEnvelope<T>[]) => Promise<void>,
): BatchEventHandler<T> {
  return Object.assign((event: EventEnvelope<T>) => handle(event), { handleBatch });
}

function isBatchable(handler: EventHandler): handler is BatchEventHandler {
  return typeof (handler as Partial<BatchEventHandler>).handleBatch === 'function';
}

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

/** A message that passed the checks and has a handler. */
interface Admitted {
  message: IncomingMessage;
  event: EventEnvelope;
  handler: EventHandler;
}

/** The steps shared by the one-message and the batch processors. */
function processingSteps(options: ProcessorOptions) {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? defaultSleep;
  const maxClockSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const now = options.now ?? Date.now;

  /** Validates against the catalogue and the clock; dead-letters what fails. */
  async function admit(message: IncomingMessage): Promise<Admitted | 'ignored' | 'dead-lettered'> {
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value);
    } catch (error) {
      const reason = error instanceof InvalidEventError ? `INVALID_EVENT: ${error.message}` : `INVALID_EVENT: ${String(error)}`;
      await options.publishDeadLetter(message, reason);
      options.logger.warn({ topic: message.topic, offset: message.offset, reason }, 'invalid event dead-lettered');
      return 'dead-lettered';
    }
    const handler = options.handlers[event.type] as EventHandler | undefined;
    if (!handler) return 'ignored';
    const aheadMs = Date.parse(event.occurredAt) - now();
    if (aheadMs > maxClockSkewMs) {
      const reason = `FUTURE_EVENT: occurredAt ${event.occurredAt} is ${Math.round(aheadMs / 1000)} s ahead of this consumer's clock (at most ${maxClockSkewMs / 1000} s allowed)`;
      await options.publishDeadLetter(message, reason);
      options.logger.warn({ eventId: event.id, type: event.type, reason }, 'future-dated event dead-lettered');
      return 'dead-lettered';
    }
    return { message, event, handler };
  }

  /** Runs the handler with retries and backoff; dead-letters an event that keeps failing. */
  async function handleOne({ message, event, handler }: Admitted, heartbeat: () => Promise<void>): Promise<Outcome> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= retry.attempts; attempt += 1) {
      try {
        await handler(event);
        return 'handled';
      } catch (error) {
        if (EventRejectedError.is(error)) {
          // The handler doubts the event itself: retrying would doubt it again.
          await options.publishDeadLetter(message, error.message);
          options.logger.warn({ eventId: event.id, type: event.type, reason: error.message }, 'doubted event dead-lettered');
          return 'dead-lettered';
        }
        lastError = error;
        options.logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handler failed');
        if (attempt < retry.attempts) {
          await sleep(Math.min(retry.initialDelayMs * 2 ** (attempt - 1), retry.maxDelayMs));
          await heartbeat();
        }
      }
    }
    const reason = `HANDLER_FAILED after ${retry.attempts} attempts: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
    await options.publishDeadLetter(message, reason);
    options.logger.error({ eventId: event.id, type: event.type, reason }, 'event dead-lettered');
    return 'dead-lettered';
  }

  return { admit, handleOne };
}

const noHeartbeat = () => Promise.resolve();

/**
 * Handles one message: validates it against the catalogue, runs its handler with retries and
 * backoff, and dead-letters what is invalid or keeps failing — so a poison message never blocks
 * its partition. It never throws: whatever it returns, the offset may be committed.
 */
export function createMessageProcessor(options: ProcessorOptions): (message: IncomingMessage, heartbeat?: () => Promise<void>) => Promise<Outcome> {
  const { admit, handleOne } = processingSteps(options);
  return async (message, heartbeat = noHeartbeat) => {
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
          const admitted = await admit(message);
          if (admitted === 'ignored') return 'ignored';
          if (admitted === 'dead-lettered') {
            span.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
            return 'dead-lettered';
          }
          span.setAttribute('messaging.message.id', admitted.event.id);
          const outcome = await handleOne(admitted, heartbeat);
          if (outcome === 'dead-lettered') span.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
          return outcome;
        } finally {
          span.end();
        }
      },
    );
  };
}

/**
 * Handles consecutive messages of one partition, in order. Events whose handler has a batch form
 * go to it in runs (consecutive events with the same batch handler: one transaction per run); the
 * others one by one, exactly as `createMessageProcessor` does (its span, retries and dead letters).
 * A run whose batch fails is handled again one event at a time on that path: a poison event goes
 * to the dead-letter topic alone and the events around it take effect (those the failed batch
 * touched were rolled back with it, their claims too). It never throws unless a dead letter cannot
 * be published: then the batch is redelivered, and the claims make that harmless.
 */
export function createBatchProcessor(options: ProcessorOptions): (messages: readonly IncomingMessage[], heartbeat?: () => Promise<void>) => Promise<Outcome[]> {
  const processOne = createMessageProcessor(options);
  const maxClockSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const now = options.now ?? Date.now;

  /** The event and its batch handler, when the message is valid, believable and has one; no side effect. */
  const batchForm = (message: IncomingMessage): { event: EventEnvelope; handler: BatchEventHandler } | null => {
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value);
    } catch {
      return null;
    }
    const handler = options.handlers[event.type] as EventHandler | undefined;
    if (!handler || !isBatchable(handler) || Date.parse(event.occurredAt) - now() > maxClockSkewMs) return null;
    return { event, handler };
  };

  const runBatch = (run: { message: IncomingMessage; event: EventEnvelope }[], handler: BatchEventHandler): Promise<boolean> => {
    const first = run[0]?.message;
    return tracer.startActiveSpan(
      `${first?.topic ?? ''} process batch`,
      {
        kind: SpanKind.CONSUMER,
        links: run.slice(0, 32).flatMap(({ message }) => {
          const link = trace.getSpanContext(propagation.extract(context.active(), message.headers));
          return link ? [{ context: link }] : [];
        }),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': first?.topic ?? '',
          'messaging.batch.message_count': run.length,
          'messaging.kafka.offset': first?.offset ?? '',
        },
      },
      async (span) => {
        try {
          await handler.handleBatch(run.map(({ event }) => event));
          return true;
        } catch (error) {
          options.logger.warn({ err: error, type: run[0]?.event.type, events: run.length }, 'event batch failed: handling its events one by one');
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'batch failed; events handled one by one' });
          return false;
        } finally {
          span.end();
        }
      },
    );
  };

  return async (messages, heartbeat = noHeartbeat) => {
    const outcomes: Outcome[] = [];
    let index = 0;
    while (index < messages.length) {
      const message = messages[index] as IncomingMessage;
      const form = batchForm(message);
      if (!form) {
        outcomes[index] = await processOne(message, heartbeat);
        // KafkaJS sends it only when the interval is due: without it a slice of 500 one-by-one
        // events outlasts the session and the member is dropped from the group mid-batch.
        await heartbeat();
        index += 1;
        continue;
      }
      // A run: the consecutive messages with this same batch handler.
      const run: { at: number; message: IncomingMessage; event: EventEnvelope }[] = [{ at: index, message, event: form.event }];
      let next = index + 1;
      for (; next < messages.length; next += 1) {
        const candidate = messages[next] as IncomingMessage;
        const candidateForm = batchForm(candidate);
        if (!candidateForm || candidateForm.handler !== form.handler) break;
        run.push({ at: next, message: candidate, event: candidateForm.event });
      }
      if (await runBatch(run, form.handler)) {
        for (const { at } of run) outcomes[at] = 'handled';
      } else {
        for (const { at, message: single } of run) {
          outcomes[at] = await processOne(single, heartbeat);
          await heartbeat();
        }
      }
      await heartbeat();
      index = next;
    }
    return outcomes;
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

/** Dead letters sent by one consumer, per original topic and reason code (`INVALID_EVENT`, `FUTURE_EVENT`, `AGENCY_MISMATCH`, `HANDLER_FAILED` …). */
export interface DeadLetterCount {
  topic: string;
  reason: string;
  count: number;
}

/** The code a dead letter's reason starts with: its first word of capitals and underscores. */
export const reasonCodeOf = (reason: string): string => /^[A-Z][A-Z_]*/.exec(reason)?.[0] ?? 'OTHER';

/** One consumer group per service, subscribed to the topics it has handlers for. */
export class EventConsumer {
  private subscription: Subscription | null = null;
  private readonly deadLettered = new Map<string, DeadLetterCount>();

  constructor(private readonly options: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { consumer, transport, handlers, logger } = this.options;
    const processorOptions: ProcessorOptions = {
      consumer,
      handlers,
      logger,
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      ...(this.options.maxClockSkewMs !== undefined ? { maxClockSkewMs: this.options.maxClockSkewMs } : {}),
      publishDeadLetter: async (message, reason) => {
        await transport.publish([deadLetterFor(message, consumer, reason)]);
        this.countDeadLetter(message.topic, reasonCodeOf(reason));
      },
    };
    const process = createMessageProcessor(processorOptions);
    const processBatch = createBatchProcessor(processorOptions);
    this.subscription = await transport.subscribe({
      groupId: consumer,
      topics: Object.keys(handlers),
      handle: async (message) => {
        await process(message);
      },
      // Read in batches only when a handler has a batch form; the others keep one message at a time.
      ...(Object.values(handlers).some((handler) => handler && isBatchable(handler as EventHandler))
        ? {
            handleBatch: async (messages: readonly IncomingMessage[], heartbeat: () => Promise<void>) => {
              await processBatch(messages, heartbeat);
            },
          }
        : {}),
    });
  }

  isRunning(): boolean {
    return this.subscription?.isRunning() ?? false;
  }

  /** Dead letters this consumer has sent since it was created, per topic and reason code (a counter for /metrics). */
  deadLetterCounts(): DeadLetterCount[] {
    return [...this.deadLettered.values()].map((entry) => ({ ...entry }));
  }

  private countDeadLetter(topic: string, reason: string): void {
    const key = `${topic}\u0000${reason}`;
    const entry = this.deadLettered.get(key) ?? { topic, reason, count: 0 };
    entry.count += 1;
    this.deadLettered.set(key, entry);
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
