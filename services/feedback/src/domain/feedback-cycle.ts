import { ConflictError, ValidationError } from '@kinerja/errors';

import type { ScoreSum } from './anonymity.rule';
import { addDays, type CalendarDate, isCalendarDate } from './calendar-date';
import type { EmployeeCopy } from './employee-copy';
import { type QuestionnaireItem, SCORE_RANGE } from './questionnaire';
import type { Rater } from './rater.rule';
import type { CoreValue, CycleStatus, RaterGroup } from './vocabulary';

/** A 360° feedback cycle about one employee for one performance period (rule 8). */
export interface FeedbackCycle {
  id: string;
  agencyId: string;
  subjectId: string;
  periodId: string;
  status: CycleStatus;
  dueDate: CalendarDate;
  /** The questionnaire as it was when the cycle started: later changes do not move its answers. */
  items: QuestionnaireItem[];
  startedByUserId: string;
  createdAt: Date;
  closedAt: Date | null;
}

/** One rater's invitation; it records that they answered, never what. */
export interface FeedbackRequest {
  id: string;
  cycleId: string;
  raterEmployeeId: string;
  group: RaterGroup;
  answeredAt: Date | null;
}

export const DEFAULT_CYCLE_DAYS = 14;

export function cycleDueDate(requested: string | null | undefined, today: CalendarDate): CalendarDate {
  if (requested === null || requested === undefined) return addDays(today, DEFAULT_CYCLE_DAYS);
  if (!isCalendarDate(requested)) throw new ValidationError({ field: 'dueDate', message: 'must be a day as YYYY-MM-DD' });
  if (requested < today) throw new ValidationError({ field: 'dueDate', message: 'must not be in the past' });
  return requested;
}

export function requestsFor(cycleId: string, raters: readonly Rater[], newId: () => string): FeedbackRequest[] {
  return raters.map((rater) => ({ id: newId(), cycleId, raterEmployeeId: rater.employeeId, group: rater.group, answeredAt: null }));
}

/** A submission is taken only while the cycle is open and its due date has not passed. */
export function assertAcceptsAnswers(cycle: FeedbackCycle, today: CalendarDate): void {
  if (cycle.status === 'DRAFT') throw new ConflictError('This feedback cycle is not open yet', { field: 'input.cycleId', reason: 'CYCLE_NOT_OPEN' });
  if (cycle.status !== 'OPEN') throw new ConflictError('This feedback cycle is closed', { field: 'input.cycleId', reason: 'CYCLE_CLOSED' });
  if (today > cycle.dueDate) throw new ConflictError(`This feedback cycle was due on ${cycle.dueDate}`, { field: 'input.cycleId', reason: 'PAST_DUE_DATE' });
}

/**
 * Every item answered exactly once on the 1–5 scale; returns the sums per value to add to the
 * group's totals (the only form in which answers are kept). Problems name the item.
 */
export function sumsOfAnswers(items: readonly QuestionnaireItem[], group: RaterGroup, answers: readonly { itemCode: string; score: number }[]): ScoreSum[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const seen = new Set<string>();
  const sums = new Map<CoreValue, ScoreSum>();
  answers.forEach((answer, index) => {
    const item = byCode.get(answer.itemCode);
    if (!item) throw new ValidationError({ field: `answers.${index}.itemCode`, message: `${answer.itemCode} is not an item of this questionnaire` });
    if (seen.has(item.code)) throw new ValidationError({ field: `answers.${item.code}`, message: 'is answered twice' });
    seen.add(item.code);
    if (!Number.isInteger(answer.score) || answer.score < SCORE_RANGE.min || answer.score > SCORE_RANGE.max)
      throw new ValidationError({ field: `answers.${item.code}`, message: `must be a whole number from ${SCORE_RANGE.min} to ${SCORE_RANGE.max}` });
    const sum = sums.get(item.value) ?? { group, value: item.value, sum: 0, count: 0 };
    sums.set(item.value, { ...sum, sum: sum.sum + answer.score, count: sum.count + 1 });
  });
  const missing = items.find((item) => !seen.has(item.code));
  if (missing) throw new ValidationError({ field: `answers.${missing.code}`, message: 'is not answered' });
  return [...sums.values()];
}

/** The raters of a cycle change only while it is a draft. */
export function assertDraft(cycle: Pick<FeedbackCycle, 'status'>): void {
  if (cycle.status !== 'DRAFT')
    throw new ConflictError('The raters of a feedback cycle change only before it opens', { field: 'input.cycleId', reason: 'CYCLE_NOT_DRAFT' });
}

/**
 * HR adds a rater to a draft cycle: an active employee of the cycle's agency who is not asked yet,
 * in a group that fits (SELF is the subject and the subject only answers as SELF). Problems name the field.
 */
export function raterToAdd(
  cycle: Pick<FeedbackCycle, 'status' | 'agencyId' | 'subjectId'>,
  rater: Pick<EmployeeCopy, 'employeeId' | 'agencyId' | 'status'>,
  group: RaterGroup,
  current: readonly Pick<FeedbackRequest, 'raterEmployeeId'>[],
): Rater {
  assertDraft(cycle);
  if (rater.agencyId !== cycle.agencyId) throw new ValidationError({ field: 'input.raterId', message: "is not an employee of the cycle's agency" });
  if (rater.status === 'LEFT') throw new ConflictError('This employee has left the service', { field: 'input.raterId', reason: 'EMPLOYEE_LEFT' });
  const isSubject = rater.employeeId === cycle.subjectId;
  if (isSubject !== (group === 'SELF'))
    throw new ValidationError({ field: 'input.group', message: isSubject ? 'must be SELF for the subject' : 'may be SELF only for the subject' });
  if (current.some((request) => request.raterEmployeeId === rater.employeeId))
    throw new ConflictError('This employee is already a rater of the cycle', { field: 'input.raterId', reason: 'ALREADY_A_RATER' });
  return { employeeId: rater.employeeId, group };
}

/** HR removes a rater from a draft cycle; answers the request to delete. */
export function raterToRemove<T extends Pick<FeedbackRequest, 'raterEmployeeId'>>(
  cycle: Pick<FeedbackCycle, 'status'>,
  raterId: string,
  current: readonly T[],
): T {
  assertDraft(cycle);
  const request = current.find((candidate) => candidate.raterEmployeeId === raterId);
  if (!request) throw new ValidationError({ field: 'input.raterId', message: 'is not a rater of this cycle' });
  return request;
}

/**
 * A draft opens with at least one rater and a due date not in the past: the one it was started
 * with, or a new one given on opening.
 */
export function dueDateOnOpening(
  cycle: Pick<FeedbackCycle, 'status' | 'dueDate'>,
  raters: number,
  requested: string | null | undefined,
  today: CalendarDate,
): CalendarDate {
  assertDraft(cycle);
  if (raters === 0) throw new ConflictError('A feedback cycle opens with at least one rater', { field: 'input.cycleId', reason: 'NO_RATERS' });
  if (requested !== null && requested !== undefined) return cycleDueDate(requested, today);
  if (cycle.dueDate < today) throw new ValidationError({ field: 'dueDate', message: `the due date ${cycle.dueDate} has passed; give a new one` });
  return cycle.dueDate;
}
