import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import { transitionAssignment } from '../domain/assignment';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { AssignmentRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { loadAssignment } from './assignment-steps';

/** HR cancels an assignment that is not finished, with a reason an auditor can read later. */
export class CancelTrainingAssignment {
  constructor(private readonly assignments: AssignmentRepository) {}

  async execute(actor: Actor, assignmentId: string, reason: string): Promise<AssignmentRecord> {
    const before = await loadAssignment(this.assignments, assignmentId);
    assertCanManageAgency(actor.viewer, before.agencyId);
    let after: AssignmentRecord;
    try {
      after = { ...before, ...transitionAssignment(before, { type: 'CANCEL', reason }) };
    } catch (error) {
      throw error instanceof ValidationError ? new ValidationError(error.problems.map((p) => ({ ...p, field: 'reason' }))) : error;
    }
    await this.assignments.update(before, after, 'training-assignment.cancelled', auditContextOf(actor), []);
    return after;
  }
}
