import { calendarDateOf, dateColumn } from '@kinerja/database';

import type { Assessment, BehaviourValueRating, WorkResultGap } from '../domain/assessment';
import type { DevelopmentEvidence } from '../domain/development-evidence';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EvidenceDocument } from '../domain/evidence-document';
import { EVIDENCE_CONTENT_TYPES, type EvidenceContentType } from '../domain/evidence-document.rule';
import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { PerformancePeriod } from '../domain/period';
import type { Indicator, PerformancePlan, WorkResult } from '../domain/plan';
import type { PlanRevision, PlanSnapshot } from '../domain/plan-revision';
import type { Realization } from '../domain/realization';
import type { PerformanceSettings } from '../domain/settings';
import type { UnitRatingRecord } from '../domain/unit-rating';
import type {
  Assessment as AssessmentRow,
  BehaviourRating as BehaviourRatingRow,
  DevelopmentEvidence as DevelopmentEvidenceRow,
  EmployeeCopy as EmployeeCopyRow,
  EvidenceDocument as EvidenceDocumentRow,
  Indicator as IndicatorRow,
  PerformancePeriod as PeriodRow,
  PerformancePlan as PlanRow,
  PerformanceSettings as SettingsRow,
  PlanRevision as PlanRevisionRow,
  Realization as RealizationRow,
  Reward as RewardRow,
  Sanction as SanctionRow,
  UnitRatingRecord as UnitRatingRow,
  WorkResult as WorkResultRow,
} from '../generated/prisma/client';

export const toEmployeeCopy = (row: Omit<EmployeeCopyRow, 'updatedAt'>): EmployeeCopy => ({
  employeeId: row.employeeId,
  agencyId: row.agencyId,
  orgUnitId: row.orgUnitId,
  positionId: row.positionId,
  supervisorEmployeeId: row.supervisorEmployeeId,
  name: row.name,
  nip: row.nip,
  employmentType: row.employmentType,
  status: row.status,
  sourceOccurredAt: row.sourceOccurredAt,
});

export const toPeriod = (row: PeriodRow): PerformancePeriod => ({
  id: row.id,
  agencyId: row.agencyId,
  parentId: row.parentId,
  kind: row.kind,
  year: row.year,
  index: row.index,
  startDate: calendarDateOf(row.startDate),
  endDate: calendarDateOf(row.endDate),
  fillInDeadline: calendarDateOf(row.fillInDeadline),
  status: row.status,
});

export const periodData = (period: PerformancePeriod) => ({
  ...period,
  startDate: dateColumn(period.startDate),
  endDate: dateColumn(period.endDate),
  fillInDeadline: dateColumn(period.fillInDeadline),
});

export const toSettings = (row: SettingsRow): PerformanceSettings => ({
  agencyId: row.agencyId,
  cadence: row.cadence,
  fillInDays: row.fillInDays,
  utcOffsetHours: row.utcOffsetHours,
  distributionEnforcement: row.distributionEnforcement,
  minJustificationLength: row.minJustificationLength,
  workResultPolicy: {
    aboveFromPercent: row.aboveFromPercent,
    meetsFromPercent: row.meetsFromPercent,
    achievementCapPercent: row.achievementCapPercent,
    mainBelowMaxPercentForMeets: row.mainBelowMaxPercentForMeets,
  },
  reminderDaysBefore: row.reminderDaysBefore,
});

export const settingsData = ({ workResultPolicy, ...settings }: PerformanceSettings) => ({ ...settings, ...workResultPolicy });

export const toPlan = (row: PlanRow): PerformancePlan => ({
  id: row.id,
  agencyId: row.agencyId,
  periodId: row.periodId,
  employeeId: row.employeeId,
  orgUnitId: row.orgUnitId,
  status: row.status,
  returnNote: row.returnNote,
  submittedAt: row.submittedAt,
  approvedAt: row.approvedAt,
  approvedByEmployeeId: row.approvedByEmployeeId,
  selfAssessment:
    row.selfAssessedAt && row.selfWorkResultRating && row.selfBehaviourRating
      ? {
          workResultRating: row.selfWorkResultRating,
          behaviourRating: row.selfBehaviourRating,
          note: row.selfAssessmentNote ?? '',
          submittedAt: row.selfAssessedAt,
        }
      : null,
});

export const planData = ({ selfAssessment, ...plan }: PerformancePlan) => ({
  ...plan,
  selfAssessmentNote: selfAssessment?.note ?? null,
  selfWorkResultRating: selfAssessment?.workResultRating ?? null,
  selfBehaviourRating: selfAssessment?.behaviourRating ?? null,
  selfAssessedAt: selfAssessment?.submittedAt ?? null,
});

