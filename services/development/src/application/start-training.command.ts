import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError } from '@kinerja/errors';

import { canStartTrainingOf } from '../domain/access.rule';
import { transitionAssignment } from '../domain/assignment';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { AssignmentRepository, EmployeeCopyRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { loadAssignment } from './assignment-steps';

/** The employee (or their supervisor, or HR) records that the training has begun: ASSIGNED → IN_PROGRESS. */
export class StartTraining {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  async execute(actor: Actor, assignmentId: string): Promise<AssignmentRecord> {
    assertAuthenticated(actor.viewer);
    const before = await loadAssignment(this.assignments, assignmentId);
    const [employee] = await this.employees.byIds([before.employeeId]);
    const subject = { employeeId: before.employeeId, agencyId: before.agencyId, supervisorEmployeeId: employee?.supervisorEmployeeId ?? null };
    if (!canStartTrainingOf(actor.viewer, subject)) throw new ForbiddenError('Only the employee, their supervisor or HR starts this training');
    const after = { ...before, ...transitionAssignment(before, { type: 'START' }) };
    await this.assignments.update(before, after, 'training-assignment.started', auditContextOf(actor), []);
    return after;
  }
}
