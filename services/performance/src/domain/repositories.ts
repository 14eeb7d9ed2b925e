import type { AuditContext } from '@kinerja/database';
import type { DomainEvent } from '@kinerja/events';

import type { Assessment, BehaviourValueRating } from './assessment';
import type { DevelopmentEvidence } from './development-evidence';
import type { PredikatCounts } from './distribution-curve.rule';
import type { EmployeeCopy } from './employee-copy';
import type { EvidenceDocument } from './evidence-document';
import type { FeedbackAggregate } from './feedback-aggregate';
import type { Reward, Sanction } from './follow-up.rule';
import type { PerformancePeriod } from './period';
import type { Indicator, PerformancePlan, WorkResult } from './plan';
import type { PlanRevision } from './plan-revision';
import type { Realization } from './realization';
import type { PerformanceSettings } from './settings';
import type { UnitRatingRecord } from './unit-rating';

export interface EmployeeCopyRepository {
  byIds(employeeIds: readonly string[]): Promise<EmployeeCopy[]>;
  /** Someone of the unit, to learn which agency a unit belongs to (units live in identity). */
  anyInUnit(orgUnitId: string): Promise<EmployeeCopy | null>;
  /** The unit's heads: still employed members whose supervisor is not a member (or who have none). */
  headsOfUnit(orgUnitId: string): Promise<EmployeeCopy[]>;
  /** Employees still employed in the unit: the n of the distribution curve. */
  headcountOfUnit(orgUnitId: string): Promise<number>;
  /**
   * Stores the copy in one transaction with the record that the event was processed. False when
   * the event was processed before (a redelivery) or is older than the stored state.
   */
  applyFromEvent(eventId: string, copy: EmployeeCopy): Promise<boolean>;
}

export interface PeriodRepository {
  byIds(ids: readonly string[]): Promise<PerformancePeriod[]>;
  /** Annual periods of the agencies, newest year first. */
  annualOfAgency(agencyId: string): Promise<PerformancePeriod[]>;
  subPeriodsOf(annualIds: readonly string[]): Promise<PerformancePeriod[]>;
  /** The annual period of an agency containing the given year, if one was created. */
  annualOfYear(agencyId: string, year: number): Promise<PerformancePeriod | null>;
  create(annual: PerformancePeriod, subPeriods: readonly PerformancePeriod[], audit: AuditContext): Promise<void>;
  /** Closes the period (and, for a year, its sub-periods); false when someone closed it first. */
  close(period: PerformancePeriod, closedAt: Date, audit: AuditContext): Promise<boolean>;
}

export interface SettingsRepository {
  /** The agency's settings, or the defaults when it never chose. */
  ofAgency(agencyId: string): Promise<PerformanceSettings>;
  save(before: PerformanceSettings, after: PerformanceSettings, audit: AuditContext): Promise<void>;
}

export interface PlanRepository {
  byIds(ids: readonly string[]): Promise<PerformancePlan[]>;
  ofEmployees(employeeIds: readonly string[]): Promise<PerformancePlan[]>;
  ofEmployeeInPeriod(employeeId: string, periodId: string): Promise<PerformancePlan | null>;
  workResultsByIds(ids: readonly string[]): Promise<WorkResult[]>;
  workResultsOfPlans(planIds: readonly string[]): Promise<WorkResult[]>;
  /** The RHKs cascaded from the given ones (the other direction of the link). */
  cascadedFrom(workResultIds: readonly string[]): Promise<WorkResult[]>;
  indicatorsByIds(ids: readonly string[]): Promise<Indicator[]>;
  indicatorsOfWorkResults(workResultIds: readonly string[]): Promise<Indicator[]>;
  create(plan: PerformancePlan, audit: AuditContext): Promise<void>;
  addWorkResult(plan: PerformancePlan, workResult: WorkResult, audit: AuditContext): Promise<void>;
  addIndicator(plan: PerformancePlan, indicator: Indicator, audit: AuditContext): Promise<void>;
  /** Writes the changed RHK of a draft plan with its audit row (CONFLICT when the plan left DRAFT meanwhile). */
  updateWorkResult(plan: PerformancePlan, before: WorkResult, after: WorkResult, audit: AuditContext): Promise<void>;
  /**
   * Deletes the RHK of a draft plan with its indicators and audit row, closing the gap in the
   * positions. CONFLICT (reason CASCADED_TO) while a subordinate's RHK cascades from it, or
   * (HAS_REALIZATIONS) once realizations were reported on its indicators; checked with the row
   * locked, so a cascade added meanwhile is never orphaned.
   */
  removeWorkResult(plan: PerformancePlan, workResult: WorkResult, audit: AuditContext): Promise<void>;
  updateIndicator(plan: PerformancePlan, before: Indicator, after: Indicator, audit: AuditContext): Promise<void>;
  /** Deletes the indicator with its audit row; CONFLICT (HAS_REALIZATIONS) once realizations were reported on it. */
  removeIndicator(plan: PerformancePlan, indicator: Indicator, audit: AuditContext): Promise<void>;
  /** Writes the new state only if the stored one is still `before` (a concurrent change is a CONFLICT). */
  update(before: PerformancePlan, after: PerformancePlan, action: string, audit: AuditContext): Promise<void>;
  /** The plans' revisions, oldest first. */
  revisionsOfPlans(planIds: readonly string[]): Promise<PlanRevision[]>;
  /**
   * Reopens the approved plan with its revision record and audit row, in one transaction. CONFLICT
   * when the plan changed meanwhile, when its annual assessment became final meanwhile, or when
   * another revision took the same sequence number.
   */
  revise(before: PerformancePlan, after: PerformancePlan, revision: PlanRevision, audit: AuditContext): Promise<void>;
}

