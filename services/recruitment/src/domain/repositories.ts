import type { AuditContext } from '@kinerja/database';
import type { DomainEvent, EventType } from '@kinerja/events';

import type { Applicant } from './applicant';
import type { Application, ApplicationStatus } from './application';
import type { ApplicationDocument } from './application-document';
import type { CommitteeConflict, CommitteeMember, CommitteeStanding, CommitteeTraining, EmployeeCopy } from './committee';
import type { Formation } from './formation';
import type { SurveyInvitation, SurveySummary, VacancyFunnel } from './funnel';
import type { Selection } from './selection';
import type { PassMarks, SkdScores } from './skd.rule';
import type { Announcement, Objection, Stage } from './stage';
import type { Contender } from './stage-outcome';
import type { Vacancy } from './vacancy';

export type { Clock, IdGenerator } from '@kinerja/kernel';

/** An event a change produces; the repository writes it to the outbox in the change's transaction. */
export type PendingEvent<T extends EventType = EventType> = DomainEvent<T>;

/**
 * Every write below is one transaction with its audit rows. Updates are conditional on the record
 * being as it was read (its status or `updatedAt`): a concurrent change makes them answer CONFLICT
 * instead of overwriting it.
 */
export interface FormationRepository {
  byIds(ids: readonly string[]): Promise<Formation[]>;
  create(formation: Formation, audit: AuditContext): Promise<void>;
  review(before: Formation, after: Formation, audit: AuditContext): Promise<void>;
}

export interface SelectionRepository {
  byIds(ids: readonly string[]): Promise<Selection[]>;
  /** CONFLICT when the agency already has a selection of that code. */
  create(selection: Selection, audit: AuditContext): Promise<void>;
  announcements(selectionId: string): Promise<Announcement[]>;
}

export interface VacancyRepository {
  byIds(ids: readonly string[]): Promise<Vacancy[]>;
  ofSelection(selectionId: string): Promise<Vacancy[]>;
  /** CONFLICT when the formation has a vacancy already. */
  publish(vacancy: Vacancy, audit: AuditContext): Promise<void>;
  /** Newest first, after the cursor's vacancy; `agencyId` narrows to one agency. */
  page(options: { agencyId: string | null; after: { publishedAt: Date; id: string } | null; first: number }): Promise<Vacancy[]>;
}

export interface ApplicantRepository {
  byUserId(userId: string): Promise<Applicant | null>;
  byIds(ids: readonly string[]): Promise<Applicant[]>;
  /** CONFLICT when the account or the NIK is registered already. */
  create(applicant: Applicant, audit: AuditContext): Promise<void>;
}

/** What an SKD import finds wrong with its registration numbers, and the watched applications it names. */
export interface SkdImportCheck {
  /** Numbers that are not a participant of the selection. */
  unknown: string[];
  /** Participants that may not take SKD scores (not QUALIFIED), with their status. */
  refused: { registrationNumber: string; status: ApplicationStatus }[];
  /** Of the applications asked about (e.g. a member's declared conflicts), those the file names. */
  watched: { id: string; registrationNumber: string }[];
}

export interface SkdScoreWrite {
  registrationNumber: string;
  scores: SkdScores;
}

/** What applying checks, read together: the account's applicant, the vacancy, its selection, the applicant's application there. */
export interface ApplyContext {
  applicant: Applicant | null;
  vacancy: Vacancy | null;
  selection: Selection | null;
  existing: Application | null;
}

/** A line of a published stage as stored (the reader masks it). */
export interface ResultRow {
  registrationNumber: string;
  name: string;
  /** What the application reached: for a withdrawn one, its status when it withdrew. */
  status: ApplicationStatus;
  withdrawn: boolean;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  skdRank: number | null;
  finalRank: number | null;
  finalScore: number | null;
}

/** Where a page of results resumes: after this rank (null: among the unranked) and number. */
export interface ResultsCursor {
  rank: number | null;
  registrationNumber: string;
}

