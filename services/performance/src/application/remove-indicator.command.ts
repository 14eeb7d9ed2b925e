import type { WorkResult } from '../domain/plan';
import { type Actor, auditContextOf } from './actor';
import type { PlanContextSources } from './plan-context';
import { editableIndicator } from './plan-item-access';

/** The employee removes an indicator of their draft SKP; refused (CONFLICT) once realizations were reported on it. */
export class RemoveIndicator {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, indicatorId: string): Promise<WorkResult> {
    const { plan, workResult, indicator } = await editableIndicator(this.sources, actor.viewer, indicatorId, 'indicatorId');
    await this.sources.plans.removeIndicator(plan, indicator, auditContextOf(actor));
    return workResult;
  }
}
