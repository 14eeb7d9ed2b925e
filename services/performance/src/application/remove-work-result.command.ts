import type { PerformancePlan } from '../domain/plan';
import { type Actor, auditContextOf } from './actor';
import type { PlanContextSources } from './plan-context';
import { editableWorkResult } from './plan-item-access';

/**
 * The employee removes an RHK of their draft SKP with its indicators. Refused (CONFLICT) while a
 * subordinate's RHK cascades from it (the subordinate unlinks or removes theirs first) or while
 * realizations were reported on its indicators (a revised plan keeps what was reported).
 */
export class RemoveWorkResult {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, workResultId: string): Promise<PerformancePlan> {
    const { plan, workResult } = await editableWorkResult(this.sources, actor.viewer, workResultId, 'workResultId');
    await this.sources.plans.removeWorkResult(plan, workResult, auditContextOf(actor));
    return plan;
  }
}
