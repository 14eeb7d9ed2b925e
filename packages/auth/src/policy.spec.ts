import { agencyScope, canManageAgency, canReadAgency } from './policy';
import type { Viewer } from './viewer';
import { ANONYMOUS } from './viewer';

const viewer = (overrides: Partial<Viewer>): Viewer => ({ userId: 'u1', employeeId: null, agencyId: null, grants: [], ...overrides });
const provinceAdmin = viewer({ grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
const hrOfA = viewer({ employeeId: 'e1', agencyId: 'A', grants: [{ role: 'HR_ADMIN', agencyId: 'A' }] });
const auditor = viewer({ grants: [{ role: 'AUDITOR', agencyId: null }] });
const employeeOfA = viewer({ employeeId: 'e2', agencyId: 'A' });
const applicant = viewer({ grants: [{ role: 'APPLICANT', agencyId: null }] });

describe('agency policy', () => {
  it.each<[string, Viewer, string, boolean, boolean]>([
    ['province admin, any agency', provinceAdmin, 'B', true, true],
    ['HR admin, own agency', hrOfA, 'A', true, true],
    ['HR admin, other agency', hrOfA, 'B', false, false],
    ['auditor reads everywhere, never writes', auditor, 'B', true, false],
    ['employee reads own agency only', employeeOfA, 'A', true, false],
    ['employee, other agency', employeeOfA, 'B', false, false],
    ['applicant reads no agency records', applicant, 'A', false, false],
    ['anonymous', ANONYMOUS, 'A', false, false],
  ])('%s', (_case, who, agencyId, canRead, canManage) => {
    expect(canReadAgency(who, agencyId)).toBe(canRead);
    expect(canManageAgency(who, agencyId)).toBe(canManage);
  });

  it('scopes list queries', () => {
    expect(agencyScope(provinceAdmin)).toEqual({ kind: 'all' });
    expect(agencyScope(auditor)).toEqual({ kind: 'all' });
    expect(agencyScope(hrOfA)).toEqual({ kind: 'some', agencyIds: ['A'] });
    expect(agencyScope(applicant)).toEqual({ kind: 'some', agencyIds: [] });
    expect(agencyScope(ANONYMOUS)).toEqual({ kind: 'some', agencyIds: [] });
  });
});
