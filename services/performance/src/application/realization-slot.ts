import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { effectiveStatus, type PerformancePeriod } from '../domain/period';
import { assertPeriodOpen } from '../domain/period.rule';
import type { Indicator } from '../domain/plan';
import type { AssessmentRepository } from '../domain/repositories';
import type { Actor } from './actor';
import { loadPlanContext, type PlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

/** An indicator of a plan and one sub-period of the plan's year: where a realization and its evidence go. */
export interface RealizationSlot extends PlanContext {
  indicator: Indicator;
  subPeriod: PerformancePeriod;
}

export interface RealizationSlotSources extends PlanContextSources {
  assessments: AssessmentRepository;
}

/**
 * The rules for every change to a realization or its evidence: only the plan's employee, on an
 * approved plan, in a sub-period of the plan's year that is still open, and not once the
 * assessment of that sub-period or of the year is final.
 */
export async function openRealizationSlot(
  sources: RealizationSlotSources,
  actor: Actor,
  target: { indicatorId: string; periodId: string },
  what = 'realizations',
): Promise<RealizationSlot> {
  const [indicator] = await sources.plans.indicatorsByIds([target.indicatorId]);
  if (!indicator) throw new NotFoundError('Indicator', target.indicatorId, 'input.indicatorId');
  const [workResult] = await sources.plans.workResultsByIds([indicator.workResultId]);
  const context = await loadPlanContext(sources, workResult?.planId ?? '', 'input.indicatorId');
  const { plan, subject, annual } = context;
  if (requirePlanActor(actor.viewer, subject) !== 'EMPLOYEE') throw new ForbiddenError(`Only the employee reports ${what} of their plan`);
  const [subPeriod] = await sources.periods.byIds([target.periodId]);
  if (!subPeriod) throw new NotFoundError('PerformancePeriod', target.periodId, 'input.periodId');
  if (subPeriod.parentId !== plan.periodId) throw new ValidationError({ field: 'input.periodId', message: "is not a sub-period of the plan's year" });
  assertPeriodOpen({ id: subPeriod.id, status: effectiveStatus(subPeriod, annual) });
  if (plan.status !== 'APPROVED') {
    throw new ConflictError(`Realizations are reported against an approved plan; this one is ${plan.status}`, { status: plan.status });
  }
  const finalized = await sources.assessments.ofPlans([plan.id]);
  if (finalized.some((a) => a.kind === 'ANNUAL' || a.periodId === subPeriod.id)) {
    throw new ConflictError('The assessment of this period is final; its realizations are read-only');
  }
  return { ...context, indicator, subPeriod };
}
