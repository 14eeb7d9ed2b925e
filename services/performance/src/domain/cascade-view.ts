import type { Indicator, WorkResult } from './plan';
import type { IndicatorAspect, WorkResultKind } from './vocabulary';

/** An indicator of the supervisor's RHK as a cascaded RHK shows it: what is aimed at, not what was achieved. */
export interface CascadedIndicatorView {
  id: string;
  aspect: IndicatorAspect;
  description: string;
  target: number;
  unit: string;
  lowerIsBetter: boolean;
}

/** The supervisor's RHK as the employee cascading from it sees it: title and targets only. */
export interface CascadedWorkResultView {
  id: string;
  kind: WorkResultKind;
  title: string;
  indicators: CascadedIndicatorView[];
}

/**
 * What a cascaded RHK shows of the RHK it cascades from. The viewer is entitled to the employee's
 * plan, not to the supervisor's: the supervisor's realizations, evidence, assessments and other
 * cascades stay out, by construction (the view has nowhere to put them).
 */
export function cascadeViewOf(workResult: WorkResult, indicators: readonly Indicator[]): CascadedWorkResultView {
  return {
    id: workResult.id,
    kind: workResult.kind,
    title: workResult.title,
    indicators: indicators
      .filter((i) => i.workResultId === workResult.id)
      .sort((a, b) => a.position - b.position)
      .map(({ id, aspect, description, target, unit, lowerIsBetter }) => ({ id, aspect, description, target, unit, lowerIsBetter })),
  };
}
