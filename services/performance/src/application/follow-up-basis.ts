import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { canLeadAgency } from '../domain/access.rule';
import type { Assessment } from '../domain/assessment';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { AssessmentRepository, EmployeeCopyRepository } from '../domain/repositories';
import type { Actor } from './actor';

/**
 * Rewards and sanctions are decided by the agency's HR admin or head; the direct supervisor may
 * also give the light ones (`supervisorMay`). Returns the employee and the cited assessment.
 */
export async function followUpBasis(
  sources: { copies: EmployeeCopyRepository; assessments: AssessmentRepository },
  actor: Actor,
  input: { employeeId: string; assessmentId: string | null },
  supervisorMay: boolean,
): Promise<{ subject: EmployeeCopy; assessment: Assessment | null }> {
  assertAuthenticated(actor.viewer);
  const [subject] = await sources.copies.byIds([input.employeeId]);
  if (!subject) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
  const isSupervisor = actor.viewer.employeeId !== null && actor.viewer.employeeId === subject.supervisorEmployeeId;
  if (!canLeadAgency(actor.viewer, subject.agencyId) && !(supervisorMay && isSupervisor)) {
    throw new ForbiddenError("Only the agency's HR admin or head (or, for this kind, the direct supervisor) decides it");
  }
  if (!input.assessmentId) return { subject, assessment: null };
  const [assessment] = await sources.assessments.byIds([input.assessmentId]);
  if (!assessment) throw new NotFoundError('Assessment', input.assessmentId, 'input.assessmentId');
  return { subject, assessment };
}
