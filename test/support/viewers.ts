import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

/** Viewers as identity's tokens describe them. */
export const viewers = {
  provinceAdmin: (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] }),
  auditor: (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'AUDITOR', agencyId: null }] }),
  hrOf: (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'HR_ADMIN', agencyId }] }),
  employee: (employeeId: string, agencyId: string): Viewer => ({ userId: randomUUID(), employeeId, agencyId, grants: [] }),
};