export const toWorkResult = (row: WorkResultRow): WorkResult => ({
  id: row.id,
  planId: row.planId,
  kind: row.kind,
  title: row.title,
  position: row.position,
  cascadedFromWorkResultId: row.cascadedFromWorkResultId,
});

export const toIndicator = (row: IndicatorRow): Indicator => ({
  id: row.id,
  workResultId: row.workResultId,
  aspect: row.aspect,
  description: row.description,
  target: row.target,
  unit: row.unit,
  lowerIsBetter: row.lowerIsBetter,
  position: row.position,
});

const dateOrNull = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);

/** The snapshot travels as JSON: its dates become ISO strings and come back as dates. */
export const planRevisionData = (revision: PlanRevision) => ({
  ...revision,
  snapshot: JSON.parse(JSON.stringify(revision.snapshot)) as object,
});

export const toPlanRevision = (row: PlanRevisionRow): PlanRevision => {
  const snapshot = row.snapshot as unknown as Record<keyof PlanSnapshot, unknown>;
  return {
    id: row.id,
    planId: row.planId,
    agencyId: row.agencyId,
    sequence: row.sequence,
    reason: row.reason,
    revisedByEmployeeId: row.revisedByEmployeeId,
    revisedAs: row.revisedAs,
    revisedAt: row.revisedAt,
    snapshot: {
      submittedAt: dateOrNull(snapshot.submittedAt),
      approvedAt: dateOrNull(snapshot.approvedAt),
      approvedByEmployeeId: typeof snapshot.approvedByEmployeeId === 'string' ? snapshot.approvedByEmployeeId : null,
      workResults: (Array.isArray(snapshot.workResults) ? snapshot.workResults : []) as PlanSnapshot['workResults'],
    },
  };
};

export const toRealization = (row: RealizationRow): Realization => ({
  id: row.id,
  indicatorId: row.indicatorId,
  planId: row.planId,
  subPeriodId: row.subPeriodId,
  value: row.value,
  evidenceUrl: row.evidenceUrl,
  note: row.note,
  late: row.late,
  reportedAt: row.reportedAt,
});

export const toAssessment = (row: AssessmentRow): Assessment => ({
  id: row.id,
  agencyId: row.agencyId,
  planId: row.planId,
  periodId: row.periodId,
  employeeId: row.employeeId,
  orgUnitId: row.orgUnitId,
  kind: row.kind,
  proposedWorkResultRating: row.proposedWorkResultRating,
  workResultRating: row.workResultRating,
  overrideReason: row.overrideReason,
  proposedBehaviourRating: row.proposedBehaviourRating,
  behaviourRating: row.behaviourRating,
  predikat: row.predikat,
  feedback: row.feedback,
  justification: row.justification,
  curveWarning: row.curveWarning,
  behaviourGaps: row.behaviourGaps,
  workResultGaps: (Array.isArray(row.workResultGaps) ? row.workResultGaps : []) as unknown as WorkResultGap[],
  assessorEmployeeId: row.assessorEmployeeId,
  finalizedAt: row.finalizedAt,
});

export const toBehaviourRating = (row: BehaviourRatingRow): BehaviourValueRating & { assessmentId: string } => ({
  assessmentId: row.assessmentId,
  value: row.value,
  rating: row.rating,
  note: row.note,
});

export const toUnitRating = (row: UnitRatingRow): UnitRatingRecord => ({
  id: row.id,
  agencyId: row.agencyId,
  orgUnitId: row.orgUnitId,
  periodId: row.periodId,
  rating: row.rating,
  setAt: row.setAt,
});

export const toReward = (row: RewardRow): Reward => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  assessmentId: row.assessmentId,
  kind: row.kind,
  note: row.note,
  grantedAt: row.grantedAt,
});

export const toSanction = (row: SanctionRow): Sanction => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  assessmentId: row.assessmentId,
  kind: row.kind,
  note: row.note,
  issuedAt: row.issuedAt,
});

export const toDevelopmentEvidence = (row: DevelopmentEvidenceRow): DevelopmentEvidence => ({ ...row });

const isEvidenceContentType = (value: string): value is EvidenceContentType => (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(value);

export const toEvidenceDocument = (row: Omit<EvidenceDocumentRow, 'content'>): EvidenceDocument => {
  // Only the rule writes this column; anything else in it is a broken row, not a document to serve.
  if (!isEvidenceContentType(row.contentType)) throw new Error(`evidence_document ${row.id} has content type ${row.contentType}`);
  return {
    id: row.id,
    agencyId: row.agencyId,
    realizationId: row.realizationId,
    employeeId: row.employeeId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.createdAt,
  };
};
