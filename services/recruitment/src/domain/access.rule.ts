import { canManageAgency, hasRole, type Viewer } from '@kinerja/auth';

/** HR and the province admin manage; the selection committee verifies and scores. */
export function canWorkOnSelection(viewer: Viewer, agencyId: string): boolean {
  return viewer.userId !== null && (canManageAgency(viewer, agencyId) || hasRole(viewer, 'SELECTION_COMMITTEE', agencyId));
}

/**
 * An application's status is the applicant's own, and the agency's staff who run the selection
 * (HR, committee, the province admin) and auditors may read it. Other employees of the agency may not.
 */
export function canSeeApplication(viewer: Viewer, application: { agencyId: string }, applicantUserId: string | null): boolean {
  if (viewer.userId === null) return false;
  if (applicantUserId !== null && viewer.userId === applicantUserId) return true;
  return canWorkOnSelection(viewer, application.agencyId) || hasRole(viewer, 'AUDITOR', application.agencyId);
}

/** The province admin approves formations (DOMAIN.md: formations need the province's approval). */
export const canReviewFormation = (viewer: Viewer, agencyId: string) => hasRole(viewer, 'PROVINCE_ADMIN', agencyId);
