import type { WorkResultGap } from './assessment';
import type { PerformancePeriod } from './period';
import type { Cadence } from './period.rule';
import type { Indicator, WorkResult } from './plan';
import type { Realization } from './realization';
import { annualRealized, subPeriodTarget } from './realization-aggregate.rule';
import {
  DEFAULT_WORK_RESULT_POLICY,
  proposeWorkResultRating,
  type WorkResultMeasure,
  type WorkResultPolicy,
  type WorkResultProposal,
} from './work-result-rating.rule';

/**
 * What the plan achieved in the assessed period, as the work-result rule measures it: the year
 * adds up all its sub-periods; a sub-period stands alone against its share of the target.
 */
export function measuresOf(
  workResults: readonly WorkResult[],
  indicators: readonly Indicator[],
  realizations: readonly Realization[],
  period: Pick<PerformancePeriod, 'id' | 'kind'>,
): WorkResultMeasure[] {
  return [...workResults]
    .sort((a, b) => a.position - b.position)
    .map((workResult) => ({
      id: workResult.id,
      kind: workResult.kind,
      indicators: indicators
        .filter((indicator) => indicator.workResultId === workResult.id)
        .sort((a, b) => a.position - b.position)
        .map((indicator) => {
          const reported = realizations.filter((r) => r.indicatorId === indicator.id);
          if (period.kind === 'ANNUAL') {
            return {
              aspect: indicator.aspect,
              target: indicator.target,
              realized: annualRealized(
                indicator.aspect,
                reported.map((r) => r.value),
              ),
              lowerIsBetter: indicator.lowerIsBetter,
            };
          }
          const inPeriod = reported.find((r) => r.subPeriodId === period.id);
          return {
            aspect: indicator.aspect,
            target: subPeriodTarget(indicator.aspect, indicator.target, period.kind as Cadence),
            realized: inPeriod?.value ?? null,
            lowerIsBetter: indicator.lowerIsBetter,
          };
        }),
    }));
}

export interface PlanProposal extends WorkResultProposal {
  workResultGaps: WorkResultGap[];
}

/** The system's proposal for the plan in the period (rule 2), with the MAIN results rated BELOW named. */
export function proposeForPlan(
  workResults: readonly WorkResult[],
  indicators: readonly Indicator[],
  realizations: readonly Realization[],
  period: Pick<PerformancePeriod, 'id' | 'kind'>,
  policy: WorkResultPolicy = DEFAULT_WORK_RESULT_POLICY,
): PlanProposal {
  const proposal = proposeWorkResultRating(measuresOf(workResults, indicators, realizations, period), policy);
  const titles = new Map(workResults.map((w) => [w.id, w.title]));
  return { ...proposal, workResultGaps: proposal.gaps.map((workResultId) => ({ workResultId, title: titles.get(workResultId) ?? '' })) };
}
