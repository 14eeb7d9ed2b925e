import type { Viewer } from '@kinerja/auth';

import { canLeadAgency, canReadAgencyReports, canReadPerformanceOf, planActorOf } from './access.rule';
import type { EmployeeCopy } from './employee-copy';

const subject = { employeeId: 'e', agencyId: 'A', supervisorEmployeeId: 's' } as EmployeeCopy;
const viewer = (overrides: Partial<Viewer>): Viewer => ({ userId: 'u', employeeId: null, agencyId: null, grants: [], ...overrides });

describe('performance access', () => {
  it.each<[string, Viewer, boolean]>([
    ['the employee', viewer({ employeeId: 'e', agencyId: 'A' }), true],
    ['the direct supervisor', viewer({ employeeId: 's', agencyId: 'A' }), true],
    ['a colleague of the agency', viewer({ employeeId: 'c', agencyId: 'A' }), false],
    ["the agency's HR admin", viewer({ grants: [{ role: 'HR_ADMIN', agencyId: 'A' }] }), true],
    ["another agency's HR admin", viewer({ grants: [{ role: 'HR_ADMIN', agencyId: 'B' }] }), false],
    ['the agency head', viewer({ grants: [{ role: 'AGENCY_HEAD', agencyId: 'A' }] }), true],
    ['a province-wide auditor', viewer({ grants: [{ role: 'AUDITOR', agencyId: null }] }), true],
    ['the province admin', viewer({ grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] }), true],
    ['a selection committee member', viewer({ grants: [{ role: 'SELECTION_COMMITTEE', agencyId: 'A' }] }), false],
    ['anonymous', { userId: null, employeeId: null, agencyId: null, grants: [] }, false],
  ])('%s reads the performance records: %p', (_who, v, expected) => {
    expect(canReadPerformanceOf(v, subject)).toBe(expected);
  });

  it.each<[string, string | null, 'EMPLOYEE' | 'SUPERVISOR' | null]>([
    ['the employee', 'e', 'EMPLOYEE'],
    ['the direct supervisor', 's', 'SUPERVISOR'],
    ['anyone else', 'x', null],
    ['an account without employee', null, null],
  ])('%s acts on the plan as %p', (_who, employeeId, expected) => {
    expect(planActorOf(viewer({ employeeId }), subject)).toBe(expected);
  });

  it('lets auditors read reports but never lead', () => {
    const auditorViewer = viewer({ grants: [{ role: 'AUDITOR', agencyId: 'A' }] });
    expect(canReadAgencyReports(auditorViewer, 'A')).toBe(true);
    expect(canLeadAgency(auditorViewer, 'A')).toBe(false);
    expect(canLeadAgency(viewer({ grants: [{ role: 'AGENCY_HEAD', agencyId: 'A' }] }), 'A')).toBe(true);
  });
});
