import type { Employee } from '../domain/employee';
import type { Agency, OrgUnit, Position } from '../domain/organisation';
import type { Agency as AgencyRow, Employee as EmployeeRow, OrgUnit as OrgUnitRow, Position as PositionRow } from '../generated/prisma/client';

export const toAgency = (row: AgencyRow): Agency => ({ id: row.id, code: row.code, name: row.name, kind: row.kind, parentId: row.parentId });

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({ id: row.id, agencyId: row.agencyId, parentId: row.parentId, code: row.code, name: row.name });

export const toPosition = (row: PositionRow): Position => ({
  id: row.id,
  agencyId: row.agencyId,
  orgUnitId: row.orgUnitId,
  title: row.title,
  supervisorPositionId: row.supervisorPositionId,
});

export const toEmployee = (row: EmployeeRow): Employee => ({
  id: row.id,
  agencyId: row.agencyId,
  nip: row.nip,
  name: row.name,
  email: row.email,
  employmentType: row.employmentType,
  rank: row.rank,
  orgUnitId: row.orgUnitId,
  positionId: row.positionId,
  status: row.status,
});

/** The employee's columns, for create and update. */
export const employeeData = (employee: Employee) => ({
  id: employee.id,
  agencyId: employee.agencyId,
  nip: employee.nip,
  name: employee.name,
  email: employee.email,
  employmentType: employee.employmentType,
  rank: employee.rank,
  orgUnitId: employee.orgUnitId,
  positionId: employee.positionId,
  status: employee.status,
});
