import type { AuditContext } from '@kinerja/database';
import type { EventPayload, EventType } from '@kinerja/events';

import type { EmployeeCopy } from './employee-copy';
import type { FeedbackNote } from './feedback-note';

export type { Clock, IdGenerator } from '@kinerja/kernel';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export interface PendingEvent<T extends EventType = EventType> {
  type: T;
  agencyId: string;
  payload: EventPayload<T>;
}

export interface FeedbackNoteRepository {
  /** The records of these ids that exist, in any order (one statement per batch). */
  byIds(ids: readonly string[]): Promise<FeedbackNote[]>;
  /** Stores a new record with its audit row in one transaction. */
  create(record: FeedbackNote, audit: AuditContext): Promise<void>;
}

export interface EmployeeCopyRepository {
  byIds(ids: readonly string[]): Promise<EmployeeCopy[]>;
}

/** What an event handler may read and write, all inside the transaction that claimed the event. */
export interface EventTransaction {
  employee(employeeId: string): Promise<EmployeeCopy | null>;
  saveEmployee(copy: EmployeeCopy): Promise<void>;
}

export interface EventStore {
  /** Runs `work` in one transaction whose first statement claims the event; false when it was handled before. */
  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
}
