import type { AuditContext } from '@kinerja/database';
import type { DomainEvent, EventType } from '@kinerja/events';

import type { ReportingLine } from './access.rule';
import type { ScoreSum } from './anonymity.rule';
import type { CalendarDate } from './calendar-date';
import type { SurveyScores } from './citizen-survey';
import type { PerformanceDialogue } from './dialogue';
import type { EmployeeCopy } from './employee-copy';
import type { FeedbackCycle, FeedbackRequest } from './feedback-cycle';
import type { FeedbackNote } from './feedback-note';
import type { IkmElement } from './ikm.rule';
import type { QuestionnaireItem } from './questionnaire';
import type { RaterGroup } from './vocabulary';

export type { Clock, IdGenerator } from '@kinerja/kernel';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export type PendingEvent<T extends EventType = EventType> = DomainEvent<T>;

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
  /** The subject's supervisor, those with the same supervisor, and the subject's direct subordinates. */
  colleaguesOf(subject: EmployeeCopy): Promise<EmployeeCopy[]>;
}

/** What a cycle's readers see: the sums per group and value, and how many of each group answered. */
export interface CycleTally {
  sums: ScoreSum[];
  answered: Map<RaterGroup, number>;
  invited: Map<RaterGroup, number>;
}

/** An open request with its cycle, for the rater's list. */
export interface OpenRequest {
  request: FeedbackRequest;
  cycle: FeedbackCycle;
}

