import { OPEN_STATUSES } from '../domain/assignment-record';
import { LATSAR_CPNS_CODE } from '../domain/gap-mapping.rule';

// The few statements Prisma's query API cannot express as one round trip: batch reads that join
// the employee copy with its assignments (no foreign key: events may name an employee before
// identity's registration arrives), sums, and the certificate counter.

const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

export const ASSIGNMENTS_OF_EMPLOYEES = `
  SELECT row_to_json(e) AS employee,
         COALESCE(json_agg(a ORDER BY a.created_at, a.id) FILTER (WHERE a.id IS NOT NULL), '[]') AS items
  FROM employee_copy e
  LEFT JOIN training_assignment a ON a.employee_id = e.employee_id AND ($2::text IS NULL OR a.status::text = $2::text)
  WHERE e.employee_id = ANY($1::uuid[])
  GROUP BY e.employee_id`;

const COMPLETIONS = `COALESCE(json_agg(json_build_object('completedOn', a.completed_on, 'jp', a.earned_jp, 'programmeCode', a.programme_code)
           ORDER BY a.completed_on) FILTER (WHERE a.id IS NOT NULL), '[]') AS items`;

const PASSED = `a.employee_id = e.employee_id AND a.status = 'COMPLETED' AND a.result = 'PASSED'`;

// Latsar CPNS is owed once, not once a year: a pass in any year settles it, so it joins whatever its
// date (the JP still count only inside the window, see learning-hours.reader).
const IN_WINDOW_OR_LATSAR = `(a.completed_on BETWEEN $2::date AND $3::date OR a.programme_code = '${LATSAR_CPNS_CODE}')`;

export const COMPLETIONS_OF_EMPLOYEES = `
  SELECT row_to_json(e) AS employee, ${COMPLETIONS}
  FROM employee_copy e
  LEFT JOIN training_assignment a ON ${PASSED} AND ${IN_WINDOW_OR_LATSAR}
  WHERE e.employee_id = ANY($1::uuid[])
  GROUP BY e.employee_id`;

export const COMPLETIONS_IN_AGENCY = `
  SELECT row_to_json(e) AS employee, ${COMPLETIONS}
  FROM employee_copy e
  LEFT JOIN training_assignment a ON ${PASSED} AND ${IN_WINDOW_OR_LATSAR}
  WHERE e.agency_id = $1::uuid AND e.status <> 'LEFT'
  GROUP BY e.employee_id
  ORDER BY e.name, e.employee_id`;

export const COMMITTED_JP = `
  SELECT COALESCE(SUM(CASE WHEN a.status = 'COMPLETED' THEN a.earned_jp ELSE p.jp_hours END), 0)::int AS jp
  FROM training_assignment a
  LEFT JOIN training_program p ON p.id = a.program_id
  WHERE a.employee_id = $1::uuid
    AND ((a.status = 'COMPLETED' AND a.completed_on BETWEEN $2::date AND $3::date) OR a.status::text IN (${OPEN}))`;

/** COMMITTED_JP for many employees at once, each in its own window ($1 ids, $2 starts, $3 ends). */
export const COMMITTED_JP_OF_EMPLOYEES = `
  SELECT q.employee_id::text AS "employeeId",
         COALESCE(SUM(CASE WHEN a.status = 'COMPLETED' THEN a.earned_jp ELSE p.jp_hours END), 0)::int AS jp
  FROM unnest($1::uuid[], $2::date[], $3::date[]) AS q(employee_id, start_on, end_on)
  JOIN training_assignment a ON a.employee_id = q.employee_id
    AND ((a.status = 'COMPLETED' AND a.completed_on BETWEEN q.start_on AND q.end_on) OR a.status::text IN (${OPEN}))
  LEFT JOIN training_program p ON p.id = a.program_id
  GROUP BY q.employee_id`;

export const NEXT_CERTIFICATE_SEQUENCE = `
  INSERT INTO certificate_sequence (agency_id, year, last_sequence) VALUES ($1::uuid, $2::int, 1)
  ON CONFLICT (agency_id, year) DO UPDATE SET last_sequence = certificate_sequence.last_sequence + 1
  RETURNING last_sequence AS "lastSequence"`;

export const LOCK_SESSION = `SELECT id FROM training_session WHERE id = $1::uuid FOR UPDATE`;

/** Seats a session has given: open and completed assignments. */
export const SEAT_STATUSES = [...OPEN_STATUSES, 'COMPLETED'] as const;

/** Programmes by id (the team dashboard's `trainingAssignments { program }`), driver-agnostic types. */
export const PROGRAMMES_BY_IDS = `
  SELECT id::text AS "id", agency_id::text AS "agencyId", code, title, jp_hours AS "jpHours", mode::text AS "mode",
         COALESCE(to_json(competency_codes), '[]'::json) AS "competencyCodes"
  FROM training_program WHERE id = ANY($1::uuid[])`;

export const PLANS_OF_EMPLOYEES = `
  SELECT row_to_json(e) AS employee, row_to_json(p) AS plan
  FROM employee_copy e
  LEFT JOIN development_plan p ON p.employee_id = e.employee_id AND p.year = $2::int
  WHERE e.employee_id = ANY($1::uuid[])`;
