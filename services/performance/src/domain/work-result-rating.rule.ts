import { type FieldProblem, ValidationError } from '@kinerja/errors';

import type { ExpectationRating, IndicatorAspect, UnitRating, WorkResultKind } from './vocabulary';

/**
 * Rule 2: the work-result rating the system proposes from realizations against targets. The
 * supervisor decides and any override is recorded elsewhere; this only makes the proposal.
 * Numbers are percentages rounded to two decimals before they are compared, so the figure a
 * screen shows and the rating it explains never disagree.
 */
export interface WorkResultPolicy {
  /** A work result is ABOVE expectation from this achievement on. Default 110. */
  aboveFromPercent: number;
  /** … and MEETS from this one on: ±10% around the target agreed a year ahead. Default 90. */
  meetsFromPercent: number;
  /** One indicator counts at most this much, so over-achieving one cannot hide missing another. Default 120. */
  achievementCapPercent: number;
  /** The "small share" of MAIN results that may be BELOW and still MEET. Default 20. */
  mainBelowMaxPercentForMeets: number;
}

export const DEFAULT_WORK_RESULT_POLICY: Readonly<WorkResultPolicy> = {
  aboveFromPercent: 110,
  meetsFromPercent: 90,
  achievementCapPercent: 120,
  mainBelowMaxPercentForMeets: 20,
};

export interface IndicatorMeasure {
  aspect: IndicatorAspect;
  target: number;
  /** Null when nothing was reported: it counts as nothing achieved. */
  realized: number | null;
  /** Days taken or money spent: achieving less than the target is better. Only TIME and COST. */
  lowerIsBetter?: boolean;
}

export interface WorkResultMeasure {
  id: string;
  kind: WorkResultKind;
  indicators: readonly IndicatorMeasure[];
}

export interface RatedWorkResult {
  id: string;
  kind: WorkResultKind;
  indicatorAchievements: number[];
  /** Mean of its indicators' capped achievements: each indicator of an RHK weighs the same. */
  achievement: number;
  rating: ExpectationRating;
}

export interface WorkResultProposal {
  proposal: ExpectationRating;
  results: RatedWorkResult[];
  /** Ids of the MAIN results rated BELOW: the performance gaps that development acts on. */
  gaps: string[];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Achievement in percent, capped; lower-is-better is inverted (target / realized), a realized 0 is the cap. */
export function indicatorAchievement(indicator: IndicatorMeasure, policy: WorkResultPolicy = DEFAULT_WORK_RESULT_POLICY): number {
  const { target, realized } = indicator;
  if (realized === null) return 0;
  let raw: number;
  if (!indicator.lowerIsBetter) raw = (realized / target) * 100;
  else raw = realized === 0 ? policy.achievementCapPercent : (target / realized) * 100;
  return round2(Math.min(raw, policy.achievementCapPercent));
}

export function rateAchievement(achievement: number, policy: WorkResultPolicy = DEFAULT_WORK_RESULT_POLICY): ExpectationRating {
  if (achievement >= policy.aboveFromPercent) return 'ABOVE';
  if (achievement >= policy.meetsFromPercent) return 'MEETS';
  return 'BELOW';
}

/**
 * "Most" is a strict majority of all results, MAIN and ADDITIONAL alike. ABOVE: most results
 * ABOVE and no MAIN result BELOW. MEETS: most results MEETS or ABOVE and at most
 * `mainBelowMaxPercentForMeets`% of the MAIN results BELOW (no rounding up: with fewer than five
 * MAIN results a single miss exceeds the default 20%, because a MAIN result is the core of the
 * job; the supervisor overrides, with a reason, when the miss was not the employee's doing).
 * BELOW otherwise.
 */
export function proposeWorkResultRating(workResults: readonly WorkResultMeasure[], policy: WorkResultPolicy = DEFAULT_WORK_RESULT_POLICY): WorkResultProposal {
  assertMeasurable(workResults);
  const results = workResults.map((workResult): RatedWorkResult => {
    const indicatorAchievements = workResult.indicators.map((indicator) => indicatorAchievement(indicator, policy));
    const achievement = round2(indicatorAchievements.reduce((sum, a) => sum + a, 0) / indicatorAchievements.length);
    return { id: workResult.id, kind: workResult.kind, indicatorAchievements, achievement, rating: rateAchievement(achievement, policy) };
  });
  const main = results.filter((r) => r.kind === 'MAIN');
  const gaps = main.filter((r) => r.rating === 'BELOW').map((r) => r.id);
  const above = results.filter((r) => r.rating === 'ABOVE').length;
  const meetsOrAbove = results.filter((r) => r.rating !== 'BELOW').length;
  const isMost = (count: number): boolean => count * 2 > results.length;

  let proposal: ExpectationRating = 'BELOW';
  if (isMost(above) && gaps.length === 0) proposal = 'ABOVE';
  else if (isMost(meetsOrAbove) && gaps.length * 100 <= policy.mainBelowMaxPercentForMeets * main.length) proposal = 'MEETS';
  return { proposal, results, gaps };
}

/** Rule 2 for the head of a unit: the unit's own rating for the period sets the work-result rating. */
export function unitHeadWorkResultRating(unitRating: UnitRating): ExpectationRating {
  if (unitRating === 'ISTIMEWA') return 'ABOVE';
  if (unitRating === 'BAIK') return 'MEETS';
  return 'BELOW';
}

function assertMeasurable(workResults: readonly WorkResultMeasure[]): void {
  const problems: FieldProblem[] = [];
  if (!workResults.some((w) => w.kind === 'MAIN')) problems.push({ field: 'workResults', message: 'a plan needs at least one MAIN work result' });
  workResults.forEach((workResult, i) => {
    const at = `workResults[${i}]`;
    if (workResult.indicators.length === 0) problems.push({ field: `${at}.indicators`, message: 'a work result needs at least one indicator' });
    workResult.indicators.forEach((indicator, j) => {
      const field = `${at}.indicators[${j}]`;
      if (!Number.isFinite(indicator.target) || indicator.target <= 0) problems.push({ field: `${field}.target`, message: 'must be a number above 0' });
      if (indicator.realized !== null && (!Number.isFinite(indicator.realized) || indicator.realized < 0)) {
        problems.push({ field: `${field}.realized`, message: 'must be a number of 0 or more' });
      }
      if (indicator.lowerIsBetter && indicator.aspect !== 'TIME' && indicator.aspect !== 'COST') {
        problems.push({ field: `${field}.lowerIsBetter`, message: 'only a TIME or COST indicator can be lower-is-better' });
      }
    });
  });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** For the agency setting: the thresholds must keep the three bands in order. */
export function validateWorkResultPolicy(policy: WorkResultPolicy): WorkResultPolicy {
  const problems: FieldProblem[] = [];
  const { aboveFromPercent: above, meetsFromPercent: meets, achievementCapPercent: cap, mainBelowMaxPercentForMeets: share } = policy;
  if (!(meets > 0)) problems.push({ field: 'meetsFromPercent', message: 'must be above 0' });
  if (!(above > meets)) problems.push({ field: 'aboveFromPercent', message: 'must be above meetsFromPercent' });
  if (!(cap >= above)) problems.push({ field: 'achievementCapPercent', message: 'must be at least aboveFromPercent, or nothing could be ABOVE' });
  if (!(share >= 0 && share <= 100)) problems.push({ field: 'mainBelowMaxPercentForMeets', message: 'must be between 0 and 100' });
  if (problems.length > 0) throw new ValidationError(problems);
  return policy;
}
