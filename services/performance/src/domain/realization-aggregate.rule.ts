import type { Cadence } from './period.rule';
import type { IndicatorAspect } from './vocabulary';

/**
 * How sub-period realizations add up to the year, and what a sub-period is measured against.
 * QUANTITY and COST are flows (reports made, money spent): they accumulate, so the year sums its
 * sub-periods and a sub-period is measured against its share of the annual target. QUALITY and
 * TIME are levels (a score, days per case): the year is the mean of the sub-periods reported and
 * a sub-period is measured against the annual target itself. Nothing reported is null, which the
 * work-result rule counts as nothing achieved.
 */
export function isAccumulating(aspect: IndicatorAspect): boolean {
  return aspect === 'QUANTITY' || aspect === 'COST';
}

export function annualRealized(aspect: IndicatorAspect, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, value) => total + value, 0);
  return isAccumulating(aspect) ? sum : sum / values.length;
}

export function subPeriodTarget(aspect: IndicatorAspect, annualTarget: number, cadence: Cadence): number {
  if (!isAccumulating(aspect)) return annualTarget;
  return annualTarget / (cadence === 'MONTHLY' ? 12 : 4);
}
