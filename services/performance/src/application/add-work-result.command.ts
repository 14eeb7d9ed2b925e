import { NotFoundError, ValidationError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import { newWorkResult, type WorkResult } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import type { IdGenerator } from '../domain/ports';
import type { WorkResultKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

export interface AddWorkResultInput {
  planId: string;
  kind: WorkResultKind;
  title: string;
  /** An RHK of the direct supervisor's plan for the same year, which this one serves. */
  cascadedFromWorkResultId: string | null;
}

export class AddWorkResult {
  constructor(
    private readonly sources: PlanContextSources,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: AddWorkResultInput): Promise<WorkResult> {
    const { plan, subject, annual } = await loadPlanContext(this.sources, input.planId);
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    if (input.cascadedFromWorkResultId) await this.assertCascadable(input.cascadedFromWorkResultId, plan.periodId, subject.supervisorEmployeeId);
    const existing = await this.sources.plans.workResultsOfPlans([plan.id]);
    const workResult = newWorkResult(this.ids.newId(), plan.id, input, existing.length + 1);
    await this.sources.plans.addWorkResult(plan, workResult, auditContextOf(actor));
    return workResult;
  }

  private async assertCascadable(workResultId: string, periodId: string, supervisorEmployeeId: string | null): Promise<void> {
    const [parent] = await this.sources.plans.workResultsByIds([workResultId]);
    if (!parent) throw new NotFoundError('WorkResult', workResultId, 'input.cascadedFromWorkResultId');
    const [parentPlan] = await this.sources.plans.byIds([parent.planId]);
    if (!parentPlan || parentPlan.employeeId !== supervisorEmployeeId || parentPlan.periodId !== periodId) {
      throw new ValidationError({ field: 'input.cascadedFromWorkResultId', message: "must be an RHK of the direct supervisor's SKP for the same year" });
    }
  }
}
