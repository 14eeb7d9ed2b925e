import type { Employee } from '../domain/employee';
import type { EmployeeFilterQuery, EmployeeSearch } from '../domain/repositories';

/**
 * identity's hot reads as plain SQL, run by the driver itself (pg or PGlite): no query compilation
 * per call, one round trip each, and the forms the indexes can serve — a row-value keyset
 * `(name, id) > (…)` on (agency_id, name, id), a byte-wise NIP prefix range on the
 * `text_pattern_ops` index, and ILIKE on the trigram index.
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

/** The smallest string above every string that starts with `prefix`, compared byte-wise (`~<~`). */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The WHERE conditions of a filter, appending their parameters to `params`. */
function filterConditions(query: EmployeeFilterQuery, params: unknown[]): string[] {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.agencyIds !== 'all') {
    // One agency (the common case) as an equality, so that the (agency_id, name, id) index also gives the order.
    conditions.push(
      query.agencyIds.length === 1 ? `e.agency_id = ${param(query.agencyIds[0])}::uuid` : `e.agency_id = ANY(${param([...query.agencyIds])}::uuid[])`,
    );
  }
  if (query.orgUnitId) conditions.push(`e.org_unit_id = ${param(query.orgUnitId)}::uuid`);
  if (query.search) {
    if (/^\d+$/.test(query.search)) {
      conditions.push(`e.nip ~>=~ ${param(query.search)} AND e.nip ~<~ ${param(prefixUpperBound(query.search))}`);
    } else {
      conditions.push(`e.name ILIKE ${param(`%${escapeLike(query.search)}%`)}`);
    }
  }
  return conditions;
}

const where = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * A search matching at most this many employees is read through its own index (trigram or NIP
 * prefix) and sorted; a broader one walks the (agency_id, name, id) index instead, where matches are
 * frequent. Either way a page reads a bounded number of rows, not the agency.
 */
export const SEARCH_SORT_LIMIT = 1000;

/** One page in (name, id) order, one row more than asked to tell whether another page follows. */
export function searchStatement(query: EmployeeSearch, sortLimit = SEARCH_SORT_LIMIT): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions = filterConditions(query, params);
  if (query.after) {
    params.push(query.after.name, query.after.id);
    conditions.push(`(e.name, e.id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(query.first + 1);
  const limit = `$${params.length}`;
  const walk = `SELECT ${EMPLOYEE_COLUMNS} FROM employee e ${where(conditions)} ORDER BY e.name, e.id LIMIT ${limit}`;
  if (!query.search) return { text: walk, params };
  params.push(sortLimit + 1);
  const cap = `$${params.length}`;
  // Both branches are planned; the one-time filter on the candidates' count runs only one of them.
  const text = `WITH candidates AS MATERIALIZED (SELECT e.id FROM employee e ${where(conditions)} LIMIT ${cap})
    SELECT * FROM (
      (SELECT ${EMPLOYEE_COLUMNS} FROM employee e
        WHERE e.id IN (SELECT id FROM candidates) AND (SELECT count(*) FROM candidates) < ${cap}
        ORDER BY e.name, e.id LIMIT ${limit})
      UNION ALL
      (${walk.replace(where(conditions), `${where(conditions)} AND (SELECT count(*) FROM candidates) >= ${cap}`)})
    ) page ORDER BY page.name, page.id`;
  return { text, params };
}

export function countStatement(query: EmployeeFilterQuery): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  return { text: `SELECT count(*)::int AS "count" FROM employee e ${where(filterConditions(query, params))}`, params };
}
