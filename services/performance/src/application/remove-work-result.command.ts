import { assertAuthenticated } from '@kinerja/auth';

import { assertPeriodOpen } from '../domain/period.rule';
import type { PerformancePlan } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import { type Actor, auditContextOf } from './actor';
import { type PlanContextSources, requirePlanActor } from './plan-context';
import { loadWorkResult } from './plan-item-access';

/**
 * The employee removes an RHK of their draft SKP with its indicators. Refused (CONFLICT) while a
 * subordinate's RHK cascades from it (the subordinate unlinks or removes theirs first) or while
 * realizations were reported on its indicators (a revised plan keeps what was reported).
 */
export class RemoveWorkResult {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, workResultId: string): Promise<PerformancePlan> {
    assertAuthenticated(actor.viewer);
    const { plan, subject, annual, workResult } = await loadWorkResult(this.sources, actor.viewer, workResultId, 'workResultId');
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    await this.sources.plans.removeWorkResult(plan, workResult, auditContextOf(actor));
    return plan;
  }
}
