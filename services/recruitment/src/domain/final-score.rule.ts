import type { FieldProblem } from '@kinerja/errors';

import { SKD_MAXIMUM } from './skd.rule';

/**
 * How a selection makes SKD and SKB comparable before weighting them: each as a percentage of the
 * test's maximum, or of the highest score in the formation.
 */
export type NormalisationMethod = 'PERCENT_OF_MAXIMUM' | 'PERCENT_OF_HIGHEST';

export interface ScoringPolicy {
  method: NormalisationMethod;
  /** The SKB test's maximum score (the SKD's is fixed by rule 6). */
  skbMaximum: number;
  /** The share of the interview in the SKB (0..1); the rest is the SKB test. */
  interviewWeight: number;
  /** Rule 6: 40 % SKD, 60 % SKB. */
  skdWeight: number;
}

export const DEFAULT_SCORING: ScoringPolicy = { method: 'PERCENT_OF_MAXIMUM', skbMaximum: 100, interviewWeight: 0, skdWeight: 0.4 };

export const INTERVIEW_MAXIMUM = 100;

export function scoringPolicyProblems(policy: ScoringPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(Number.isFinite(policy.skbMaximum) && policy.skbMaximum > 0)) problems.push({ field: 'skbMaximum', message: 'must be above 0' });
  if (!(policy.interviewWeight >= 0 && policy.interviewWeight <= 1)) problems.push({ field: 'interviewWeight', message: 'must be from 0 to 1' });
  if (!(policy.skdWeight >= 0 && policy.skdWeight <= 1)) problems.push({ field: 'skdWeight', message: 'must be from 0 to 1' });
  return problems;
}

export interface FinalScoreInput {
  skdTotal: number;
  skbScore: number;
  /** Null when the selection has no interview share or the applicant did not sit it. */
  interviewScore: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (score: number, of: number) => (of > 0 ? (score / of) * 100 : 0);

/**
 * Rule 6: final = 40 % SKD + 60 % SKB, both normalised to 0..100 as the selection defines.
 * Scores come for one formation at once, since PERCENT_OF_HIGHEST compares them with each other.
 * Rounded to two decimals, as announcements print them; the tie rules settle equal results.
 */
export function finalScores(inputs: readonly FinalScoreInput[], policy: ScoringPolicy = DEFAULT_SCORING): number[] {
  const skbComposites = inputs.map(
    (input) =>
      (1 - policy.interviewWeight) * percent(input.skbScore, policy.skbMaximum) +
      policy.interviewWeight * percent(input.interviewScore ?? 0, INTERVIEW_MAXIMUM),
  );
  const skdOf =
    policy.method === 'PERCENT_OF_MAXIMUM'
      ? (input: FinalScoreInput) => percent(input.skdTotal, SKD_MAXIMUM)
      : (input: FinalScoreInput) => percent(input.skdTotal, Math.max(...inputs.map((i) => i.skdTotal)));
  const highestSkb = Math.max(...skbComposites);
  return inputs.map((input, index) => {
    const skb = policy.method === 'PERCENT_OF_MAXIMUM' ? (skbComposites[index] ?? 0) : percent(skbComposites[index] ?? 0, highestSkb);
    return round2(policy.skdWeight * skdOf(input) + (1 - policy.skdWeight) * skb);
  });
}
