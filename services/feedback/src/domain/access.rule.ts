import { canManageAgency, hasRole, type Viewer } from '@kinerja/auth';

import type { EmployeeCopy } from './employee-copy';

/** An employee as the access rules see them: their agency and who is above them, nearest first. */
export interface ReportingLine {
  employeeId: string;
  agencyId: string;
  supervisorEmployeeId: string | null;
  /** Every supervisor up the line, the direct one first. */
  chain: readonly string[];
}

export function isDirectSupervisorOf(viewer: Viewer, employee: Pick<EmployeeCopy, 'supervisorEmployeeId'>): boolean {
  return viewer.userId !== null && viewer.employeeId !== null && viewer.employeeId === employee.supervisorEmployeeId;
}

/** Auditors and the province admin read everything (DOMAIN.md); HR only where a rule names it. */
function readsEverything(viewer: Viewer, agencyId: string): boolean {
  return hasRole(viewer, 'PROVINCE_ADMIN', agencyId) || hasRole(viewer, 'AUDITOR', agencyId);
}

/** Feedback notes are personal: the employee and their supervisor chain (plus auditors and the province admin). */
export function canSeeNotesOf(viewer: Viewer, line: ReportingLine): boolean {
  if (viewer.userId === null) return false;
  if (viewer.employeeId !== null && (viewer.employeeId === line.employeeId || line.chain.includes(viewer.employeeId))) return true;
  return readsEverything(viewer, line.agencyId);
}

/** Dialogues are part of the formal cycle: the notes' readers plus the agency's HR admin. */
export function canSeeDialoguesOf(viewer: Viewer, line: ReportingLine): boolean {
  return canSeeNotesOf(viewer, line) || (viewer.userId !== null && canManageAgency(viewer, line.agencyId));
}

/** A dialogue is between the employee and their direct supervisor: either records it, the other acknowledges. */
export function isPartyToDialogue(viewer: Viewer, employee: Pick<EmployeeCopy, 'employeeId' | 'supervisorEmployeeId'>): boolean {
  if (viewer.userId === null || viewer.employeeId === null) return false;
  return viewer.employeeId === employee.employeeId || viewer.employeeId === employee.supervisorEmployeeId;
}

/** A 360° cycle is started by the subject's direct supervisor or the agency's HR admin (or the province admin). */
export function canStartCycleFor(viewer: Viewer, subject: Pick<EmployeeCopy, 'agencyId' | 'supervisorEmployeeId'>): boolean {
  if (viewer.userId === null) return false;
  return isDirectSupervisorOf(viewer, subject) || canManageAgency(viewer, subject.agencyId);
}

/** A cycle's aggregate: the subject, their supervisor chain, HR, auditors and the province admin. */
export const canSeeCycleOf = canSeeDialoguesOf;
