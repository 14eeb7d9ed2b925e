import type { AuditContext } from '@kinerja/database';
import type { DomainEvent, EventType } from '@kinerja/events';

import type { GapMappingOverride } from './agency-gap-mapping';
import type { AssignmentRecord } from './assignment-record';
import type { CalendarDate } from './calendar-date';
import type { Competency } from './catalogue';
import type { Certificate } from './certificate';
import type { DateWindow } from './contract-year.rule';
import type { DevelopmentPlan } from './development-plan';
import type { EmployeeCopy } from './employee-copy';
import type { TrainingProgram, TrainingSession } from './training-program';
import type { AssignmentStatus, CompetencyKind } from './vocabulary';

export type { Clock, IdGenerator } from '@kinerja/kernel';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export type PendingEvent<T extends EventType = EventType> = DomainEvent<T>;

export interface CatalogueRepository {
  competencies(kind: CompetencyKind | null): Promise<Competency[]>;
  competenciesByCodes(codes: readonly string[]): Promise<Competency[]>;
  programmesByIds(ids: readonly string[]): Promise<TrainingProgram[]>;
  /** The province-wide programmes plus those of the given agencies. */
  programmes(agencyIds: readonly string[] | 'all'): Promise<TrainingProgram[]>;
  sessionsByIds(ids: readonly string[]): Promise<TrainingSession[]>;
  sessionsOfProgrammes(programIds: readonly string[]): Promise<TrainingSession[]>;
  /** Seats taken per session: open and completed assignments. */
  seatsTaken(sessionIds: readonly string[]): Promise<Map<string, number>>;
  createProgramme(programme: TrainingProgram, audit: AuditContext): Promise<void>;
  createSession(session: TrainingSession, agencyId: string | null, audit: AuditContext): Promise<void>;
}

/** An agency's own gap → programme rows; each change writes its audit row in the same transaction. */
export interface GapMappingRepository {
  overridesOf(agencyId: string): Promise<GapMappingOverride[]>;
  /** Inserts or replaces the agency's row for the gap. */
  set(agencyId: string, override: GapMappingOverride, audit: AuditContext): Promise<void>;
  /** Removes the agency's row for the gap (the default applies again); false when there was none. */
  clear(agencyId: string, gap: string, audit: AuditContext): Promise<boolean>;
}

export interface EmployeeCopyRepository {
  byIds(ids: readonly string[]): Promise<EmployeeCopy[]>;
}

export interface EmployeeAssignments {
  employee: EmployeeCopy;
  assignments: AssignmentRecord[];
}

/** A passed training as the JP rules see it. */
export interface Completion {
  completedOn: CalendarDate;
  jp: number;
  programmeCode: string | null;
}

export interface EmployeeCompletions {
  employee: EmployeeCopy;
  completions: Completion[];
}

/** Called with the seats taken, under a lock on the session, just before the assignment is written. */
export interface SeatCheck {
  sessionId: string;
  assertSeatAvailable(taken: number): void;
}

/** Where an assignment stands in the agency's work list, ordered by (createdAt, id). */
export interface AssignmentPosition {
  createdAt: Date;
  id: string;
}

export interface AssignmentPage {
  items: { assignment: AssignmentRecord; position: AssignmentPosition }[];
  hasNextPage: boolean;
}

/** Reads across employees for the graph: each method is one statement for the whole batch. */
export interface TrainingRecordRepository {
  /** The employees' copies with their assignments (of one status, or all). */
  ofEmployees(employeeIds: readonly string[], status: AssignmentStatus | null): Promise<EmployeeAssignments[]>;
  /** The employees' copies with their passed trainings inside the window, plus Latsar CPNS whenever. */
  completionsOfEmployees(employeeIds: readonly string[], window: DateWindow): Promise<EmployeeCompletions[]>;
  /** Every employee of the agency still in service, with their passed trainings inside the window, plus Latsar CPNS whenever. */
  completionsInAgency(agencyId: string, window: DateWindow): Promise<EmployeeCompletions[]>;
  /** The agency's assignments, oldest first, the page after `after`: HR's work list (e.g. those awaiting HR's choice). */
  ofAgency(agencyId: string, status: AssignmentStatus | null, first: number, after: AssignmentPosition | null): Promise<AssignmentPage>;
  /** All the agency's assignments of the status, not only a page's: a scan, so run only when asked. */
  countOfAgency(agencyId: string, status: AssignmentStatus | null): Promise<number>;
  certificatesOfAssignments(assignmentIds: readonly string[]): Promise<Certificate[]>;
  certificateByNumber(number: string): Promise<Certificate | null>;
}

