import { NotFoundError, ValidationError } from '@kinerja/errors';

import type { AssignmentRecord } from '../domain/assignment-record';
import type { CalendarDate } from '../domain/calendar-date';
import { isOfferedTo } from '../domain/catalogue';
import type { EmployeeCopy } from '../domain/employee-copy';
import { assertWithinCap } from '../domain/learning-hours.rule';
import { capWindowOf } from '../domain/learning-window';
import type { AssignmentRepository, CatalogueRepository, EmployeeCopyRepository, SeatCheck } from '../domain/repositories';
import { assertSeatAvailable, type TrainingProgram, type TrainingSession } from '../domain/training-program';

// Steps the assignment use cases share; each names the input field it checks.

export async function loadAssignment(assignments: AssignmentRepository, id: string, field = 'assignmentId'): Promise<AssignmentRecord> {
  const [assignment] = await assignments.byIds([id]);
  if (!assignment) throw new NotFoundError('TrainingAssignment', id, field);
  return assignment;
}

export async function loadEmployee(employees: EmployeeCopyRepository, id: string, field: string): Promise<EmployeeCopy> {
  const [employee] = await employees.byIds([id]);
  if (!employee) throw new NotFoundError('Employee', id, field);
  return employee;
}

/** A programme of the province-wide catalogue or of the employee's own agency. */
export async function offeredProgramme(catalogue: CatalogueRepository, programId: string, agencyId: string, field: string): Promise<TrainingProgram> {
  const [programme] = await catalogue.programmesByIds([programId]);
  if (!programme) throw new NotFoundError('TrainingProgram', programId, field);
  if (!isOfferedTo(programme, agencyId)) throw new ValidationError({ field, message: "is another agency's programme" });
  return programme;
}

export async function sessionOfProgramme(
  catalogue: CatalogueRepository,
  sessionId: string,
  programme: TrainingProgram,
  field: string,
): Promise<TrainingSession> {
  const [session] = await catalogue.sessionsByIds([sessionId]);
  if (!session) throw new NotFoundError('TrainingSession', sessionId, field);
  if (session.programId !== programme.id) throw new ValidationError({ field, message: `is not a session of ${programme.code}` });
  return session;
}

export function seatCheckFor(session: TrainingSession | null): SeatCheck | undefined {
  return session ? { sessionId: session.id, assertSeatAvailable: (taken) => assertSeatAvailable(session, taken) } : undefined;
}

/** Refuses training that would take a PPPK past the JP cap of the contract year it falls in. */
export async function assertPppkCapAllows(
  assignments: AssignmentRepository,
  employee: EmployeeCopy,
  addedJp: number,
  day: CalendarDate,
  alreadyCounted = 0,
): Promise<void> {
  if (employee.employmentType !== 'PPPK') return;
  const committedJp = (await assignments.committedJp(employee.employeeId, capWindowOf(employee, day))) - alreadyCounted;
  assertWithinCap({ employmentType: employee.employmentType, committedJp: Math.max(0, committedJp), addedJp });
}