export interface ApplicationRepository {
  byIds(ids: readonly string[]): Promise<Application[]>;
  ofApplicant(applicantId: string): Promise<Application[]>;
  ofApplicantInSelection(applicantId: string, selectionId: string): Promise<Application | null>;
  ofVacancy(vacancyId: string): Promise<Application[]>;
  /** Every application of the selection with its applicant's birth date (the last tie rule). */
  contenders(selectionId: string): Promise<Contender[]>;
  /** Everything applying checks, in one round trip (the hot path of a selection's registration). */
  applyContext(userId: string, vacancyId: string): Promise<ApplyContext>;
  /**
   * Stores a new application with the selection's next registration number. Answers null when
   * the applicant already has one in the selection (a concurrent submit won the race).
   */
  submit(application: Omit<Application, 'registrationNumber'>, selectionCode: string, audit: AuditContext): Promise<Application | null>;
  /**
   * Up to `limit` lines the stage lists for the vacancy, by the stage's rank then registration
   * number (unranked last), after the cursor: a keyset page over an index.
   */
  resultPage(vacancyId: string, stage: Stage, limit: number, after: ResultsCursor | null): Promise<ResultRow[]>;
  /** How many applications of the selection have the status. */
  countWithStatus(selectionId: string, status: ApplicationStatus): Promise<number>;
  /**
   * Checks an SKD import's registration numbers against the selection in the database, set-based:
   * answers only what is wrong (unknown, not qualified) and which of `watched` the file names.
   */
  skdImportCheck(selectionId: string, registrationNumbers: readonly string[], watched: readonly string[]): Promise<SkdImportCheck>;
  /**
   * Stores imported SKD scores in bulk, in one statement (all or none): each only on an application
   * of the selection that is still QUALIFIED (CONFLICT otherwise), with one summary audit row per
   * SKD_AUDIT_ROWS_PER_ENTRY applications (entity: the selection; before/after: each application's scores).
   */
  saveSkdScores(selection: { id: string; agencyId: string }, rows: readonly SkdScoreWrite[], now: Date, audit: AuditContext): Promise<number>;
  /**
   * The SKD announcement, set-based: ranks every formation's qualified applicants who passed the
   * marks by the tie rules (ranking.rule's compareTies), sends up to `multiplier` × the quota to SKB,
   * marks the others OUTSIDE_SKB_CUT and those below a mark (or absent) BELOW_PASS_MARK, with the
   * announcement and one summary audit row per SKD_AUDIT_ROWS_PER_ENTRY applications (entity: the
   * selection; before/after: each application's status and rank), in one transaction. Answers how
   * many applications changed.
   */
  announceSkd(announcement: Announcement, marks: PassMarks, multiplier: number, audit: AuditContext): Promise<number>;
  /** Saves changed applications (all or none) with one audit row each. */
  save(changes: readonly { before: Application; after: Application }[], action: string, audit: AuditContext): Promise<void>;
  /** The announcement and the stage outcomes it fixes, together; CONFLICT when the stage was announced. */
  announce(announcement: Announcement, changes: readonly { before: Application; after: Application }[], audit: AuditContext): Promise<void>;
  /**
   * The withdrawal, the promotion of the next ranked applicant (if any) and the event, in one
   * transaction; each written only over the row as it was read (CONFLICT otherwise).
   */
  withdraw(
    withdrawal: { before: Application; after: Application },
    promotion: { before: Application; after: Application } | null,
    event: PendingEvent,
    audit: AuditContext,
  ): Promise<void>;
  /**
   * Hires: assigns the NIP `choose` picks from the NIPs taken with its prefix (read under a lock
   * on the prefix), marks the application HIRED and writes the event, in one transaction.
   */
  hire(
    application: Application,
    hiredAt: Date,
    nip: { prefix: string; choose(taken: readonly string[]): string },
    eventOf: (hired: Application) => PendingEvent,
    audit: AuditContext,
  ): Promise<Application>;
}

