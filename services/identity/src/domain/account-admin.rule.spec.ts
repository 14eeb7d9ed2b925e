import type { RoleGrant, Viewer } from '@kinerja/auth';

import { type AccountAdminVerdict, accountAdminVerdict, newPasswordProblem, roleChangeVerdict, signInRefusal, visibleGrants } from './account-admin.rule';

const viewer = (grants: RoleGrant[]): Viewer => ({ userId: 'u', employeeId: null, agencyId: null, grants });
const province = viewer([{ role: 'PROVINCE_ADMIN', agencyId: null }]);
const hrA = viewer([{ role: 'HR_ADMIN', agencyId: 'A' }]);
const headA = viewer([{ role: 'AGENCY_HEAD', agencyId: 'A' }]);
const auditor = viewer([{ role: 'AUDITOR', agencyId: null }]);
const anonymous: Viewer = { userId: null, employeeId: null, agencyId: null, grants: [] };

describe('account administration', () => {
  it.each<[string, Viewer, string | null, AccountAdminVerdict]>([
    ['the province admin, any account', province, 'B', 'ALLOWED'],
    ['the province admin, a province account', province, null, 'ALLOWED'],
    ["HR, its agency's account", hrA, 'A', 'ALLOWED'],
    ["HR, another agency's account", hrA, 'B', 'NOT_FOUND'],
    ['HR, a province account', hrA, null, 'NOT_FOUND'],
    ['the agency head', headA, 'A', 'FORBIDDEN'],
    ['an auditor', auditor, 'A', 'FORBIDDEN'],
    ['anonymous', anonymous, 'A', 'FORBIDDEN'],
  ])('%s: %p', (_who, v, agency, expected) => {
    expect(accountAdminVerdict(v, agency)).toBe(expected);
  });

  it.each<[string, Viewer, string | null, string | null, AccountAdminVerdict]>([
    ["HR grants its agency's role on its agency's account", hrA, 'A', 'A', 'ALLOWED'],
    ["HR grants its agency's role on another agency's account", hrA, 'A', 'B', 'NOT_FOUND'],
    ["HR grants its agency's role on a province account", hrA, 'A', null, 'NOT_FOUND'],
    ["HR grants another agency's role on its agency's account", hrA, 'B', 'A', 'FORBIDDEN'],
    ['HR grants a province-wide role', hrA, null, 'A', 'FORBIDDEN'],
    ['the province admin grants anywhere', province, 'A', 'B', 'ALLOWED'],
    ['the province admin grants province-wide', province, null, null, 'ALLOWED'],
    ['the agency head grants', headA, 'A', 'A', 'FORBIDDEN'],
  ])('%s: %p', (_case, v, grantAgency, accountAgency, expected) => {
    expect(roleChangeVerdict(v, grantAgency, accountAgency)).toBe(expected);
  });

  it('shows HR only the grants of its own agencies', () => {
    const grants: RoleGrant[] = [
      { role: 'HR_ADMIN', agencyId: 'A' },
      { role: 'AGENCY_HEAD', agencyId: 'B' },
      { role: 'AUDITOR', agencyId: null },
    ];
    expect(visibleGrants(hrA, grants)).toEqual([{ role: 'HR_ADMIN', agencyId: 'A' }]);
    expect(visibleGrants(province, grants)).toEqual(grants);
  });

  it.each<[string, { disabledAt: Date | null; departed: boolean }, string | null]>([
    ['an active account', { disabledAt: null, departed: false }, null],
    ['a disabled account', { disabledAt: new Date(0), departed: false }, 'DISABLED'],
    ['a departed employee', { disabledAt: null, departed: true }, 'DEPARTED'],
    ['both', { disabledAt: new Date(0), departed: true }, 'DISABLED'],
  ])('signing in with %s: %p', (_case, account, expected) => {
    expect(signInRefusal(account)).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['a good new password', 'kata-sandi-baru-2031', null],
    ['too short', 'pendek', 'must be 10-200 characters'],
    ['too long', 'x'.repeat(201), 'must be 10-200 characters'],
    ['blank', ' '.repeat(12), 'must not be blank'],
    ['the same as the old one', 'kata-sandi-lama', 'must differ from the current password'],
  ])('%s', (_case, next, expected) => {
    expect(newPasswordProblem('kata-sandi-lama', next)).toBe(expected);
  });
});
