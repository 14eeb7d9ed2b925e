import { canManageAgency, type Viewer } from '@kinerja/auth';

import type { EmployeeCopy } from './employee-copy';

/**
 * The unit's head as feedback's copy knows it: an active employee of the unit whose supervisor is
 * outside it (or who has none). identity owns positions; this is what the reporting line tells.
 */
export function isHeadOfUnit(
  employee: Pick<EmployeeCopy, 'orgUnitId' | 'status'>,
  supervisor: Pick<EmployeeCopy, 'orgUnitId'> | null,
  orgUnitId: string,
): boolean {
  return employee.orgUnitId === orgUnitId && employee.status !== 'LEFT' && (supervisor === null || supervisor.orgUnitId !== orgUnitId);
}

/** Citizens' comments about a unit: its head and the agency's HR (with the province admin), nobody else. */
export function canReadCitizenComments(viewer: Viewer, unit: { agencyId: string }, viewerHeadsUnit: boolean): boolean {
  if (viewer.userId === null) return false;
  return viewerHeadsUnit || canManageAgency(viewer, unit.agencyId);
}
