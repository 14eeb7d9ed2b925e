import { assertAuthenticated } from '@kinerja/auth';

import { assertPeriodOpen } from '../domain/period.rule';
import { newWorkResult, type WorkResult } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import type { WorkResultKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { type PlanContextSources, requirePlanActor } from './plan-context';
import { loadWorkResult } from './plan-item-access';

export interface UpdateWorkResultInput {
  workResultId: string;
  kind: WorkResultKind;
  title: string;
}

/** The employee changes an RHK of their draft SKP (its kind and title; its cascade link stays). */
export class UpdateWorkResult {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, input: UpdateWorkResultInput): Promise<WorkResult> {
    assertAuthenticated(actor.viewer);
    const { plan, subject, annual, workResult } = await loadWorkResult(this.sources, actor.viewer, input.workResultId, 'input.workResultId');
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    const after = newWorkResult(workResult.id, plan.id, { ...input, cascadedFromWorkResultId: workResult.cascadedFromWorkResultId }, workResult.position);
    await this.sources.plans.updateWorkResult(plan, workResult, after, auditContextOf(actor));
    return after;
  }
}
