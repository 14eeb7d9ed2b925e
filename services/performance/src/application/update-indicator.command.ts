import { assertAuthenticated } from '@kinerja/auth';

import { assertPeriodOpen } from '../domain/period.rule';
import { type Indicator, newIndicator } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import type { IndicatorAspect } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { type PlanContextSources, requirePlanActor } from './plan-context';
import { loadIndicator } from './plan-item-access';

export interface UpdateIndicatorInput {
  indicatorId: string;
  aspect: IndicatorAspect;
  description: string;
  target: number;
  unit: string;
  lowerIsBetter: boolean;
}

/** The employee changes an indicator of an RHK of their draft SKP, validated as when it was added. */
export class UpdateIndicator {
  constructor(private readonly sources: PlanContextSources) {}

  async execute(actor: Actor, input: UpdateIndicatorInput): Promise<Indicator> {
    assertAuthenticated(actor.viewer);
    const { plan, subject, annual, indicator } = await loadIndicator(this.sources, actor.viewer, input.indicatorId, 'input.indicatorId');
    assertPlanEditable(plan.status, requirePlanActor(actor.viewer, subject));
    assertPeriodOpen(annual);
    const after = newIndicator(indicator.id, indicator.workResultId, input, indicator.position);
    await this.sources.plans.updateIndicator(plan, indicator, after, auditContextOf(actor));
    return after;
  }
}
