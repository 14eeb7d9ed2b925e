import { ValidationError } from '@kinerja/errors';

import { IKM_ELEMENTS, IKM_SCALE, type IkmElement } from './ikm.rule';

/** The longest comment a citizen may leave, whatever an agency configures (the input guard's cap). */
export const SURVEY_COMMENT_HARD_MAX_LENGTH = 4000;

/** A citizen's answers, one score (1–4) per element. */
export type SurveyScores = Record<IkmElement, number>;

/**
 * Checks a submission: every one of the nine elements exactly once, each 1–4, and a comment within
 * `maxCommentLength`. The problem names the element (`answers.SERVICE_TIME`) or `comment`.
 */
export function parseSurvey(
  answers: readonly { element: string; score: number }[],
  comment: string | null | undefined,
  maxCommentLength: number,
): { scores: SurveyScores; comment: string | null } {
  const scores: Partial<Record<IkmElement, number>> = {};
  for (const answer of answers) {
    const field = `answers.${answer.element}`;
    if (!(IKM_ELEMENTS as readonly string[]).includes(answer.element)) throw new ValidationError({ field, message: 'is not a survey element' });
    const element = answer.element as IkmElement;
    if (scores[element] !== undefined) throw new ValidationError({ field, message: 'is answered twice' });
    if (!Number.isInteger(answer.score) || answer.score < IKM_SCALE.min || answer.score > IKM_SCALE.max) {
      throw new ValidationError({ field, message: `must be a whole number from ${IKM_SCALE.min} to ${IKM_SCALE.max}` });
    }
    scores[element] = answer.score;
  }
  const missing = IKM_ELEMENTS.find((element) => scores[element] === undefined);
  if (missing) throw new ValidationError({ field: `answers.${missing}`, message: 'is missing: every element must be answered' });
  const text = comment?.trim() ?? '';
  if (text.length > maxCommentLength) throw new ValidationError({ field: 'comment', message: `must be at most ${maxCommentLength} characters` });
  return { scores: scores as SurveyScores, comment: text.length > 0 ? text : null };
}

/** A calendar span of whole months, `YYYY-MM` keys, both ends included. */
export interface MonthRange {
  from: string;
  to: string;
}

const pad = (month: number) => String(month).padStart(2, '0');

/**
 * The months a satisfaction period names: `YYYY` (the year), `YYYY-Qn` (a quarter) or `YYYY-MM`.
 * Calendar keys, because feedback does not know performance's periods. Null when malformed.
 */
export function monthRangeOf(period: string): MonthRange | null {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01`, to: `${year[1]}-12` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { from: `${quarter[1]}-${pad(first)}`, to: `${quarter[1]}-${pad(first + 2)}` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { from: period, to: period };
  return null;
}

/** The aggregate row an answer given on this day (`YYYY-MM-DD`, the agency's zone) adds to. */
export const monthOf = (calendarDate: string): string => calendarDate.slice(0, 7);
