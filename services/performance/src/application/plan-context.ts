import { assertAuthenticated, canReadAgency, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { planActorOf } from '../domain/access.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { PerformancePeriod } from '../domain/period';
import type { PerformancePlan } from '../domain/plan';
import type { PlanActor } from '../domain/plan-workflow.rule';
import type { EmployeeCopyRepository, PeriodRepository, PlanRepository } from '../domain/repositories';

/** A plan with the employee it belongs to (from the local copy) and its annual period. */
export interface PlanContext {
  plan: PerformancePlan;
  subject: EmployeeCopy;
  annual: PerformancePeriod;
}

export interface PlanContextSources {
  plans: PlanRepository;
  copies: EmployeeCopyRepository;
  periods: PeriodRepository;
}

export async function loadPlanContext(sources: PlanContextSources, planId: string, field = 'input.planId'): Promise<PlanContext> {
  const [plan] = await sources.plans.byIds([planId]);
  if (!plan) throw new NotFoundError('PerformancePlan', planId, field);
  const [[subject], [annual]] = await Promise.all([sources.copies.byIds([plan.employeeId]), sources.periods.byIds([plan.periodId])]);
  if (!subject) throw new NotFoundError('Employee', plan.employeeId);
  if (!annual) throw new NotFoundError('PerformancePeriod', plan.periodId);
  return { plan, subject, annual };
}

/**
 * The viewer's part in the plan. Someone of another agency is told FORBIDDEN as a stranger; a
 * colleague who is neither the employee nor the direct supervisor is told so.
 */
export function requirePlanActor(viewer: Viewer, subject: EmployeeCopy): PlanActor {
  assertAuthenticated(viewer);
  const actor = planActorOf(viewer, subject);
  if (actor) return actor;
  if (!canReadAgency(viewer, subject.agencyId)) throw new ForbiddenError('This plan belongs to another agency');
  throw new ForbiddenError('Only the employee and their direct supervisor act on this plan');
}
