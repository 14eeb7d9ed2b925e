import { ForbiddenError, UnauthenticatedError } from '@kinerja/errors';

import type { GrantableRole } from './roles';
import type { Viewer } from './viewer';

/** True when the viewer holds the role province-wide or for the given agency. */
export function hasRole(viewer: Viewer, role: GrantableRole, agencyId?: string | null): boolean {
  return viewer.grants.some((grant) => grant.role === role && (grant.agencyId === null || agencyId === undefined || grant.agencyId === agencyId));
}

const AGENCY_READERS: readonly GrantableRole[] = ['HR_ADMIN', 'AGENCY_HEAD', 'AUDITOR', 'SELECTION_COMMITTEE'];

/** Reading an agency's records: the province admin and auditors everywhere; staff and employees at home. */
export function canReadAgency(viewer: Viewer, agencyId: string): boolean {
  if (viewer.userId === null) return false;
  if (hasRole(viewer, 'PROVINCE_ADMIN', agencyId)) return true;
  if (AGENCY_READERS.some((role) => hasRole(viewer, role, agencyId))) return true;
  return viewer.agencyId === agencyId && viewer.employeeId !== null;
}

/** Changing an agency's organisation and staff: the province admin, or that agency's HR admin. Auditors never write. */
export function canManageAgency(viewer: Viewer, agencyId: string): boolean {
  return hasRole(viewer, 'PROVINCE_ADMIN', agencyId) || hasRole(viewer, 'HR_ADMIN', agencyId);
}

export type AgencyScope = { kind: 'all' } | { kind: 'some'; agencyIds: readonly string[] };

/** The agencies whose records a list query may return to this viewer. */
export function agencyScope(viewer: Viewer): AgencyScope {
  if (viewer.userId === null) return { kind: 'some', agencyIds: [] };
  const readers: readonly GrantableRole[] = ['PROVINCE_ADMIN', ...AGENCY_READERS];
  if (viewer.grants.some((grant) => grant.agencyId === null && readers.includes(grant.role))) return { kind: 'all' };
  const ids = new Set(viewer.grants.filter((grant) => readers.includes(grant.role)).map((grant) => grant.agencyId as string));
  if (viewer.agencyId && viewer.employeeId) ids.add(viewer.agencyId);
  return { kind: 'some', agencyIds: [...ids] };
}

export function assertAuthenticated(viewer: Viewer): asserts viewer is Viewer & { userId: string } {
  if (viewer.userId === null) throw new UnauthenticatedError();
}

export function assertCanReadAgency(viewer: Viewer, agencyId: string): void {
  assertAuthenticated(viewer);
  if (!canReadAgency(viewer, agencyId)) throw new ForbiddenError('This record belongs to another agency');
}

export function assertCanManageAgency(viewer: Viewer, agencyId: string): void {
  assertAuthenticated(viewer);
  if (!canManageAgency(viewer, agencyId)) throw new ForbiddenError("Only the province admin or this agency's HR admin may change it");
}
