import { type Indicator, newIndicator } from '../domain/plan';
import type { IndicatorAspect } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import type { PlanContextSources } from './plan-context';
import { editableIndicator } from './plan-item-access';

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
    const { plan, indicator } = await editableIndicator(this.sources, actor.viewer, input.indicatorId, 'input.indicatorId');
    const after = newIndicator(indicator.id, indicator.workResultId, input, indicator.position);
    await this.sources.plans.updateIndicator(plan, indicator, after, auditContextOf(actor));
    return after;
  }
}
