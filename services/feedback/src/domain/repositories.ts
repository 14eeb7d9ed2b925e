import type { AuditContext } from '@kinerja/database';
import type { EventPayload, EventType } from '@kinerja/events';

import type { ReportingLine } from './access.rule';
import type { PerformanceDialogue } from './dialogue';
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
  /** The notes of these ids that exist, in any order (one statement per batch). */
  byIds(ids: readonly string[]): Promise<FeedbackNote[]>;
  /** Every note of these employees, newest first (one statement per batch). */
  ofEmployees(employeeIds: readonly string[]): Promise<FeedbackNote[]>;
  /** Stores a new note with its audit row in one transaction. */
  create(note: FeedbackNote, audit: AuditContext): Promise<void>;
  /** Stores the reply only if the note has none yet (CONFLICT otherwise), with its audit row. */
  saveReply(before: FeedbackNote, after: FeedbackNote, audit: AuditContext): Promise<void>;
}

export interface EmployeeCopyRepository {
  byIds(ids: readonly string[]): Promise<EmployeeCopy[]>;
  /** The employees' reporting lines up to the top (one statement for the batch); unknown employees are left out. */
  reportingLines(ids: readonly string[]): Promise<ReportingLine[]>;
}

export interface DialogueRepository {
  byIds(ids: readonly string[]): Promise<PerformanceDialogue[]>;
  /** Every dialogue of these employees, the most recent first (one statement per batch). */
  ofEmployees(employeeIds: readonly string[]): Promise<PerformanceDialogue[]>;
  /** The oldest follow-up still due for the employee, if any. */
  dueFollowUpOf(employeeId: string): Promise<PerformanceDialogue | null>;
  /** Inserts a new dialogue, or (with `before`) changes one only if its status is still `before.status` (CONFLICT otherwise); with audit and outbox rows. */
  save(before: PerformanceDialogue | null, after: PerformanceDialogue, action: string, audit: AuditContext, events: readonly PendingEvent[]): Promise<void>;
}

export interface AgencySettingsRepository {
  /** The agency's follow-up window in days, or null when it keeps the default. */
  followUpDays(agencyId: string): Promise<number | null>;
  setFollowUpDays(agencyId: string, days: number, audit: AuditContext): Promise<void>;
}

/** What an event handler may read and write, all inside the transaction that claimed the event. */
export interface EventTransaction {
  employee(employeeId: string): Promise<EmployeeCopy | null>;
  saveEmployee(copy: EmployeeCopy): Promise<void>;
  followUpDays(agencyId: string): Promise<number | null>;
  /** Inserts the dialogue unless one of the same source event exists, with its audit row. */
  addDialogue(dialogue: PerformanceDialogue, audit: AuditContext): Promise<void>;
}

export interface EventStore {
  /** Runs `work` in one transaction whose first statement claims the event; false when it was handled before. */
  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
}
