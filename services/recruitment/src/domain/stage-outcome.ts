import type { Application } from './application';
import { finalScores, type ScoringPolicy } from './final-score.rule';
import { finalRanking, type RankedCandidate, skbCut } from './ranking.rule';
import { type PassMarks, skdOutcome } from './skd.rule';

/** An application with what the tie rules need of its applicant. */
export interface Contender {
  application: Application;
  birthDate: string;
}

const asCandidate = (contender: Contender, finalScore: number | null = null): RankedCandidate & { contender: Contender } => ({
  applicationId: contender.application.id,
  registrationNumber: contender.application.registrationNumber,
  birthDate: contender.birthDate,
  skd: contender.application.skd ?? { twk: 0, tiu: 0, tkp: 0 },
  finalScore,
  contender,
});

/**
 * The SKD results of one formation: qualified applicants below a pass mark (or absent, without
 * scores) stop; the others are ranked by the tie rules and up to 3× the quota go on to SKB.
 */
export function skdResults(contenders: readonly Contender[], quota: number, marks: PassMarks, now: Date): Application[] {
  const qualified = contenders.filter((c) => c.application.status === 'QUALIFIED');
  const passed = qualified.filter((c) => c.application.skd !== null && skdOutcome(c.application.skd, marks).passed);
  const failed = qualified.filter((c) => !passed.includes(c));
  return [
    ...skbCut(
      passed.map((c) => asCandidate(c)),
      quota,
    ).map(({ candidate, rank, within }) => ({
      ...candidate.contender.application,
      status: within ? ('SKB' as const) : ('OUTSIDE_SKB_CUT' as const),
      skdRank: rank,
      updatedAt: now,
    })),
    ...failed.map((c) => ({ ...c.application, status: 'BELOW_PASS_MARK' as const, skdRank: null, updatedAt: now })),
  ];
}

/**
 * The final results of one formation: SKB participants get 40 % SKD + 60 % SKB as the selection
 * normalises them and are ranked; the quota are selected. Without an SKB score (absent) an
 * applicant is not selected and has no final score.
 */
export function finalResults(contenders: readonly Contender[], quota: number, scoring: ScoringPolicy, now: Date): Application[] {
  const participants = contenders.filter((c) => c.application.status === 'SKB');
  const sat = participants.filter((c) => c.application.skbScore !== null);
  const absent = participants.filter((c) => c.application.skbScore === null);
  const scores = finalScores(
    sat.map(({ application }) => ({
      skdTotal: application.skd ? application.skd.twk + application.skd.tiu + application.skd.tkp : 0,
      skbScore: application.skbScore ?? 0,
      interviewScore: application.interviewScore,
    })),
    scoring,
  );
  return [
    ...finalRanking(
      sat.map((c, index) => asCandidate(c, scores[index] ?? 0)),
      quota,
    ).map(({ candidate, rank, within }) => ({
      ...candidate.contender.application,
      status: within ? ('SELECTED' as const) : ('NOT_SELECTED' as const),
      finalScore: candidate.finalScore ?? null,
      finalRank: rank,
      updatedAt: now,
    })),
    ...absent.map((c) => ({ ...c.application, status: 'NOT_SELECTED' as const, finalScore: null, finalRank: null, updatedAt: now })),
  ];
}
