import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import type { PlanStatus } from './vocabulary';

/**
 * The SKP plan workflow. The employee writes and submits the plan; the direct supervisor agrees
 * to it or returns it with a note; a returned plan is reopened as a draft or submitted again as
 * it is (after a dialogue settled the question). An approved plan is final here: it changes only
 * through a recorded revision, which is not a transition of this machine.
 */
export const PLAN_ACTIONS = ['SUBMIT', 'APPROVE', 'RETURN', 'EDIT'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Resolved by the caller from the reporting line: the plan's owner, or their direct supervisor. */
export const PLAN_ACTORS = ['EMPLOYEE', 'SUPERVISOR'] as const;
export type PlanActor = (typeof PLAN_ACTORS)[number];

const ACTOR_OF: Readonly<Record<PlanAction, PlanActor>> = { SUBMIT: 'EMPLOYEE', EDIT: 'EMPLOYEE', APPROVE: 'SUPERVISOR', RETURN: 'SUPERVISOR' };

const NEXT: Readonly<Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED' },
  SUBMITTED: { APPROVE: 'APPROVED', RETURN: 'RETURNED' },
  RETURNED: { EDIT: 'DRAFT', SUBMIT: 'SUBMITTED' },
  APPROVED: {},
};

const PAST: Readonly<Record<PlanAction, string>> = { SUBMIT: 'submitted', APPROVE: 'approved', RETURN: 'returned', EDIT: 'reopened for editing' };

/**
 * The status after `action`. The actor is checked before the state, so an employee trying to
 * approve their own plan is told "forbidden" whatever the plan's state, and nobody learns a
 * state from an action that was never theirs to take.
 */
export function transition(status: PlanStatus, action: PlanAction, actor: PlanActor, options: { note?: string | null } = {}): PlanStatus {
  if (ACTOR_OF[action] !== actor) {
    const who = ACTOR_OF[action] === 'EMPLOYEE' ? 'employee' : 'direct supervisor';
    throw new ForbiddenError(`Only the ${who} may ${action.toLowerCase()} a plan`);
  }
  const next = NEXT[status][action];
  if (!next) {
    const hint = status === 'APPROVED' ? '; an approved plan changes only through a revision' : '';
    throw new ConflictError(`A ${status.toLowerCase()} plan cannot be ${PAST[action]}${hint}`, { status, action });
  }
  // The note is what the employee works from, so a return without one is refused.
  if (action === 'RETURN' && !options.note?.trim()) throw new ValidationError({ field: 'note', message: 'say what to change when returning a plan' });
  return next;
}

/** What the actor may do now: which buttons a screen shows. */
export function allowedActions(status: PlanStatus, actor: PlanActor): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => ACTOR_OF[action] === actor && NEXT[status][action] !== undefined);
}

/** Only the employee changes work results and indicators, and only in a draft (reopen a returned plan first). */
export function assertPlanEditable(status: PlanStatus, actor: PlanActor): void {
  if (actor !== 'EMPLOYEE') throw new ForbiddenError('Only the employee edits their plan');
  if (status !== 'DRAFT') throw new ConflictError(`A ${status.toLowerCase()} plan cannot be edited; only a draft can`, { status });
}
