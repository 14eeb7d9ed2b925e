import type { Employee } from '../domain/employee';

/**
 * identity's hot reads as plain SQL, run by the driver itself (pg or PGlite): no query compilation
 * per call, one round trip each, and the forms the indexes can serve — a row-value keyset
 * `(name, id) > (…)` on (agency_id, name, id); the list's searches are in employee-search.sql.ts.
 */
export const EMPLOYEE_COLUMNS = `e.id::text AS "id", e.agency_id::text AS "agencyId", e.nip, e.name, e.email, e.employment_type::text AS "employmentType",
  e.rank, e.org_unit_id::text AS "orgUnitId", e.position_id::text AS "positionId", e.status::text AS "status"`;

export type EmployeeRow = Employee;

/** The driver's row as the domain object (the columns are already named and typed by the SQL). */
export const employeeOfRow = (row: EmployeeRow): Employee => ({
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

export const EMPLOYEES_BY_IDS = `SELECT ${EMPLOYEE_COLUMNS} FROM employee e WHERE e.id = ANY($1::uuid[])`;

/** Units and positions by id (the team dashboard's `position`, `orgUnit` of every member). */
export const ORG_UNITS_BY_IDS = `SELECT id::text AS "id", agency_id::text AS "agencyId", parent_id::text AS "parentId", code, name FROM org_unit WHERE id = ANY($1::uuid[])`;
export const POSITIONS_BY_IDS = `SELECT id::text AS "id", agency_id::text AS "agencyId", org_unit_id::text AS "orgUnitId", title,
  supervisor_position_id::text AS "supervisorPositionId" FROM position WHERE id = ANY($1::uuid[])`;

/** Active holders of the positions reporting to the given positions, with the supervising position. */
export const REPORTS_OF_POSITIONS = `SELECT ${EMPLOYEE_COLUMNS}, p.supervisor_position_id::text AS "supervisorPositionId"
  FROM position p JOIN employee e ON e.position_id = p.id
  WHERE p.supervisor_position_id = ANY($1::uuid[]) AND e.status <> 'LEFT'
  ORDER BY e.name, e.id`;
