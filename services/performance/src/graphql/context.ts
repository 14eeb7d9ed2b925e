import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { EmployeePerformanceReader } from '../application/employee-performance.reader';
import type { EvidenceDocumentReader } from '../application/evidence-document.reader';
import type { FeedbackAggregateReader } from '../application/feedback-aggregate.reader';
import type { PerformanceReader } from '../application/performance.reader';
import type { Assessment, BehaviourValueRating } from '../domain/assessment';
import type { CascadedWorkResultView } from '../domain/cascade-view';
import type { DevelopmentEvidence } from '../domain/development-evidence';
import type { EvidenceDocument } from '../domain/evidence-document';
import type { FeedbackAggregate } from '../domain/feedback-aggregate';
import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { PerformancePeriod } from '../domain/period';
import type { Indicator, PerformancePlan, WorkResult } from '../domain/plan';
import type { PlanRevision } from '../domain/plan-revision';
import type { Realization } from '../domain/realization';

/** Per-request batching: each loader turns the lookups of one tick into one repository call. */
export interface PerformanceLoaders {
  period: DataLoader<string, PerformancePeriod | null>;
  subPeriods: DataLoader<string, PerformancePeriod[]>;
  workResults: DataLoader<string, WorkResult[]>;
  cascadeSource: DataLoader<string, CascadedWorkResultView | null>;
  cascadedTo: DataLoader<string, WorkResult[]>;
  indicators: DataLoader<string, Indicator[]>;
  realizations: DataLoader<string, Realization[]>;
  evidenceDocuments: DataLoader<string, EvidenceDocument[]>;
  planAssessments: DataLoader<string, Assessment[]>;
  planRevisions: DataLoader<string, PlanRevision[]>;
  behaviourRatings: DataLoader<string, BehaviourValueRating[]>;
  employeePlans: DataLoader<string, PerformancePlan[]>;
  latestAssessment: DataLoader<string, Assessment | null>;
  predikatHistory: DataLoader<string, Assessment[]>;
  developmentEvidence: DataLoader<string, DevelopmentEvidence[]>;
  rewards: DataLoader<string, Reward[]>;
  sanctions: DataLoader<string, Sanction[]>;
  /** Keyed `employeeId|periodId` of a plan the viewer reads. */
  feedbackAggregate: DataLoader<string, FeedbackAggregate | null>;
}

export interface PerformanceContext extends SubgraphContext {
  loaders: PerformanceLoaders;
}

export function createLoaders(
  reader: PerformanceReader,
  employees: EmployeePerformanceReader,
  evidence: EvidenceDocumentReader,
  feedbackAggregates: FeedbackAggregateReader,
  base: SubgraphContext,
): PerformanceLoaders {
  const { viewer } = base;
  return {
    period: new DataLoader((ids) => reader.periodsByIds(viewer, ids)),
    subPeriods: new DataLoader((ids) => reader.subPeriodsOf(viewer, ids)),
    workResults: new DataLoader((ids) => reader.workResultsOfPlans(ids)),
    cascadeSource: new DataLoader((ids) => reader.cascadeSourcesByIds(ids)),
    cascadedTo: new DataLoader((ids) => reader.cascadedTo(viewer, ids)),
    indicators: new DataLoader((ids) => reader.indicatorsOfWorkResults(ids)),
    realizations: new DataLoader((ids) => reader.realizationsOfIndicators(ids)),
    evidenceDocuments: new DataLoader((ids) => evidence.documentsOfRealizations(ids)),
    planAssessments: new DataLoader((ids) => reader.assessmentsOfPlans(ids)),
    planRevisions: new DataLoader((ids) => reader.revisionsOfPlans(ids)),
    behaviourRatings: new DataLoader((ids) => reader.behaviourRatingsOf(ids)),
    employeePlans: new DataLoader((ids) => employees.plansOf(viewer, ids)),
    latestAssessment: new DataLoader((ids) => employees.latestAssessmentOf(viewer, ids)),
    predikatHistory: new DataLoader((ids) => employees.predikatHistoryOf(viewer, ids)),
    developmentEvidence: new DataLoader((ids) => employees.developmentEvidenceOf(viewer, ids)),
    rewards: new DataLoader((ids) => employees.rewardsOf(viewer, ids)),
    sanctions: new DataLoader((ids) => employees.sanctionsOf(viewer, ids)),
    feedbackAggregate: new DataLoader((keys) => feedbackAggregates.ofPlans(keys)),
  };
}

export function actorOf(context: SubgraphContext): Actor {
  return { viewer: context.viewer, requestId: context.requestId };
}
