import type { EventEnvelope } from '@kinerja/events';
import type { EventHandler, HandlerMap } from '@kinerja/messaging';

/** Hands an event straight to a service's handler for its type, as its consumer would. */
export type Deliver = (event: EventEnvelope) => Promise<void>;

export function deliverer(service: string, handlers: HandlerMap): Deliver {
  return async (event) => {
    const handler = handlers[event.type] as EventHandler | undefined;
    if (!handler) throw new Error(`${service} has no handler for ${event.type}`);
    await handler(event);
  };
}