/** Objections to a stage's published results, and their answers. */
export interface ObjectionRepository {
  ofStage(selectionId: string, stage: Stage): Promise<Objection[]>;
  byId(id: string): Promise<Objection | null>;
  /** CONFLICT when the application has an objection to the stage already. */
  file(objection: Objection, audit: AuditContext): Promise<void>;
  /** The answer, only on an objection still OPEN (CONFLICT otherwise), with the application's change an accepted one brings. */
  answer(before: Objection, after: Objection, change: { before: Application; after: Application } | null, audit: AuditContext): Promise<void>;
}

/**
 * Applicants' documents with their bytes. `save` replaces the application's document of the same
 * type, with its audit row (before: the replaced one's description), in one transaction.
 */
export interface DocumentStore {
  ofApplications(applicationIds: readonly string[]): Promise<ApplicationDocument[]>;
  byId(id: string): Promise<ApplicationDocument | null>;
  content(id: string): Promise<Uint8Array | null>;
  save(document: ApplicationDocument, content: Uint8Array, audit: AuditContext): Promise<ApplicationDocument>;
}

export interface CommitteeRepository {
  /** The viewer's standing on the selection's committee: appointed, trained, their declared conflicts. */
  standing(selectionId: string, employeeId: string): Promise<CommitteeStanding>;
  members(selectionId: string): Promise<(CommitteeMember & { name: string | null; trained: boolean })[]>;
  employee(employeeId: string): Promise<EmployeeCopy | null>;
  /** CONFLICT when the employee is appointed to the selection already. */
  appoint(member: CommitteeMember, audit: AuditContext): Promise<void>;
  /** Idempotent: a second declaration of the same conflict changes nothing. */
  declareConflict(conflict: CommitteeConflict, audit: AuditContext): Promise<void>;
}

/** One handled event: its claim, its reads and writes, in one transaction. */
export interface EventTransaction {
  employee(employeeId: string): Promise<EmployeeCopy | null>;
  saveEmployee(copy: EmployeeCopy): Promise<void>;
  /** Keeps the latest completion of the committee training for the employee. */
  recordCommitteeTraining(training: CommitteeTraining): Promise<void>;
}

export interface EventStore {
  /** Runs `work` once per event id; answers false (doing nothing) for a redelivery. */
  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean>;
}

export interface SurveyRepository {
  invitationAnswered(applicationId: string): Promise<boolean>;
  /** Stores the token's hash (replacing an unanswered one); false when the survey was answered already. */
  issue(invitation: SurveyInvitation, audit: AuditContext): Promise<boolean>;
  /**
   * Marks the token answered and stores the anonymous answer, together: 'USED' when it was
   * answered already, 'UNKNOWN' when no such token was issued.
   */
  answer(
    tokenHash: string,
    answer: { id: string; ratings: readonly number[]; comment: string | null; answeredOn: string },
    at: Date,
  ): Promise<'ANSWERED' | 'USED' | 'UNKNOWN'>;
  summary(selectionId: string, threshold: number, questions: readonly string[]): Promise<SurveySummary>;
}

export interface FunnelQueries {
  /** Per vacancy of the agency (or the one asked for), then the total (vacancyId null); computed in SQL. */
  funnel(agencyId: string, vacancyId: string | null): Promise<VacancyFunnel[]>;
}

/** Every port of the service by the name the use cases know it by; each use case picks those it needs. */
export interface Repositories {
  formations: FormationRepository;
  selections: SelectionRepository;
  vacancies: VacancyRepository;
  applicants: ApplicantRepository;
  applications: ApplicationRepository;
  objections: ObjectionRepository;
  committee: CommitteeRepository;
  surveys: SurveyRepository;
  funnels: FunnelQueries;
  documents: DocumentStore;
}
