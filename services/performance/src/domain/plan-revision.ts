import { changePlanStatus, type Indicator, type PerformancePlan, type WorkResult } from './plan';
import type { PlanActor, RevisionFacts } from './plan-workflow.rule';

/** The plan as it was agreed, kept with the revision that reopened it. */
export interface PlanSnapshot {
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedByEmployeeId: string | null;
  /** The RHKs in order, each with its indicators in order. */
  workResults: Array<WorkResult & { indicators: Indicator[] }>;
}

/** Perubahan SKP: one recorded reopening of an approved plan. */
export interface PlanRevision {
  id: string;
  planId: string;
  agencyId: string;
  /** 1 for the plan's first revision, then 2, 3… */
  sequence: number;
  reason: string;
  revisedByEmployeeId: string;
  /** The part the reviser had in the plan. */
  revisedAs: PlanActor;
  revisedAt: Date;
  snapshot: PlanSnapshot;
}

export function snapshotOf(plan: PerformancePlan, workResults: readonly WorkResult[], indicators: readonly Indicator[]): PlanSnapshot {
  const ordered = [...workResults].filter((w) => w.planId === plan.id).sort((a, b) => a.position - b.position);
  return {
    submittedAt: plan.submittedAt,
    approvedAt: plan.approvedAt,
    approvedByEmployeeId: plan.approvedByEmployeeId,
    workResults: ordered.map((workResult) => ({
      ...workResult,
      indicators: indicators.filter((i) => i.workResultId === workResult.id).sort((a, b) => a.position - b.position),
    })),
  };
}

/**
 * Reopens an approved plan as a draft (plan-workflow.rule decides whether it may) and records the
 * revision: who, as what, when, why, and the plan as it was agreed.
 */
export function revisePlan(
  plan: PerformancePlan,
  actor: PlanActor,
  context: {
    id: string;
    at: Date;
    actorEmployeeId: string;
    /** How many revisions the plan had before this one. */
    earlierRevisions: number;
    facts: RevisionFacts;
    workResults: readonly WorkResult[];
    indicators: readonly Indicator[];
  },
): { plan: PerformancePlan; revision: PlanRevision } {
  const after = changePlanStatus(plan, 'REVISE', actor, { at: context.at, actorEmployeeId: context.actorEmployeeId, revision: context.facts });
  return {
    plan: after,
    revision: {
      id: context.id,
      planId: plan.id,
      agencyId: plan.agencyId,
      sequence: context.earlierRevisions + 1,
      reason: (context.facts.reason ?? '').trim(),
      revisedByEmployeeId: context.actorEmployeeId,
      revisedAs: actor,
      revisedAt: context.at,
      snapshot: snapshotOf(plan, context.workResults, context.indicators),
    },
  };
}
