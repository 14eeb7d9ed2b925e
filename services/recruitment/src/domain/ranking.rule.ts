import type { SkdScores } from './skd.rule';

/** What the tie rules look at, for one application of one formation. */
export interface RankedCandidate {
  applicationId: string;
  registrationNumber: string;
  /** YYYY-MM-DD: the older applicant ranks first on a full tie. */
  birthDate: string;
  skd: SkdScores;
  /** The final score (40 % SKD + 60 % SKB), once there is one. */
  finalScore?: number | null;
}

const skdTotal = (candidate: RankedCandidate) => candidate.skd.twk + candidate.skd.tiu + candidate.skd.tkp;

/**
 * Rule 6's ties: higher SKD total, then TKP, TIU, TWK, then the older applicant (with the total, TKP
 * and TIU level, TWK is level too; it stays in the chain as the regulation lists it). The registration
 * number settles what the regulation leaves open (same scores, same birthday) so that a ranking
 * never depends on the order rows came from the database.
 */
export function compareTies(a: RankedCandidate, b: RankedCandidate): number {
  return (
    skdTotal(b) - skdTotal(a) ||
    b.skd.tkp - a.skd.tkp ||
    b.skd.tiu - a.skd.tiu ||
    b.skd.twk - a.skd.twk ||
    a.birthDate.localeCompare(b.birthDate) ||
    a.registrationNumber.localeCompare(b.registrationNumber)
  );
}

/** SKD rank: the total first, then the ties. */
export const compareBySkd = compareTies;

/** Final rank: the final score first, then the same ties. */
export function compareByFinal(a: RankedCandidate, b: RankedCandidate): number {
  return (b.finalScore ?? Number.NEGATIVE_INFINITY) - (a.finalScore ?? Number.NEGATIVE_INFINITY) || compareTies(a, b);
}

export interface Placed<T> {
  candidate: T;
  rank: number;
  /** Within the places: to SKB (the 3× cut) or selected (the formation's quota). */
  within: boolean;
}

/** Ranks candidates and marks the first `places` of them. */
export function placeCandidates<T extends RankedCandidate>(candidates: readonly T[], places: number, compare: (a: T, b: T) => number): Placed<T>[] {
  return [...candidates].sort(compare).map((candidate, index) => ({ candidate, rank: index + 1, within: index < places }));
}

/** Rule 6: up to this many times the formation's quota go on to SKB. */
export const SKB_MULTIPLIER = 3;

/** The SKD ranking of those who passed the pass marks, with the 3× cut to SKB. */
export function skbCut<T extends RankedCandidate>(passed: readonly T[], quota: number, multiplier = SKB_MULTIPLIER): Placed<T>[] {
  return placeCandidates(passed, quota * multiplier, compareBySkd);
}

/** The final ranking of a formation: its quota are selected. */
export function finalRanking<T extends RankedCandidate>(candidates: readonly T[], quota: number): Placed<T>[] {
  return placeCandidates(candidates, quota, compareByFinal);
}
