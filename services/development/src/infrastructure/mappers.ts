import { calendarDateOf, dateColumn } from '@kinerja/database';

import type { AssignmentRecord } from '../domain/assignment-record';
import type { CalendarDate } from '../domain/calendar-date';
import type { Competency } from '../domain/catalogue';
import type { Certificate } from '../domain/certificate';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { Gap } from '../domain/gap-mapping.rule';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import type {
  Certificate as CertificateRow,
  Competency as CompetencyRow,
  EmployeeCopy as EmployeeCopyRow,
  TrainingAssignment as AssignmentRow,
  TrainingProgram as ProgramRow,
  TrainingSession as SessionRow,
} from '../generated/prisma/client';

const optionalDate = (value: Date | string | null): CalendarDate | null => (value === null ? null : calendarDateOf(value));

export const toEmployeeCopy = (row: EmployeeCopyRow): EmployeeCopy => ({
  employeeId: row.employeeId,
  agencyId: row.agencyId,
  orgUnitId: row.orgUnitId,
  positionId: row.positionId,
  name: row.name,
  nip: row.nip,
  employmentType: row.employmentType,
  status: row.status,
  supervisorEmployeeId: row.supervisorEmployeeId,
  contractStart: optionalDate(row.contractStart),
  lastEventAt: new Date(row.lastEventAt),
});

export const employeeCopyData = (copy: EmployeeCopy) => ({ ...copy, contractStart: copy.contractStart ? dateColumn(copy.contractStart) : null });

export const toCompetency = (row: CompetencyRow): Competency => ({ id: row.id, code: row.code, name: row.name, kind: row.kind, description: row.description });

export const toProgramme = (row: ProgramRow): TrainingProgram => ({
  id: row.id,
  agencyId: row.agencyId,
  code: row.code,
  title: row.title,
  jpHours: row.jpHours,
  mode: row.mode,
  competencyCodes: row.competencyCodes,
});

export const toSession = (row: SessionRow): TrainingSession => ({
  id: row.id,
  programId: row.programId,
  startDate: calendarDateOf(row.startDate),
  endDate: calendarDateOf(row.endDate),
  capacity: row.capacity,
});

export const toAssignment = (row: AssignmentRow): AssignmentRecord => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  programId: row.programId,
  programmeCode: row.programmeCode,
  sessionId: row.sessionId,
  reason: row.reason,
  sourceEventId: row.sourceEventId,
  dedupeKey: row.dedupeKey,
  gaps: (row.gaps ?? []) as unknown as Gap[],
  status: row.status,
  result: row.result,
  completedOn: optionalDate(row.completedOn),
  earnedJp: row.earnedJp,
  cancellationReason: row.cancellationReason,
});

/** The assignment's columns, for create and update. */
export const assignmentData = (assignment: AssignmentRecord) => ({
  ...assignment,
  gaps: assignment.gaps as unknown as object[],
  completedOn: assignment.completedOn ? dateColumn(assignment.completedOn) : null,
});

export const toCertificate = (row: CertificateRow): Certificate => ({
  id: row.id,
  number: row.number,
  assignmentId: row.assignmentId,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  programTitle: row.programTitle,
  jp: row.jp,
  completedOn: calendarDateOf(row.completedOn),
  holderName: row.holderName,
});

/** A row of `row_to_json`/`json_agg`: snake_case keys, dates and timestamps as strings. */
export function camelCaseKeys<T>(json: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), value])) as T;
}
