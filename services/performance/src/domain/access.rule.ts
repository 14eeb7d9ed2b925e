import { canManageAgency, hasRole, type Viewer } from '@kinerja/auth';

import type { EmployeeCopy } from './employee-copy';
import type { PlanActor } from './plan-workflow.rule';

/**
 * Who may see one employee's performance records (plans, assessments, predikat, evidence). Stricter
 * than agency isolation: a colleague of the same agency does not see someone else's predikat.
 * The employee, their direct supervisor (from the local copy of the reporting line), the agency's
 * HR admin and head, auditors and the province admin.
 */
export function canReadPerformanceOf(viewer: Viewer, subject: EmployeeCopy): boolean {
  if (viewer.userId === null) return false;
  if (viewer.employeeId !== null && (viewer.employeeId === subject.employeeId || viewer.employeeId === subject.supervisorEmployeeId)) return true;
  return (['PROVINCE_ADMIN', 'HR_ADMIN', 'AGENCY_HEAD', 'AUDITOR'] as const).some((role) => hasRole(viewer, role, subject.agencyId));
}

/** The viewer's part in the subject's plan: the employee, the direct supervisor, or none. */
export function planActorOf(viewer: Viewer, subject: EmployeeCopy): PlanActor | null {
  if (viewer.employeeId === null) return null;
  if (viewer.employeeId === subject.employeeId) return 'EMPLOYEE';
  if (viewer.employeeId === subject.supervisorEmployeeId) return 'SUPERVISOR';
  return null;
}

/** Agency-wide reports and unit ratings: HR, the agency head, auditors and the province admin read them. */
export function canReadAgencyReports(viewer: Viewer, agencyId: string): boolean {
  return (['PROVINCE_ADMIN', 'HR_ADMIN', 'AGENCY_HEAD', 'AUDITOR'] as const).some((role) => hasRole(viewer, role, agencyId));
}

/** Rewards, sanctions and unit ratings are decided by the agency's leadership or its HR admin. */
export function canLeadAgency(viewer: Viewer, agencyId: string): boolean {
  return canManageAgency(viewer, agencyId) || hasRole(viewer, 'AGENCY_HEAD', agencyId);
}
