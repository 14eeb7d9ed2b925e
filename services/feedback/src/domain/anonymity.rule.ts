import { CORE_VALUES, type CoreValue, RATER_GROUPS, type RaterGroup } from './vocabulary';

/** Rule 8: peer and subordinate answers show only in aggregate, and only when at least this many of the group answered. */
export const ANONYMITY_THRESHOLD = 3;

/** Sums of one group's answers for one value (what is stored: never one rater's answers). */
export interface ScoreSum {
  group: RaterGroup;
  value: CoreValue;
  sum: number;
  count: number;
}

export interface GroupAverage {
  group: RaterGroup;
  value: CoreValue;
  average: number;
}

/** Whether a group's aggregate may be shown: the supervisor and the self-assessment are one person each by definition. */
export function isGroupShown(group: RaterGroup, answered: number, threshold: number = ANONYMITY_THRESHOLD): boolean {
  if (answered === 0) return false;
  return group === 'SUPERVISOR' || group === 'SELF' || answered >= threshold;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The averages per group and value that may be shown, given how many of each group answered, in group then value order. */
export function shownAverages(sums: readonly ScoreSum[], answered: ReadonlyMap<RaterGroup, number>, threshold: number = ANONYMITY_THRESHOLD): GroupAverage[] {
  return sums
    .filter((sum) => sum.count > 0 && isGroupShown(sum.group, answered.get(sum.group) ?? 0, threshold))
    .map((sum) => ({ group: sum.group, value: sum.value, average: round2(sum.sum / sum.count) }))
    .sort((a, b) => RATER_GROUPS.indexOf(a.group) - RATER_GROUPS.indexOf(b.group) || CORE_VALUES.indexOf(a.value) - CORE_VALUES.indexOf(b.value));
}

/**
 * The aggregate per value that `feedback.cycle.completed` carries: the answers of the other raters
 * (not the self-assessment) in the groups that may be shown, and an average only when at least
 * `threshold` raters stand behind it.
 */
export function completedAggregate(
  values: readonly CoreValue[],
  sums: readonly ScoreSum[],
  answered: ReadonlyMap<RaterGroup, number>,
  threshold: number = ANONYMITY_THRESHOLD,
): { value: CoreValue; average: number | null; responses: number }[] {
  const others = (['SUPERVISOR', 'PEER', 'SUBORDINATE'] as const).filter((group) => isGroupShown(group, answered.get(group) ?? 0, threshold));
  const responses = others.reduce((total, group) => total + (answered.get(group) ?? 0), 0);
  return values.map((value) => {
    const included = sums.filter((sum) => sum.value === value && others.includes(sum.group as (typeof others)[number]));
    const count = included.reduce((total, sum) => total + sum.count, 0);
    const average = responses >= threshold && count > 0 ? round2(included.reduce((total, sum) => total + sum.sum, 0) / count) : null;
    return { value, average, responses: average === null ? 0 : responses };
  });
}