export interface RealizationRepository {
  byIds(ids: readonly string[]): Promise<Realization[]>;
  ofIndicators(indicatorIds: readonly string[]): Promise<Realization[]>;
  ofPlan(planId: string): Promise<Realization[]>;
  /** Inserts, or replaces the earlier report of the same indicator and sub-period. */
  save(before: Realization | null, after: Realization, agencyId: string, audit: AuditContext): Promise<void>;
}

/**
 * Where uploaded evidence documents and their bytes live. The adapter today is the service's own
 * database (infrastructure/prisma-evidence.store.ts says why); an S3-like store for the bytes
 * would implement the same port. Descriptions and bytes are read separately, so listing documents
 * never loads their content.
 */
export interface EvidenceStore {
  byIds(ids: readonly string[]): Promise<EvidenceDocument[]>;
  /** The documents of the realizations, oldest first. */
  ofRealizations(realizationIds: readonly string[]): Promise<EvidenceDocument[]>;
  /** The stored bytes of a document, or null when there is no such document. */
  content(id: string): Promise<Uint8Array | null>;
  /** Stores the document and its bytes with the audit row, in one transaction. */
  save(document: EvidenceDocument, content: Uint8Array, audit: AuditContext): Promise<void>;
}

export interface UnitOfPeriod {
  orgUnitId: string;
  periodId: string;
}

export interface AssessmentRepository {
  byIds(ids: readonly string[]): Promise<Assessment[]>;
  ofPlans(planIds: readonly string[]): Promise<Assessment[]>;
  /** Annual assessments of the employees, newest first. */
  annualOfEmployees(employeeIds: readonly string[]): Promise<Assessment[]>;
  /** Each employee's copy with their most recent assessment, in one statement. */
  latestOfEmployees(employeeIds: readonly string[]): Promise<Array<{ subject: EmployeeCopy; latest: Assessment | null }>>;
  behaviourRatingsOf(assessmentIds: readonly string[]): Promise<Array<BehaviourValueRating & { assessmentId: string }>>;
  /** Predikat of the annual assessments finalized so far in the unit for the period. */
  countsInUnit(unit: UnitOfPeriod): Promise<PredikatCounts>;
  /**
   * Writes the assessment, its per-value ratings, the audit row and the outbox rows of `events`
   * (`performance.assessment.finalized`) in one transaction. With `curve`, the unit's counts are read again under a lock and
   * the finalization is refused (CONFLICT) when they changed since the decision was made.
   */
  finalize(
    assessment: Assessment,
    behaviourRatings: readonly BehaviourValueRating[],
    curve: (UnitOfPeriod & { counts: PredikatCounts }) | null,
    audit: AuditContext,
    events: readonly DomainEvent[],
  ): Promise<void>;
}

export interface UnitRatingRepository {
  ofUnits(orgUnitIds: readonly string[], periodId: string): Promise<UnitRatingRecord[]>;
  /** Stores the rating and its audit row; with `reopening`, audited as `unit-rating.reopened` with the reason. */
  save(
    before: UnitRatingRecord | null,
    after: UnitRatingRecord,
    audit: AuditContext,
    reopening?: { reason: string; finalizedInUnit: number } | null,
  ): Promise<void>;
}

export interface FollowUpRepository {
  rewardsOf(employeeIds: readonly string[]): Promise<Reward[]>;
  sanctionsOf(employeeIds: readonly string[]): Promise<Sanction[]>;
  /** With the outbox rows of `events` (`performance.reward.granted`), in one transaction. */
  grantReward(reward: Reward, audit: AuditContext, events: readonly DomainEvent[]): Promise<void>;
  /** With the outbox rows of `events` (`performance.sanction.issued`), in one transaction. */
  issueSanction(sanction: Sanction, audit: AuditContext, events: readonly DomainEvent[]): Promise<void>;
}

export interface DevelopmentEvidenceRepository {
  ofEmployees(employeeIds: readonly string[]): Promise<DevelopmentEvidence[]>;
  /** Records the evidence with the processed-event record; false for a redelivery. */
  recordFromEvent(evidence: DevelopmentEvidence): Promise<boolean>;
}

export interface FeedbackAggregateRepository {
  /** The latest aggregate of each employee for each period, keyed `employeeId|periodId` (one statement for the batch). */
  ofEmployeesInPeriods(keys: readonly { employeeId: string; periodId: string }[]): Promise<Map<string, FeedbackAggregate>>;
  /** Keeps the aggregate with the processed-event record and its audit row, in one transaction; false for a redelivery. */
  recordFromEvent(aggregate: FeedbackAggregate): Promise<boolean>;
}
