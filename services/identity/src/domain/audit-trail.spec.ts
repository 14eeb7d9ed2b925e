import type { RoleGrant, Viewer } from '@kinerja/auth';

import { type AuditScope, auditScope } from './audit-trail';

const viewer = (grants: RoleGrant[], employee?: { employeeId: string; agencyId: string }): Viewer => ({
  userId: 'u',
  employeeId: employee?.employeeId ?? null,
  agencyId: employee?.agencyId ?? null,
  grants,
});

describe('who reads the audit trail', () => {
  it.each<[string, Viewer, AuditScope]>([
    ['the province admin: everything', viewer([{ role: 'PROVINCE_ADMIN', agencyId: null }]), { kind: 'all' }],
    ['a province-wide auditor: everything', viewer([{ role: 'AUDITOR', agencyId: null }]), { kind: 'all' }],
    ["an agency's auditor: that agency", viewer([{ role: 'AUDITOR', agencyId: 'A' }]), { kind: 'agencies', agencyIds: ['A'] }],
    [
      'an auditor of two agencies: both',
      viewer([
        { role: 'AUDITOR', agencyId: 'A' },
        { role: 'AUDITOR', agencyId: 'B' },
      ]),
      { kind: 'agencies', agencyIds: ['A', 'B'] },
    ],
    ['HR: nothing', viewer([{ role: 'HR_ADMIN', agencyId: 'A' }]), { kind: 'none' }],
    ['the agency head: nothing', viewer([{ role: 'AGENCY_HEAD', agencyId: 'A' }]), { kind: 'none' }],
    ['an employee: nothing, not even their own agency', viewer([], { employeeId: 'e', agencyId: 'A' }), { kind: 'none' }],
    ['anonymous: nothing', { userId: null, employeeId: null, agencyId: null, grants: [] }, { kind: 'none' }],
  ])('%s', (_who, v, expected) => {
    expect(auditScope(v)).toEqual(expected);
  });
});
