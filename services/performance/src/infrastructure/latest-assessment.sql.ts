import type { Assessment, WorkResultGap } from '../domain/assessment';
import type { EmployeeCopy } from '../domain/employee-copy';
import { toEmployeeCopy } from './mappers';

/**
 * Each requested employee's copy (for the access decision) joined with their most recent
 * assessment: one statement for a whole batch, however many employees a dashboard shows.
 * Enums and uuids are read as text so both database drivers return plain strings.
 */
export const latestAssessmentsSql = `
SELECT c.employee_id::text AS "employeeId", c.agency_id::text AS "agencyId", c.org_unit_id::text AS "orgUnitId",
       c.position_id::text AS "positionId", c.supervisor_employee_id::text AS "supervisorEmployeeId", c.name, c.nip,
       c.employment_type::text AS "employmentType", c.status::text AS status, c.source_occurred_at AS "sourceOccurredAt",
       a.id::text AS "a_id", a.agency_id::text AS "a_agencyId", a.plan_id::text AS "a_planId", a.period_id::text AS "a_periodId",
       a.org_unit_id::text AS "a_orgUnitId", a.kind::text AS "a_kind",
       a.proposed_work_result_rating::text AS "a_proposedWorkResultRating", a.work_result_rating::text AS "a_workResultRating",
       a.override_reason AS "a_overrideReason", a.proposed_behaviour_rating::text AS "a_proposedBehaviourRating",
       a.behaviour_rating::text AS "a_behaviourRating", a.predikat::text AS "a_predikat", a.feedback AS "a_feedback",
       a.justification AS "a_justification", a.curve_warning AS "a_curveWarning",
       array_to_string(a.behaviour_gaps, ',') AS "a_behaviourGaps", a.work_result_gaps::text AS "a_workResultGaps",
       a.assessor_employee_id::text AS "a_assessorEmployeeId", a.finalized_at AS "a_finalizedAt"
  FROM employee_copy c
  LEFT JOIN LATERAL (
    SELECT * FROM assessment x WHERE x.employee_id = c.employee_id ORDER BY x.finalized_at DESC, x.id DESC LIMIT 1
  ) a ON true
 WHERE c.employee_id = ANY(string_to_array($1, ',')::uuid[])`;

export interface LatestRow {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  positionId: string | null;
  supervisorEmployeeId: string | null;
  name: string;
  nip: string;
  employmentType: EmployeeCopy['employmentType'];
  status: EmployeeCopy['status'];
  sourceOccurredAt: Date | string;
  a_id: string | null;
  a_agencyId: string;
  a_planId: string;
  a_periodId: string;
  a_orgUnitId: string;
  a_kind: Assessment['kind'];
  a_proposedWorkResultRating: Assessment['workResultRating'];
  a_workResultRating: Assessment['workResultRating'];
  a_overrideReason: string | null;
  a_proposedBehaviourRating: Assessment['behaviourRating'];
  a_behaviourRating: Assessment['behaviourRating'];
  a_predikat: Assessment['predikat'];
  a_feedback: string;
  a_justification: string | null;
  a_curveWarning: boolean;
  a_behaviourGaps: string | null;
  a_workResultGaps: string;
  a_assessorEmployeeId: string;
  a_finalizedAt: Date | string;
}

export function toLatest(row: LatestRow): { subject: EmployeeCopy; latest: Assessment | null } {
  const subject = toEmployeeCopy({ ...row, sourceOccurredAt: new Date(row.sourceOccurredAt) });
  if (!row.a_id) return { subject, latest: null };
  return {
    subject,
    latest: {
      id: row.a_id,
      agencyId: row.a_agencyId,
      planId: row.a_planId,
      periodId: row.a_periodId,
      employeeId: row.employeeId,
      orgUnitId: row.a_orgUnitId,
      kind: row.a_kind,
      proposedWorkResultRating: row.a_proposedWorkResultRating,
      workResultRating: row.a_workResultRating,
      overrideReason: row.a_overrideReason,
      proposedBehaviourRating: row.a_proposedBehaviourRating,
      behaviourRating: row.a_behaviourRating,
      predikat: row.a_predikat,
      feedback: row.a_feedback,
      justification: row.a_justification,
      curveWarning: row.a_curveWarning,
      behaviourGaps: (row.a_behaviourGaps ? row.a_behaviourGaps.split(',') : []) as Assessment['behaviourGaps'],
      workResultGaps: JSON.parse(row.a_workResultGaps) as WorkResultGap[],
      assessorEmployeeId: row.a_assessorEmployeeId,
      finalizedAt: new Date(row.a_finalizedAt),
    },
  };
}
