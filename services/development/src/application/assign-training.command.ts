import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, ValidationError } from '@kinerja/errors';
import { todayIn } from '@kinerja/kernel';

import { newAssignment } from '../domain/assignment';
import { type AssignmentRecord, manualAssignmentKey } from '../domain/assignment-record';
import type { AssignmentRepository, CatalogueRepository, Clock, EmployeeCopyRepository, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { assignedEvent, recordOf } from './assignment-records';
import { assertPppkCapAllows, loadEmployee, offeredProgramme, seatCheckFor, sessionOfProgramme } from './assignment-steps';

export interface AssignTrainingInput {
  employeeId: string;
  programId: string;
  sessionId: string | null;
}

/** HR assigns a programme by hand (reason MANUAL), optionally in a session with a free seat. */
export class AssignTraining {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly assignments: AssignmentRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: AssignTrainingInput): Promise<AssignmentRecord> {
    const employee = await loadEmployee(this.employees, input.employeeId, 'input.employeeId');
    assertCanManageAgency(actor.viewer, employee.agencyId);
    if (employee.status === 'LEFT') throw new ValidationError({ field: 'input.employeeId', message: 'has left the service' });
    const programme = await offeredProgramme(this.catalogue, input.programId, employee.agencyId, 'input.programId');
    const session = input.sessionId ? await sessionOfProgramme(this.catalogue, input.sessionId, programme, 'input.sessionId') : null;
    if (await this.assignments.openAssignmentOf(employee.employeeId, programme.id)) {
      throw new ConflictError(`${programme.code} is already assigned to this employee and not finished`, { field: 'input.programId' });
    }
    await assertPppkCapAllows(this.assignments, employee, programme.jpHours, session?.startDate ?? todayIn(this.clock));
    const assignment = newAssignment(this.ids.newId(), {
      agencyId: employee.agencyId,
      employeeId: employee.employeeId,
      programmeCode: programme.code,
      reason: 'MANUAL',
      sourceEventId: null,
    });
    const record = recordOf(assignment, programme, manualAssignmentKey(assignment), session?.id ?? null);
    await this.assignments.create(record, auditContextOf(actor), [assignedEvent(record)], seatCheckFor(session));
    return record;
  }
}
