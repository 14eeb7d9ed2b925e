import { NotFoundError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import { type Indicator, newIndicator } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import type { IdGenerator } from '../domain/ports';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

/** An indicator as the caller gives it: its id and its place in the RHK are the command's to choose. */
export type AddIndicatorInput = Omit<Indicator, 'id' | 'position'>;

export class AddIndicator {
  constructor(
    private readonly sources: PlanContextSources,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: AddIndicatorInput): Promise<Indicator> {
    const [workResult] = await this.sources.plans.workResultsByIds([input.workResultId]);
    if (!workResult) throw new NotFoundError('WorkResult', input.workResultId, 'input.workResultId');
    const { plan, subject, annual } = await loadPlanContext(this.sources, workResult.planId);
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    const existing = await this.sources.plans.indicatorsOfWorkResults([workResult.id]);
    const indicator = newIndicator(this.ids.newId(), workResult.id, input, existing.length + 1);
    await this.sources.plans.addIndicator(plan, indicator, auditContextOf(actor));
    return indicator;
  }
}
