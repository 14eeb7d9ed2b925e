import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { type Predikat, PREDIKATS, type UnitRating } from './vocabulary';

/**
 * Rule 3, the distribution curve: how the predikat of a unit's employees should spread, given the
 * unit's own rating. Guidance "to be taken into account", so it warns (or blocks, per agency) and
 * never rewrites anyone's predikat.
 *
 * Rounding in small units (n = employees to be assessed in the unit):
 * - "at most p%" allows floor(p% × n) people, but at least one when p > 0. Rounding down keeps
 *   the cap a cap; the floor of one exists because the regulation writes "no SANGAT_BAIK" where it
 *   means none, so "at most 10% of 4" cannot be read as a ban. n = 1 → 1, 2 → 1, 3 → 2 at 70%.
 * - "at least p%" requires ceil(p% × n) people: rounding up is the only reading that is still
 *   "at least". 60% of 2 → 2; 10% of 11 → 2.
 * - "at least one" is one, whatever n (a one-person BAIK unit warns unless that person is
 *   BUTUH_PERBAIKAN or KURANG: that is the regulation's text; the justification is the way out).
 * - Minimums of one unit rating together never ask for more than n: a later minimum yields to the
 *   earlier (larger) one. A KURANG unit of 2 needs 2 KURANG and then 0 BUTUH_PERBAIKAN, not 1.
 * - n = 0 requires and allows nothing.
 */
export type DistributionBound = 'AT_MOST' | 'AT_LEAST';

interface CurveRule {
  predikats: readonly Predikat[];
  bound: DistributionBound;
  /** Null: "at least one". */
  percent: number | null;
}

const CURVE: Readonly<Record<UnitRating, readonly CurveRule[]>> = {
  ISTIMEWA: [{ predikats: ['SANGAT_BAIK'], bound: 'AT_MOST', percent: 70 }],
  BAIK: [
    { predikats: ['BAIK'], bound: 'AT_MOST', percent: 70 },
    { predikats: ['BUTUH_PERBAIKAN', 'KURANG'], bound: 'AT_LEAST', percent: null },
  ],
  BUTUH_PERBAIKAN: [
    { predikats: ['BUTUH_PERBAIKAN'], bound: 'AT_LEAST', percent: 60 },
    { predikats: ['SANGAT_BAIK'], bound: 'AT_MOST', percent: 10 },
  ],
  KURANG: [
    { predikats: ['KURANG'], bound: 'AT_LEAST', percent: 60 },
    { predikats: ['BUTUH_PERBAIKAN'], bound: 'AT_LEAST', percent: 10 },
    { predikats: ['SANGAT_BAIK'], bound: 'AT_MOST', percent: 10 },
  ],
  SANGAT_KURANG: [
    { predikats: ['SANGAT_KURANG'], bound: 'AT_LEAST', percent: 60 },
    { predikats: ['KURANG', 'BUTUH_PERBAIKAN'], bound: 'AT_LEAST', percent: 10 },
    { predikats: ['SANGAT_BAIK'], bound: 'AT_MOST', percent: 0 },
  ],
};

export type PredikatCounts = Readonly<Partial<Record<Predikat, number>>>;

export interface DistributionRow {
  description: string;
  predikats: readonly Predikat[];
  bound: DistributionBound;
  percent: number | null;
  /** AT_MOST: the most allowed; AT_LEAST: the fewest required; both for the whole unit. */
  requiredCount: number;
  actualCount: number;
  satisfied: boolean;
  /** Can still hold once the employees not yet assessed are; a broken cap never can. */
  reachable: boolean;
}

export interface DistributionCheck {
  unitRating: UnitRating;
  headcount: number;
  assessed: number;
  rows: DistributionRow[];
  satisfied: boolean;
  /**
   * 0 while the rule can still hold; otherwise people over a cap plus people a minimum lacks that
   * the unassessed cannot supply (minimums of one rating cover disjoint predikat, so they share them).
   */
  shortfall: number;
}

function describeRule({ predikats, bound, percent }: CurveRule): string {
  const names = predikats.join(' or ');
  if (percent === null) return `at least one ${names}`;
  if (bound === 'AT_MOST' && percent === 0) return `no ${names}`;
  return `${bound === 'AT_MOST' ? 'at most' : 'at least'} ${percent}% ${names}`;
}

function assertCounts(counts: PredikatCounts, headcount: number | undefined): void {
  const problems: FieldProblem[] = [];
  for (const predikat of PREDIKATS) {
    const count = counts[predikat] ?? 0;
    if (!Number.isInteger(count) || count < 0) problems.push({ field: `counts.${predikat}`, message: 'must be a whole number of 0 or more' });
  }
  if (headcount !== undefined && (!Number.isInteger(headcount) || headcount < 0)) {
    problems.push({ field: 'headcount', message: 'must be a whole number of 0 or more' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * The unit's distribution against its rule. `headcount` is the number of employees to be assessed
 * in the unit for the period; without it (or when fewer than already assessed) the assessed
 * employees are taken as the whole unit, which makes unmet minimums look broken early.
 */
export function checkDistribution(unitRating: UnitRating, counts: PredikatCounts, headcount?: number): DistributionCheck {
  assertCounts(counts, headcount);
  const assessed = PREDIKATS.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  const n = Math.max(headcount ?? 0, assessed);
  const remaining = n - assessed;
  let minimumsSoFar = 0;
  let over = 0;
  let missing = 0;
  const rows = CURVE[unitRating].map((rule): DistributionRow => {
    const actualCount = rule.predikats.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
    let requiredCount: number;
    if (rule.bound === 'AT_MOST') {
      const floor = Math.floor(((rule.percent ?? 0) * n) / 100);
      requiredCount = n > 0 && rule.percent !== 0 ? Math.max(1, floor) : floor;
      over += Math.max(0, actualCount - requiredCount);
    } else {
      const wanted = rule.percent === null ? Math.min(1, n) : Math.ceil((rule.percent * n) / 100);
      requiredCount = Math.min(wanted, n - minimumsSoFar);
      minimumsSoFar += requiredCount;
      missing += Math.max(0, requiredCount - actualCount);
    }
    const satisfied = rule.bound === 'AT_MOST' ? actualCount <= requiredCount : actualCount >= requiredCount;
    const reachable = rule.bound === 'AT_MOST' ? satisfied : actualCount + remaining >= requiredCount;
    return {
      description: describeRule(rule),
      predikats: rule.predikats,
      bound: rule.bound,
      percent: rule.percent,
      requiredCount,
      actualCount,
      satisfied,
      reachable,
    };
  });
  const shortfall = over + Math.max(0, missing - remaining);
  return { unitRating, headcount: n, assessed, rows, satisfied: rows.every((r) => r.satisfied), shortfall };
}

/**
 * Would finalizing one more employee with `added` break the curve? Yes when it takes the unit
 * further out of the rule's reach than it was before. So a minimum not met yet while others still
 * await assessment is no break; and when the curve is already out of reach (an earlier, justified
 * finalization), only a finalization that makes it worse warns again: each one that deepens a
 * breach needs its own justification, and one that does not should not pay for the earlier one.
 */
export function wouldBreak(unitRating: UnitRating, counts: PredikatCounts, added: Predikat, headcount?: number): boolean {
  const before = checkDistribution(unitRating, counts, headcount);
  const after = checkDistribution(unitRating, { ...counts, [added]: (counts[added] ?? 0) + 1 }, headcount);
  return after.shortfall > before.shortfall;
}
