import type { FieldProblem } from '@kinerja/errors';

import type { Stage } from './stage';

/**
 * The applicant survey after the selection: five statements rated 1 (poor) to 4 (very good), the
 * scale of the public-service satisfaction survey, and an optional comment.
 */
export const SURVEY_QUESTIONS = [
  'INFORMATION', // the announcements were clear and on time
  'REGISTRATION', // registering and uploading documents was easy
  'TESTS', // the tests were organised fairly
  'TRANSPARENCY', // the results and objections were transparent
  'SERVICE', // the committee answered questions well
] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 4;
export const COMMENT_MAX_LENGTH = 500;
/** Fewer answers than this show counts only: averages of one or two people would name them. */
export const SURVEY_REPORTING_THRESHOLD = 3;

/** Every problem of an answer, each with its field. */
export function surveyAnswerProblems(ratings: readonly number[], comment: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (ratings.length !== SURVEY_QUESTIONS.length) {
    problems.push({ field: 'input.ratings', message: `must rate the ${SURVEY_QUESTIONS.length} statements (${SURVEY_QUESTIONS.join(', ')})` });
  }
  ratings.forEach((rating, i) => {
    if (!Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX)
      problems.push({ field: `input.ratings[${i}]`, message: `must be a whole number from ${RATING_MIN} to ${RATING_MAX}` });
  });
  if (comment !== null && comment.trim().length > COMMENT_MAX_LENGTH)
    problems.push({ field: 'input.comment', message: `must be at most ${COMMENT_MAX_LENGTH} characters` });
  return problems;
}

/** The survey opens once the selection is over for everyone: its final results are announced. */
export const surveyOpen = (announced: readonly { stage: Stage }[]) => announced.some((a) => a.stage === 'FINAL');
