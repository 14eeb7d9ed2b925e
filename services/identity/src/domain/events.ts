import type { DomainEvent, EventType } from '@kinerja/events';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export type PendingEvent<T extends EventType = EventType> = DomainEvent<T>;
