import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

/** Viewers as identity's tokens describe them. */
export const hrOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'HR_ADMIN', agencyId }] });
export const employeeOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [] });
export const auditorOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'AUDITOR', agencyId }] });
export const provinceAdmin = (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
export const applicantAccount = (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'APPLICANT', agencyId: null }] });
/** An employee of the agency signed in with the committee role (appointed to a selection or not). */
export const committeeMemberOf = (agencyId: string, employeeId: string): Viewer => ({
  userId: randomUUID(),
  employeeId,
  agencyId,
  grants: [{ role: 'SELECTION_COMMITTEE', agencyId }],
});
