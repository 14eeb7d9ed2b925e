import type { Viewer } from '@kinerja/auth';

import { canReadCitizenComments, isHeadOfUnit } from './service-unit.rule';

describe('isHeadOfUnit', () => {
  it.each([
    ['supervisor outside the unit', { orgUnitId: 'u', status: 'ACTIVE' as const }, { orgUnitId: 'parent' }, true],
    ['no supervisor', { orgUnitId: 'u', status: 'ACTIVE' as const }, null, true],
    ['supervisor inside the unit', { orgUnitId: 'u', status: 'ACTIVE' as const }, { orgUnitId: 'u' }, false],
    ['another unit', { orgUnitId: 'v', status: 'ACTIVE' as const }, { orgUnitId: 'parent' }, false],
    ['left', { orgUnitId: 'u', status: 'LEFT' as const }, null, false],
  ])('%s', (_case, employee, supervisor, expected) => {
    expect(isHeadOfUnit(employee, supervisor, 'u')).toBe(expected);
  });
});

describe('canReadCitizenComments', () => {
  const viewer = (grants: Viewer['grants']): Viewer => ({ userId: 'x', employeeId: 'e', agencyId: 'a', grants });
  it.each([
    ['the head', viewer([]), true, true],
    ['an employee', viewer([]), false, false],
    ['HR of the agency', viewer([{ role: 'HR_ADMIN', agencyId: 'a' }]), false, true],
    ['HR of another agency', viewer([{ role: 'HR_ADMIN', agencyId: 'b' }]), false, false],
    ['anonymous', { userId: null, employeeId: null, agencyId: null, grants: [] } as Viewer, true, false],
  ])('%s', (_case, who, heads, expected) => {
    expect(canReadCitizenComments(who, { agencyId: 'a' }, heads)).toBe(expected);
  });
});
