import type { EmployeeCopy } from '../domain/employee-copy';
import type { PerformancePeriod } from '../domain/period';
import type { PerformancePlan } from '../domain/plan';

/**
 * The team dashboard's reads of performance (`Employee.performancePlans` with their period, the
 * access check on the employee copies) as plain SQL run by the driver (pg or PGlite) and prepared
 * once per connection: no per-call query compilation on the `_entities` path. Uuids, enums and
 * dates are read as text, so both drivers return the domain's strings; timestamps come back as Dates.
 */

export const COPY_COLUMNS = `c.employee_id::text AS "employeeId", c.agency_id::text AS "agencyId", c.org_unit_id::text AS "orgUnitId",
       c.position_id::text AS "positionId", c.supervisor_employee_id::text AS "supervisorEmployeeId", c.name, c.nip,
       c.employment_type::text AS "employmentType", c.status::text AS status, c.source_occurred_at AS "sourceOccurredAt"`;

export const COPIES_BY_IDS_SQL = `SELECT ${COPY_COLUMNS} FROM employee_copy c WHERE c.employee_id = ANY($1::uuid[])`;

export const copyOfRow = (row: EmployeeCopy): EmployeeCopy => ({ ...row, sourceOccurredAt: new Date(row.sourceOccurredAt) });

/** The employees' plans, the latest period's first (then the newest). */
export const PLANS_OF_EMPLOYEES_SQL = `
SELECT p.id::text AS "id", p.agency_id::text AS "agencyId", p.period_id::text AS "periodId", p.employee_id::text AS "employeeId",
       p.org_unit_id::text AS "orgUnitId", p.status::text AS "status", p.return_note AS "returnNote", p.submitted_at AS "submittedAt",
       p.approved_at AS "approvedAt", p.approved_by_employee_id::text AS "approvedByEmployeeId",
       p.self_assessment_note AS "selfAssessmentNote", p.self_work_result_rating::text AS "selfWorkResultRating",
       p.self_behaviour_rating::text AS "selfBehaviourRating", p.self_assessed_at AS "selfAssessedAt"
  FROM performance_plan p JOIN performance_period pp ON pp.id = p.period_id
 WHERE p.employee_id = ANY($1::uuid[])
 ORDER BY pp.year DESC, p.created_at DESC, p.id`;

type Rating = NonNullable<PerformancePlan['selfAssessment']>['workResultRating'];

export interface PlanRow extends Omit<PerformancePlan, 'selfAssessment'> {
  selfAssessmentNote: string | null;
  selfWorkResultRating: Rating | null;
  selfBehaviourRating: NonNullable<PerformancePlan['selfAssessment']>['behaviourRating'] | null;
  selfAssessedAt: Date | null;
}

export const planOfRow = ({ selfAssessmentNote, selfWorkResultRating, selfBehaviourRating, selfAssessedAt, ...plan }: PlanRow): PerformancePlan => ({
  ...plan,
  selfAssessment:
    selfAssessedAt && selfWorkResultRating && selfBehaviourRating
      ? { workResultRating: selfWorkResultRating, behaviourRating: selfBehaviourRating, note: selfAssessmentNote ?? '', submittedAt: selfAssessedAt }
      : null,
});

export const PERIODS_BY_IDS_SQL = `
SELECT id::text AS "id", agency_id::text AS "agencyId", parent_id::text AS "parentId", kind::text AS "kind", year, index,
       to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate",
       to_char(fill_in_deadline, 'YYYY-MM-DD') AS "fillInDeadline", status::text AS "status"
  FROM performance_period WHERE id = ANY($1::uuid[])`;

export const periodOfRow = (row: PerformancePeriod): PerformancePeriod => ({ ...row });
