import type { FieldProblem } from '@kinerja/errors';

/** The three sub-tests of the SKD (Seleksi Kompetensi Dasar). */
export type SkdSubtest = 'twk' | 'tiu' | 'tkp';

export interface SkdScores {
  twk: number;
  tiu: number;
  tkp: number;
}

export type PassMarks = SkdScores;

/**
 * Rule 6: TWK 30 items and TIU 35 items score 5 per correct answer (0 otherwise); TKP 45 items
 * score 1–5 each. So TWK is a multiple of 5 in 0..150, TIU a multiple of 5 in 0..175, TKP 45..225.
 */
export const SKD_SUBTESTS: Record<SkdSubtest, { items: number; min: number; max: number; step: number }> = {
  twk: { items: 30, min: 0, max: 150, step: 5 },
  tiu: { items: 35, min: 0, max: 175, step: 5 },
  tkp: { items: 45, min: 45, max: 225, step: 1 },
};

export const SKD_MAXIMUM = SKD_SUBTESTS.twk.max + SKD_SUBTESTS.tiu.max + SKD_SUBTESTS.tkp.max;

/** The national pass marks (nilai ambang batas); a selection may set its own. */
export const DEFAULT_PASS_MARKS: PassMarks = { twk: 65, tiu: 80, tkp: 166 };

const SUBTESTS: readonly SkdSubtest[] = ['twk', 'tiu', 'tkp'];

/** Every problem of a set of SKD scores, each naming its sub-test. */
export function skdScoreProblems(scores: SkdScores): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const subtest of SUBTESTS) {
    const { min, max, step } = SKD_SUBTESTS[subtest];
    const value = scores[subtest];
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ field: subtest, message: `must be a whole number from ${min} to ${max}` });
    } else if (value % step !== 0) {
      problems.push({ field: subtest, message: `must be a multiple of ${step} (${step} points per correct answer)` });
    }
  }
  return problems;
}

/** Pass marks must be scores a participant could reach. */
export function passMarkProblems(marks: PassMarks): FieldProblem[] {
  return SUBTESTS.flatMap((subtest) => {
    const { min, max } = SKD_SUBTESTS[subtest];
    const value = marks[subtest];
    return Number.isInteger(value) && value >= min && value <= max ? [] : [{ field: subtest, message: `must be a whole number from ${min} to ${max}` }];
  });
}

export interface SkdOutcome {
  total: number;
  passed: boolean;
  /** The sub-tests below their pass mark: each must be met on its own. */
  below: SkdSubtest[];
}

export function skdOutcome(scores: SkdScores, marks: PassMarks = DEFAULT_PASS_MARKS): SkdOutcome {
  const below = SUBTESTS.filter((subtest) => scores[subtest] < marks[subtest]);
  return { total: scores.twk + scores.tiu + scores.tkp, passed: below.length === 0, below };
}
