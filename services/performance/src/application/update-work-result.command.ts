import { newWorkResult, type WorkResult } from '../domain/plan';
import type { WorkResultKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import type { PlanContextSources } from './plan-context';
import { editableWorkResult } from './plan-item-access';

export interface UpdateWorkResultInput {
  workResultId: string;
  kind: WorkResultKind;
  title: string;
}

/** The employee changes an RHK of their draft SKP (its kind and title; its cascade link stays). */
export class UpdateWorkResult {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, input: UpdateWorkResultInput): Promise<WorkResult> {
    const { plan, workResult } = await editableWorkResult(this.sources, actor.viewer, input.workResultId, 'input.workResultId');
    const after = newWorkResult(workResult.id, plan.id, { ...input, cascadedFromWorkResultId: workResult.cascadedFromWorkResultId }, workResult.position);
    await this.sources.plans.updateWorkResult(plan, workResult, after, auditContextOf(actor));
    return after;
  }
}
