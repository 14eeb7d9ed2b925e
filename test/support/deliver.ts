import { type EventEnvelope, keyOf, topicOf } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import {
  createMessageProcessor,
  deadLetterFor,
  type EventHandler,
  type HandlerMap,
  type IncomingMessage,
  type Outcome,
  type OutgoingMessage,
  toMessage,
} from '@kinerja/messaging';

/** Hands an event straight to a service's handler for its type, as its consumer would. */
export type Deliver = (event: EventEnvelope) => Promise<void>;

export function deliverer(service: string, handlers: HandlerMap): Deliver {
  return async (event) => {
    const handler = handlers[event.type] as EventHandler | undefined;
    if (!handler) throw new Error(`${service} has no handler for ${event.type}`);
    await handler(event);
  };
}

/** What the consumer did with one event, and the dead letters it sent (as they go on the wire). */
export interface Consumed {
  outcome: Outcome;
  deadLetters: OutgoingMessage[];
}

/**
 * Hands an event to a service's handlers through the consumer's message processor (validation,
 * clock, retries, dead letters) instead of straight to the handler: no broker, the dead letters
 * are kept for the test to read.
 */
export function consumerOf(service: string, handlers: HandlerMap): (event: EventEnvelope) => Promise<Consumed> {
  return async (event) => {
    const deadLetters: Consumed['deadLetters'] = [];
    const process = createMessageProcessor({
      consumer: service,
      handlers,
      logger: createLogger({ name: service, level: 'silent' }),
      retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
      publishDeadLetter: async (message, reason) => void deadLetters.push(deadLetterFor(message, service, reason)),
    });
    const message: IncomingMessage = { ...toMessage(topicOf(event.type), keyOf(event), event), partition: 0, offset: '0' };
    return { outcome: await process(message), deadLetters };
  };
}
