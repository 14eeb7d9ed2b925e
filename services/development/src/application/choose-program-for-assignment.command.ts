import { assertCanManageAgency } from '@kinerja/auth';
import { todayIn } from '@kinerja/kernel';

import { transitionAssignment } from '../domain/assignment';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { AssignmentRepository, CatalogueRepository, Clock, EmployeeCopyRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { assignedEvent } from './assignment-records';
import { assertPppkCapAllows, loadAssignment, offeredProgramme } from './assignment-steps';

/**
 * HR settles a gap no programme matched (AWAITING_HR_CHOICE → ASSIGNED). The assignment keeps its
 * reason, gaps and source event; `development.training.assigned` is published again, now with the programme.
 */
export class ChooseProgramForAssignment {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly assignments: AssignmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, assignmentId: string, programId: string): Promise<AssignmentRecord> {
    const before = await loadAssignment(this.assignments, assignmentId);
    assertCanManageAgency(actor.viewer, before.agencyId);
    const programme = await offeredProgramme(this.catalogue, programId, before.agencyId, 'programId');
    const chosen = transitionAssignment(before, { type: 'CHOOSE_PROGRAMME', programmeCode: programme.code });
    const [employee] = await this.employees.byIds([before.employeeId]);
    if (employee) await assertPppkCapAllows(this.assignments, employee, programme.jpHours, todayIn(this.clock));
    const after: AssignmentRecord = { ...before, ...chosen, programId: programme.id };
    await this.assignments.update(before, after, 'training-assignment.programme-chosen', auditContextOf(actor), [assignedEvent(after)]);
    return after;
  }
}
