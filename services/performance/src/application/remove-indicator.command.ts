import { assertAuthenticated } from '@kinerja/auth';

import { assertPeriodOpen } from '../domain/period.rule';
import type { WorkResult } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import { type Actor, auditContextOf } from './actor';
import { type PlanContextSources, requirePlanActor } from './plan-context';
import { loadIndicator } from './plan-item-access';

/** The employee removes an indicator of their draft SKP; refused (CONFLICT) once realizations were reported on it. */
export class RemoveIndicator {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, indicatorId: string): Promise<WorkResult> {
    assertAuthenticated(actor.viewer);
    const { plan, subject, annual, workResult, indicator } = await loadIndicator(this.sources, actor.viewer, indicatorId, 'indicatorId');
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    await this.sources.plans.removeIndicator(plan, indicator, auditContextOf(actor));
    return workResult;
  }
}
