import { checkDistribution, type DistributionCheck, type PredikatCounts } from './distribution-curve.rule';
import { type Predikat, PREDIKATS, type UnitRating } from './vocabulary';

export interface PredikatShare {
  predikat: Predikat;
  count: number;
  /** Of the unit's headcount, to one decimal, for display only: the rule itself compares whole people. */
  percent: number;
}

export interface PredikatDistribution {
  unitRating: UnitRating | null;
  headcount: number;
  assessed: number;
  shares: PredikatShare[];
  /** Null while the unit has no rating for the period: there is no rule to hold it to yet. */
  check: DistributionCheck | null;
}

/** A unit's predikat so far against the rule of its rating (rule 3). */
export function predikatDistribution(unitRating: UnitRating | null, counts: PredikatCounts, headcount: number): PredikatDistribution {
  const assessed = PREDIKATS.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  const n = Math.max(headcount, assessed);
  const shares = PREDIKATS.map((predikat) => {
    const count = counts[predikat] ?? 0;
    return { predikat, count, percent: n === 0 ? 0 : Math.round((count * 1000) / n) / 10 };
  });
  return { unitRating, headcount: n, assessed, shares, check: unitRating ? checkDistribution(unitRating, counts, headcount) : null };
}
