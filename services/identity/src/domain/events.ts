import type { EventPayload, EventType } from '@kinerja/events';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export interface PendingEvent<T extends EventType = EventType> {
  type: T;
  agencyId: string;
  payload: EventPayload<T>;
}
