import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopy as EmployeeCopyRow } from '../generated/prisma/client';

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
