import type { PerformanceDialogue } from '../domain/dialogue';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopy as EmployeeCopyRow, PerformanceDialogue as DialogueRow } from '../generated/prisma/client';

/** `@db.Date` columns: a Date at UTC midnight from Prisma, a `YYYY-MM-DD` string from JSON. */
export function calendarDateOf(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export const dateColumn = (date: string): Date => new Date(`${date}T00:00:00Z`);

export const toEmployeeCopy = (row: EmployeeCopyRow): EmployeeCopy => ({
  employeeId: row.employeeId,
  agencyId: row.agencyId,
  orgUnitId: row.orgUnitId,
  positionId: row.positionId,
  name: row.name,
  status: row.status,
  supervisorEmployeeId: row.supervisorEmployeeId,
  lastEventAt: new Date(row.lastEventAt),
});

export const toDialogue = (row: DialogueRow): PerformanceDialogue => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  supervisorEmployeeId: row.supervisorEmployeeId,
  kind: row.kind,
  status: row.status,
  date: row.date === null ? null : calendarDateOf(row.date),
  summary: row.summary,
  agreements: row.agreements,
  recordedByEmployeeId: row.recordedByEmployeeId,
  recordedAt: row.recordedAt,
  acknowledgedAt: row.acknowledgedAt,
  dueBy: row.dueBy === null ? null : calendarDateOf(row.dueBy),
  required: row.required,
  sourceEventId: row.sourceEventId,
  createdAt: row.createdAt,
});

export const dialogueData = (dialogue: PerformanceDialogue) => ({
  ...dialogue,
  date: dialogue.date === null ? null : dateColumn(dialogue.date),
  dueBy: dialogue.dueBy === null ? null : dateColumn(dialogue.dueBy),
});
