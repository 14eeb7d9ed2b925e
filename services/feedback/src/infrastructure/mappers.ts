import { calendarDateOf, dateColumn } from '@kinerja/database';

import type { PerformanceDialogue } from '../domain/dialogue';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopy as EmployeeCopyRow, PerformanceDialogue as DialogueRow } from '../generated/prisma/client';

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