export interface AssignmentRepository {
  byIds(ids: readonly string[]): Promise<AssignmentRecord[]>;
  /** JP passed inside the window plus JP of open assignments: what a PPPK's cap is checked against. */
  committedJp(employeeId: string, window: DateWindow): Promise<number>;
  openAssignmentOf(employeeId: string, programId: string): Promise<AssignmentRecord | null>;
  nextCertificateSequence(agencyId: string, year: number): Promise<number>;
  create(assignment: AssignmentRecord, audit: AuditContext, events: readonly PendingEvent[], seats?: SeatCheck): Promise<void>;
  /** Writes the change only if nobody changed the assignment since `before` was read; otherwise CONFLICT. */
  update(
    before: AssignmentRecord,
    after: AssignmentRecord,
    action: string,
    audit: AuditContext,
    events: readonly PendingEvent[],
    seats?: SeatCheck,
  ): Promise<void>;
  /** As update, and issues the certificate of a passed training in the same transaction. */
  complete(
    before: AssignmentRecord,
    after: AssignmentRecord,
    certificate: Certificate | null,
    audit: AuditContext,
    events: readonly PendingEvent[],
  ): Promise<void>;
}

export interface EmployeePlan {
  employee: EmployeeCopy;
  plan: DevelopmentPlan | null;
}

export interface DevelopmentPlanRepository {
  byId(id: string): Promise<DevelopmentPlan | null>;
  /** The employees' copies with their plan of the year: one statement for the batch. */
  ofEmployees(employeeIds: readonly string[], year: number): Promise<EmployeePlan[]>;
  /** Creates the plan unless the employee already has one for the year; returns the one that stands. */
  create(plan: DevelopmentPlan, audit: AuditContext): Promise<DevelopmentPlan>;
  /** Writes the change only if the plan is still at `before.version`; otherwise CONFLICT. */
  update(before: DevelopmentPlan, after: DevelopmentPlan, action: string, audit: AuditContext): Promise<DevelopmentPlan>;
}

/** A hire whose employee identity has not announced yet. */
export interface PendingHire {
  applicationId: string;
  agencyId: string;
  nip: string;
  sourceEventId: string;
}

/** What an event handler may read and write, all inside the transaction that claimed the event. */
export interface EventTransaction {
  employee(employeeId: string): Promise<EmployeeCopy | null>;
  employeeByNip(nip: string): Promise<EmployeeCopy | null>;
  saveEmployee(copy: EmployeeCopy): Promise<void>;
  /** The province-wide programmes and the agency's own. */
  programmesOf(agencyId: string): Promise<TrainingProgram[]>;
  gapMappingOverrides(agencyId: string): Promise<GapMappingOverride[]>;
  committedJp(employeeId: string, window: DateWindow): Promise<number>;
  /** Inserts the assignments not there yet (by dedupe key) with their audit rows and events; returns those inserted. */
  addAssignments(
    assignments: readonly AssignmentRecord[],
    audit: AuditContext,
    eventsOf: (assignment: AssignmentRecord) => readonly PendingEvent[],
  ): Promise<AssignmentRecord[]>;
  holdHire(hire: PendingHire): Promise<void>;
  /** Removes and returns the hires waiting for this NIP. */
  takeHiresFor(nip: string): Promise<PendingHire[]>;
}

/** A PPPK's JP cap window to sum the committed JP in. */
export interface CommittedJpQuery {
  employeeId: string;
  window: DateWindow;
}

/** An assignment with the audit context of the event that caused it. */
export interface AuditedAssignment {
  assignment: AssignmentRecord;
  audit: AuditContext;
}

/**
 * The set-wise reads and writes of a batch of events in one transaction: each method is one
 * statement whatever the number of events.
 */
export interface EventBatchTransaction {
  employees(employeeIds: readonly string[]): Promise<Map<string, EmployeeCopy>>;
  /** The province-wide programmes and those of the given agencies. */
  programmesOfAgencies(agencyIds: readonly string[]): Promise<TrainingProgram[]>;
  gapMappingOverridesOf(agencyIds: readonly string[]): Promise<Map<string, GapMappingOverride[]>>;
  /** Committed JP per employee, each in its own window (employees with none are absent). */
  committedJpOf(queries: readonly CommittedJpQuery[]): Promise<Map<string, number>>;
  /** Inserts the assignments not there yet (by dedupe key) with their audit rows and events in one outbox insert; returns those inserted. */
  addAssignments(assignments: readonly AuditedAssignment[], eventsOf: (assignment: AssignmentRecord) => readonly PendingEvent[]): Promise<AssignmentRecord[]>;
}

export interface EventStore {
  /** Runs `work` in one transaction whose first statement claims the event; false when it was handled before. */
  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
  /**
   * Runs `work` in one transaction whose first statement claims all the events; `work` gets the ids
   * claimed now (the others were handled before). A failure rolls back all of it, claims included.
   */
  handleBatchOnce(eventIds: readonly string[], work: (tx: EventBatchTransaction, claimed: ReadonlySet<string>) => Promise<void>): Promise<ReadonlySet<string>>;
}
