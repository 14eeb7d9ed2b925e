import { ConflictError, ValidationError } from '@kinerja/errors';

import type { EmploymentType } from './vocabulary';

/** Rule 5's numbers, kept in one object so a change of regulation is one edit. */
export interface LearningHoursPolicy {
  /** A PNS (and a CPNS) is entitled to at least this many JP per calendar year. */
  pnsRequiredJp: number;
  /** A PPPK receives at most this many JP per contract year. */
  pppkCapJp: number;
}

export const DEFAULT_LEARNING_HOURS_POLICY: LearningHoursPolicy = Object.freeze({ pnsRequiredJp: 20, pppkCapJp: 24 });

/** `Employee.learningHours(year)`. */
export interface LearningHoursSummary {
  year: number;
  completed: number;
  /** The entitlement to reach; 0 for a PPPK, who has a ceiling, not a floor. */
  required: number;
  /** JP still short of `required`, never negative. */
  remaining: number;
  /** PPPK only: the most JP in the contract year. */
  cap: number | null;
  /** CPNS only: Latsar CPNS is not completed yet, whatever the JP. */
  latsarPending: boolean;
}

function requireJp(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new ValidationError({ field, message: 'must be a number of JP, 0 or more' });
}

/**
 * `completedJp` counts completions inside `learningHoursWindow`: the calendar year for PNS and
 * CPNS, the contract year for PPPK. A CPNS is held to the PNS entitlement plus Latsar CPNS.
 */
export function learningHoursSummary(
  input: { employmentType: EmploymentType; completedJp: number; year: number; latsarCompleted?: boolean },
  policy: LearningHoursPolicy = DEFAULT_LEARNING_HOURS_POLICY,
): LearningHoursSummary {
  requireJp('completedJp', input.completedJp);
  const pppk = input.employmentType === 'PPPK';
  const required = pppk ? 0 : policy.pnsRequiredJp;
  return {
    year: input.year,
    completed: input.completedJp,
    required,
    remaining: Math.max(0, required - input.completedJp),
    cap: pppk ? policy.pppkCapJp : null,
    latsarPending: input.employmentType === 'CPNS' && input.latsarCompleted !== true,
  };
}

/** Who belongs in the agency's "below entitlement" report for the year. */
export function belowEntitlement(summary: LearningHoursSummary): boolean {
  return summary.completed < summary.required;
}

export interface CapCheck {
  employmentType: EmploymentType;
  /** JP of the contract year already completed plus JP of open (ASSIGNED, IN_PROGRESS) assignments in it. */
  committedJp: number;
  /** JP of the programme about to be assigned or enrolled in. */
  addedJp: number;
}

/**
 * Whether one more programme would take a PPPK past the cap. Open assignments count as well,
 * so two enrolments cannot together slip past it. The event handlers use this to leave such a gap
 * to HR (AWAITING_HR_CHOICE) instead of failing the event.
 */
export function exceedsCap(check: CapCheck, policy: LearningHoursPolicy = DEFAULT_LEARNING_HOURS_POLICY): boolean {
  requireJp('committedJp', check.committedJp);
  requireJp('addedJp', check.addedJp);
  return check.employmentType === 'PPPK' && check.committedJp + check.addedJp > policy.pppkCapJp;
}

/**
 * Refuses, at assignment or enrolment, training that would take a PPPK past the cap. The cap is
 * checked before the training, never by trimming JP afterwards: a completion is always recorded
 * with the JP actually earned.
 */
export function assertWithinCap(check: CapCheck, policy: LearningHoursPolicy = DEFAULT_LEARNING_HOURS_POLICY): void {
  if (exceedsCap(check, policy)) {
    throw new ConflictError(`A PPPK may receive at most ${policy.pppkCapJp} JP per contract year`, {
      cap: policy.pppkCapJp,
      committedJp: check.committedJp,
      addedJp: check.addedJp,
    });
  }
}