export interface FeedbackCycleRepository {
  byIds(ids: readonly string[]): Promise<FeedbackCycle[]>;
  ofSubjectAndPeriod(subjectId: string, periodId: string): Promise<FeedbackCycle | null>;
  requestOf(cycleId: string, raterEmployeeId: string): Promise<FeedbackRequest | null>;
  /** Unanswered requests of open cycles for these raters, due on or after `today` (one statement). */
  openRequestsOf(raterEmployeeIds: readonly string[], today: string): Promise<OpenRequest[]>;
  talliesOf(cycleIds: readonly string[]): Promise<Map<string, CycleTally>>;
  /** The cycle and its requests with the audit row, in one transaction (CONFLICT when the subject has one for the period). */
  start(cycle: FeedbackCycle, requests: readonly FeedbackRequest[], audit: AuditContext): Promise<void>;
  /**
   * Marks the request answered and adds the sums, in one transaction, while the cycle is still open:
   * CONFLICT when the request was answered or the cycle closed meanwhile.
   */
  submit(request: FeedbackRequest, answeredAt: Date, sums: readonly ScoreSum[], audit: AuditContext): Promise<void>;
  /** Who a cycle asks, in which group (for HR while it is a draft: nobody has answered yet). */
  requestsOf(cycleId: string): Promise<FeedbackRequest[]>;
  /** Adds a request to a draft, or removes one, with the audit row, in one transaction: CONFLICT when the cycle is no longer a draft or the rater is already asked. */
  changeRaters(cycle: FeedbackCycle, change: { add: FeedbackRequest } | { remove: FeedbackRequest }, audit: AuditContext): Promise<void>;
  /**
   * Opens a draft with its due date and the questionnaire it will keep (CONFLICT when it is no
   * longer a draft or has no rater), with the audit row, in one transaction.
   */
  open(cycle: FeedbackCycle, dueDate: string, items: readonly QuestionnaireItem[], audit: AuditContext): Promise<FeedbackCycle>;
  /** Closes an open cycle (CONFLICT otherwise) and writes the events made from its final tally, in one transaction. */
  close(
    cycle: FeedbackCycle,
    closedAt: Date,
    audit: AuditContext,
    eventsOf: (closed: FeedbackCycle, tally: CycleTally) => readonly PendingEvent[],
  ): Promise<FeedbackCycle>;
  /**
   * Closes up to `limit` open cycles due before `today` in one transaction, with their audit and
   * outbox rows; cycles another transaction holds (a replica closing them, a submission in flight)
   * are skipped, so each closes, and publishes, once. Answers the cycles it closed.
   */
  closeDue(
    today: CalendarDate,
    closedAt: Date,
    limit: number,
    audit: AuditContext,
    eventsOf: (closed: FeedbackCycle, tally: CycleTally) => readonly PendingEvent[],
  ): Promise<FeedbackCycle[]>;
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

export interface QuestionnaireRepository {
  /** The agency's own questionnaire, or null when it uses the default. */
  ofAgency(agencyId: string): Promise<QuestionnaireItem[] | null>;
  /** Replaces the agency's questionnaire with its audit row, in one transaction; cycles keep the copy they opened with. */
  set(agencyId: string, items: readonly QuestionnaireItem[], at: Date, audit: AuditContext): Promise<void>;
}

export interface AgencySettingsRepository {
  /** The agency's follow-up window in days, or null when it keeps the default. */
  followUpDays(agencyId: string): Promise<number | null>;
  /** Sets the follow-up window and, when given, the 360° reminder days (issue 17), with the audit row. */
  setFollowUpDays(agencyId: string, days: number, audit: AuditContext, reminderDaysBefore?: number[]): Promise<void>;
  /** The days before a due date that 360° reminders go out ([7, 1] until HR changes them). */
  reminderDaysBefore(agencyId: string): Promise<number[]>;
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

/** A unit HR marked for the citizen survey. */
export interface ServiceUnit {
  orgUnitId: string;
  agencyId: string;
  servesPublic: boolean;
}

/** A unit's running sums over some months: how many answered, and the sum of each element's scores. */
export interface SatisfactionSums {
  responses: number;
  sums: Record<IkmElement, number>;
}

/** A citizen's answers as stored: the token spent on them (by hash), the digest that tells a retry, the unit's month. */
export interface SurveyAnswer {
  tokenHash: string;
  answerDigest: string;
  orgUnitId: string;
  month: string;
  scores: SurveyScores;
  comment: { id: string; text: string } | null;
  at: Date;
}

export interface CitizenSurveyRepository {
  /** The agency a unit belongs to, from the employee copy (null when no employee of it is known). */
  agencyOfUnit(orgUnitId: string): Promise<string | null>;
  serviceUnits(orgUnitIds: readonly string[]): Promise<ServiceUnit[]>;
  /** Marks or unmarks the unit with its audit row, in one transaction. */
  setServiceUnit(unit: ServiceUnit, at: Date, audit: AuditContext): Promise<void>;
  /** Stores the token's hash for the unit, in one statement with the check that the unit serves the public; false (nothing stored) when it does not. */
  issueToken(tokenHash: string, orgUnitId: string, issuedAt: Date, expiresAt: Date): Promise<boolean>;
  /** The unit a token was issued for, and whether it is spent or expired; null for a token never issued. */
  token(tokenHash: string): Promise<{ orgUnitId: string; spentAt: Date | null; expiresAt: Date; answerDigest: string | null } | null>;
  /**
   * In one transaction: spends the token with the answers' digest, refuses when the unit stopped
   * serving the public (FORBIDDEN), adds the scores to the unit's month (under the unit's agency)
   * and stores the comment. When the token was spent meanwhile nothing is written and `spentBefore`
   * tells when and on what; an expired token is refused (CONFLICT, TOKEN_EXPIRED).
   */
  recordAnswer(answer: SurveyAnswer): Promise<{ spentBefore: { spentAt: Date | null; answerDigest: string | null } | null }>;
  /**
   * recordAnswer's transaction when the token is unspent, unexpired, issued for `orgUnitId` and the
   * unit still serves the public: true. Otherwise nothing is written and false says no more (one
   * round trip for the common case; the caller reads the token to tell why).
   */
  spendToken(answer: SurveyAnswer): Promise<boolean>;
  /** The sums of each unit over the months `from`–`to` (one statement for the batch). */
  sumsOf(orgUnitIds: readonly string[], from: string, to: string): Promise<Map<string, SatisfactionSums>>;
  /** Comments on a unit in those months, newest first. */
  commentsOf(orgUnitId: string, from: string, to: string, first: number): Promise<{ text: string; month: string }[]>;
  /** The employee's copy with their supervisor's (null when unknown), to tell whether they head their unit. */
  withSupervisor(employeeId: string): Promise<{ employee: EmployeeCopy; supervisor: EmployeeCopy | null } | null>;
}
