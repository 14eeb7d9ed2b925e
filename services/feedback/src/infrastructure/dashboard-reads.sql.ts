import type { ReportingLine } from '../domain/access.rule';
import type { PerformanceDialogue } from '../domain/dialogue';
import type { QuestionnaireItem } from '../domain/questionnaire';
import type { OpenRequest } from '../domain/repositories';

/**
 * The team dashboard's reads of feedback (`Employee.lastDialogue`, `Employee.feedbackRequests`)
 * as plain SQL run by the driver (pg or PGlite) and prepared once per connection: no per-call query
 * compilation on the `_entities` path. Uuids, enums and dates are read as text, so both drivers
 * return the domain's strings; timestamps come back as Dates from both.
 */

/** Each employee's copy with the supervisor line above it, in one statement; the depth guard stops a cycle a half-applied transfer could leave. */
export const REPORTING_LINES_SQL = `
WITH RECURSIVE line(start_id, supervisor_id, depth) AS (
  SELECT employee_id, supervisor_employee_id, 0 FROM employee_copy WHERE employee_id = ANY($1::uuid[])
  UNION ALL
  SELECT line.start_id, e.supervisor_employee_id, line.depth + 1
  FROM line JOIN employee_copy e ON e.employee_id = line.supervisor_id
  WHERE line.depth < 30
)
SELECT c.employee_id::text AS "employeeId", c.agency_id::text AS "agencyId", c.supervisor_employee_id::text AS "supervisorEmployeeId",
       (SELECT string_agg(l.supervisor_id::text, ',' ORDER BY l.depth) FROM line l WHERE l.start_id = c.employee_id) AS chain
  FROM employee_copy c
 WHERE c.employee_id = ANY($1::uuid[])`;

export interface ReportingLineRow {
  employeeId: string;
  agencyId: string;
  supervisorEmployeeId: string | null;
  chain: string | null;
}

export const reportingLineOfRow = (row: ReportingLineRow): ReportingLine => ({
  employeeId: row.employeeId,
  agencyId: row.agencyId,
  supervisorEmployeeId: row.supervisorEmployeeId,
  chain: row.chain ? row.chain.split(',') : [],
});

/** The unanswered requests of open cycles not past due, of these raters, by due date. */
export const OPEN_REQUESTS_SQL = `
SELECT r.id::text AS "id", r.cycle_id::text AS "cycleId", r.rater_employee_id::text AS "raterEmployeeId", r."group"::text AS "group",
       r.answered_at AS "answeredAt",
       c.agency_id::text AS "agencyId", c.subject_id::text AS "subjectId", c.period_id::text AS "periodId", c.status::text AS "status",
       to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate", c.items, c.started_by_user_id AS "startedByUserId", c.created_at AS "createdAt",
       c.closed_at AS "closedAt"
  FROM feedback_request r JOIN feedback_cycle c ON c.id = r.cycle_id
 WHERE r.rater_employee_id = ANY($1::uuid[]) AND r.answered_at IS NULL AND c.status = 'OPEN' AND c.due_date >= $2::date
 ORDER BY c.due_date, r.id`;

export interface OpenRequestRow {
  id: string;
  cycleId: string;
  raterEmployeeId: string;
  group: OpenRequest['request']['group'];
  answeredAt: Date | null;
  agencyId: string;
  subjectId: string;
  periodId: string;
  status: OpenRequest['cycle']['status'];
  dueDate: string;
  items: unknown;
  startedByUserId: string;
  createdAt: Date;
  closedAt: Date | null;
}

export const openRequestOfRow = (row: OpenRequestRow): OpenRequest => ({
  request: { id: row.id, cycleId: row.cycleId, raterEmployeeId: row.raterEmployeeId, group: row.group, answeredAt: row.answeredAt },
  cycle: {
    id: row.cycleId,
    agencyId: row.agencyId,
    subjectId: row.subjectId,
    periodId: row.periodId,
    status: row.status,
    dueDate: row.dueDate,
    // jsonb: parsed by pg, a string from a driver that does not parse it
    items: (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as QuestionnaireItem[],
    startedByUserId: row.startedByUserId,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  },
});

/** Dialogues of these employees: recorded ones by the day they took place, due ones (no date yet) first. */
export const DIALOGUES_OF_EMPLOYEES_SQL = `
SELECT id::text AS "id", agency_id::text AS "agencyId", employee_id::text AS "employeeId",
       supervisor_employee_id::text AS "supervisorEmployeeId", kind::text AS "kind", status::text AS "status",
       to_char(date, 'YYYY-MM-DD') AS "date", summary, agreements, recorded_by_employee_id::text AS "recordedByEmployeeId",
       recorded_at AS "recordedAt", acknowledged_at AS "acknowledgedAt", to_char(due_by, 'YYYY-MM-DD') AS "dueBy", required,
       source_event_id::text AS "sourceEventId", created_at AS "createdAt"
  FROM performance_dialogue
 WHERE employee_id = ANY($1::uuid[])
 ORDER BY performance_dialogue.date DESC NULLS FIRST, performance_dialogue.created_at DESC, performance_dialogue.id DESC`;

/** The row is the domain object: every column is already named and typed by the SQL. */
export const dialogueOfRow = (row: PerformanceDialogue): PerformanceDialogue => ({ ...row });
