import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { canLeadAgency } from '../domain/access.rule';
import type { Assessment } from '../domain/assessment';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository, EmployeeCopyRepository, FollowUpRepository } from '../domain/repositories';
import type { Actor } from './actor';

/** What granting a reward and issuing a sanction are built from. */
export interface FollowUpDeps {
  copies: EmployeeCopyRepository;
  assessments: AssessmentRepository;
  followUps: FollowUpRepository;
  ids: IdGenerator;
  clock: Clock;
}

/** A reward or sanction as decided: its kind, the employee, the assessment it cites and why. */
export interface FollowUpInput<Kind extends string> {
  employeeId: string;
  kind: Kind;
  assessmentId: string | null;
  note: string;
}

/** What every reward and sanction records besides its id and date. */
export interface FollowUpDecision<Kind extends string> extends FollowUpInput<Kind> {
  agencyId: string;
}

/**
 * Rewards and sanctions are decided by the agency's HR admin or head; the direct supervisor may
 * also give the light ones (`supervisorMay`). Returns the decision (under the employee's agency)
 * and the cited assessment.
 */
export async function followUpBasis<Kind extends string>(
  sources: Pick<FollowUpDeps, 'copies' | 'assessments'>,
  actor: Actor,
  input: FollowUpInput<Kind>,
  supervisorMay: boolean,
): Promise<{ decision: FollowUpDecision<Kind>; assessment: Assessment | null }> {
  assertAuthenticated(actor.viewer);
  const [subject] = await sources.copies.byIds([input.employeeId]);
  if (!subject) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
  const isSupervisor = actor.viewer.employeeId !== null && actor.viewer.employeeId === subject.supervisorEmployeeId;
  if (!canLeadAgency(actor.viewer, subject.agencyId) && !(supervisorMay && isSupervisor)) {
    throw new ForbiddenError("Only the agency's HR admin or head (or, for this kind, the direct supervisor) decides it");
  }
  const decision = { agencyId: subject.agencyId, employeeId: subject.employeeId, assessmentId: input.assessmentId, kind: input.kind, note: input.note };
  if (!input.assessmentId) return { decision, assessment: null };
  const [assessment] = await sources.assessments.byIds([input.assessmentId]);
  if (!assessment) throw new NotFoundError('Assessment', input.assessmentId, 'input.assessmentId');
  return { decision, assessment };
}
