import { canManageAgency, canReadAgency, hasRole, type Viewer } from '@kinerja/auth';

import type { EmployeeCopy } from './employee-copy';

/**
 * An employee's trainings, learning hours and certificates are personal: the employee, their
 * direct supervisor, their agency's HR admin, the province admin and auditors may read them; plain
 * colleagues of the same agency may not.
 */
export function canSeeDevelopmentOf(viewer: Viewer, employee: Pick<EmployeeCopy, 'employeeId' | 'agencyId' | 'supervisorEmployeeId'>): boolean {
  if (viewer.userId === null) return false;
  if (viewer.employeeId !== null && (viewer.employeeId === employee.employeeId || viewer.employeeId === employee.supervisorEmployeeId)) return true;
  return (['PROVINCE_ADMIN', 'HR_ADMIN', 'AUDITOR'] as const).some((role) => hasRole(viewer, role, employee.agencyId));
}

/** Agency-wide reports (who is below the JP entitlement): HR, the agency head, the province admin, auditors. */
export function canReadAgencyReport(viewer: Viewer, agencyId: string): boolean {
  if (viewer.userId === null) return false;
  return (['PROVINCE_ADMIN', 'HR_ADMIN', 'AGENCY_HEAD', 'AUDITOR'] as const).some((role) => hasRole(viewer, role, agencyId));
}

/** Starting a training is the employee's own step; their supervisor and HR may record it too. */
export function canStartTrainingOf(viewer: Viewer, employee: Pick<EmployeeCopy, 'employeeId' | 'agencyId' | 'supervisorEmployeeId'>): boolean {
  if (viewer.userId === null) return false;
  if (viewer.employeeId !== null && (viewer.employeeId === employee.employeeId || viewer.employeeId === employee.supervisorEmployeeId)) return true;
  return hasRole(viewer, 'PROVINCE_ADMIN', employee.agencyId) || hasRole(viewer, 'HR_ADMIN', employee.agencyId);
}

/** The province-wide catalogue is open to every signed-in user; an agency's own to those who read the agency. */
export function canSeeProgramme(viewer: Viewer, programme: { agencyId: string | null }): boolean {
  if (viewer.userId === null) return false;
  return programme.agencyId === null || canReadAgency(viewer, programme.agencyId);
}

/** Changing a catalogue: the province's is the province admin's; an agency's is its HR admin's too. */
export function canManageCatalogue(viewer: Viewer, agencyId: string | null): boolean {
  return agencyId === null ? hasRole(viewer, 'PROVINCE_ADMIN', null) : canManageAgency(viewer, agencyId);
}

/** The PDF of a certificate: the holder, their agency's HR admin, the province admin, auditors. */
export function canDownloadCertificate(viewer: Viewer, certificate: { employeeId: string; agencyId: string }): boolean {
  if (viewer.userId === null) return false;
  if (viewer.employeeId === certificate.employeeId) return true;
  return canManageAgency(viewer, certificate.agencyId) || hasRole(viewer, 'AUDITOR', certificate.agencyId);
}

/** The plan is agreed between the employee and their supervisor; HR and the province admin may prepare it. */
export function canPlanDevelopmentOf(viewer: Viewer, employee: Pick<EmployeeCopy, 'employeeId' | 'agencyId' | 'supervisorEmployeeId'>): boolean {
  return canStartTrainingOf(viewer, employee);
}
