import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import type { PlanStatus } from './vocabulary';

/**
 * The SKP plan workflow. The employee writes and submits the plan; the direct supervisor agrees
 * to it or returns it with a note; a returned plan is reopened as a draft or submitted again as
 * it is (after a dialogue settled the question). An approved plan changes only through a recorded
 * revision (REVISE): it goes back to a draft, with the reason and a snapshot of what was agreed
 * kept beside it (plan-revision.ts), and must be submitted and approved again.
 */
export const PLAN_ACTIONS = ['SUBMIT', 'APPROVE', 'RETURN', 'EDIT', 'REVISE'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Resolved by the caller from the reporting line: the plan's owner, or their direct supervisor. */
export const PLAN_ACTORS = ['EMPLOYEE', 'SUPERVISOR'] as const;
export type PlanActor = (typeof PLAN_ACTORS)[number];

/**
 * Either party may open a revision: the employee when their work changed (a new assignment, a
 * transfer of duties), the supervisor when the targets above changed (a cascaded RHK, a
 * reorganisation). Neither can change the agreement alone: the revised plan is a draft only the
 * employee edits, and it counts again only once the supervisor approves it.
 */
const ACTORS_OF: Readonly<Record<PlanAction, readonly PlanActor[]>> = {
  SUBMIT: ['EMPLOYEE'],
  EDIT: ['EMPLOYEE'],
  APPROVE: ['SUPERVISOR'],
  RETURN: ['SUPERVISOR'],
  REVISE: ['EMPLOYEE', 'SUPERVISOR'],
};

const NEXT: Readonly<Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED' },
  SUBMITTED: { APPROVE: 'APPROVED', RETURN: 'RETURNED' },
  RETURNED: { EDIT: 'DRAFT', SUBMIT: 'SUBMITTED' },
  APPROVED: { REVISE: 'DRAFT' },
};

const PAST: Readonly<Record<PlanAction, string>> = {
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  RETURN: 'returned',
  EDIT: 'reopened for editing',
  REVISE: 'revised',
};

/** What a revision depends on beyond the plan's own state. */
export interface RevisionFacts {
  reason: string | null | undefined;
  /** The annual assessment of the plan is final: the year was judged against the plan as it is. */
  annualAssessmentFinal: boolean;
  /** The plan's year is closed. */
  periodClosed: boolean;
}

export const REVISION_REASON_LENGTH = { min: 10, max: 2000 } as const;

/**
 * The status after `action`. The actor is checked before the state, so an employee trying to
 * approve their own plan is told "forbidden" whatever the plan's state, and nobody learns a
 * state from an action that was never theirs to take.
 */
export function transition(
  status: PlanStatus,
  action: PlanAction,
  actor: PlanActor,
  options: { note?: string | null; revision?: RevisionFacts } = {},
): PlanStatus {
  if (!ACTORS_OF[action].includes(actor)) {
    const who = ACTORS_OF[action].includes('EMPLOYEE') ? 'employee' : 'direct supervisor';
    throw new ForbiddenError(`Only the ${who} may ${action.toLowerCase()} a plan`);
  }
  const next = NEXT[status][action];
  if (!next) {
    const hint = status === 'APPROVED' ? '; an approved plan changes only through a revision' : '';
    throw new ConflictError(`A ${status.toLowerCase()} plan cannot be ${PAST[action]}${hint}`, { status, action });
  }
  // The note is what the employee works from, so a return without one is refused.
  if (action === 'RETURN' && !options.note?.trim()) throw new ValidationError({ field: 'note', message: 'say what to change when returning a plan' });
  if (action === 'REVISE') assertRevisable(options.revision);
  return next;
}

function assertRevisable(facts: RevisionFacts | undefined): void {
  // A caller that forgot the facts must not slip a revision past its guards.
  if (!facts) throw new Error('a revision needs its facts (assessment, period, reason)');
  if (facts.periodClosed) throw new ConflictError('The year is closed; its plans are no longer revised');
  if (facts.annualAssessmentFinal) throw new ConflictError('The annual assessment of this plan is final; the plan it judged is no longer revised');
  const reason = facts.reason?.trim() ?? '';
  const { min, max } = REVISION_REASON_LENGTH;
  if (reason.length < min || reason.length > max) {
    throw new ValidationError({ field: 'input.reason', message: `say why the plan is revised, in ${min}-${max} characters` });
  }
}

/**
 * What the actor may do now: which buttons a screen shows. Nothing in a closed year; no revision
 * once the annual assessment is final.
 */
export function allowedActions(status: PlanStatus, actor: PlanActor, context: { periodClosed?: boolean; annualAssessmentFinal?: boolean } = {}): PlanAction[] {
  if (context.periodClosed) return [];
  return PLAN_ACTIONS.filter(
    (action) => ACTORS_OF[action].includes(actor) && NEXT[status][action] !== undefined && !(action === 'REVISE' && context.annualAssessmentFinal),
  );
}

/**
 * Only the employee changes work results and indicators, in a draft or in a plan the supervisor
 * returned (the change reopens it as a draft, to be submitted again); never a submitted or approved one.
 */
export function assertPlanEditable(status: PlanStatus, actor: PlanActor): void {
  if (actor !== 'EMPLOYEE') throw new ForbiddenError('Only the employee edits their plan');
  if (status !== 'DRAFT' && status !== 'RETURNED') {
    throw new ConflictError(`A ${status.toLowerCase()} plan cannot be edited; only a draft or a returned plan can`, { status });
  }
}
