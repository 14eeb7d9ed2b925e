import type { Viewer } from '@kinerja/auth';

import type { EmployeeCopy } from './employee-copy';
import { type UnitRaterVerdict, unitRaterVerdict, unitRatingChange } from './unit-rating.rule';

const copy = (employeeId: string, orgUnitId: string, supervisorEmployeeId: string | null, overrides: Partial<EmployeeCopy> = {}): EmployeeCopy =>
  ({ employeeId, agencyId: 'A', orgUnitId, supervisorEmployeeId, status: 'ACTIVE', ...overrides }) as EmployeeCopy;
const viewer = (employeeId: string | null, grants: Viewer['grants'] = []): Viewer => ({ userId: 'u', employeeId, agencyId: employeeId ? 'A' : null, grants });

// Unit U is headed by h (who reports to p, head of the parent unit P); m works in U under h.
const p = copy('p', 'P', null);
const h = copy('h', 'U', 'p');
const m = copy('m', 'U', 'h');
const heads = [h];

describe('who sets a unit rating', () => {
  it.each<[string, Viewer, EmployeeCopy | null, UnitRaterVerdict]>([
    ['the head of the unit', viewer('h'), h, 'OWN_UNIT'],
    ['a member of the unit', viewer('m'), m, 'OWN_UNIT'],
    ['the head of the unit who is also agency head', viewer('h', [{ role: 'AGENCY_HEAD', agencyId: 'A' }]), h, 'OWN_UNIT'],
    ['an HR admin working in the unit', viewer('m', [{ role: 'HR_ADMIN', agencyId: 'A' }]), m, 'OWN_UNIT'],
    ['the head of the parent unit', viewer('p'), p, 'ALLOWED'],
    ['the head of the parent unit, departed', viewer('p'), { ...p, status: 'LEFT' }, 'NOT_ENTITLED'],
    ['a colleague in another unit', viewer('x'), copy('x', 'P', 'p'), 'NOT_ENTITLED'],
    ['the agency head (outside the unit)', viewer('p', [{ role: 'AGENCY_HEAD', agencyId: 'A' }]), p, 'ALLOWED'],
    ["the agency's HR admin", viewer(null, [{ role: 'HR_ADMIN', agencyId: 'A' }]), null, 'ALLOWED'],
    ['the province admin', viewer(null, [{ role: 'PROVINCE_ADMIN', agencyId: null }]), null, 'ALLOWED'],
    ["another agency's HR admin", viewer(null, [{ role: 'HR_ADMIN', agencyId: 'B' }]), null, 'NOT_ENTITLED'],
    ['an auditor', viewer(null, [{ role: 'AUDITOR', agencyId: null }]), null, 'NOT_ENTITLED'],
    ["another agency's employee supervising the head", viewer('p'), { ...p, agencyId: 'B' }, 'NOT_ENTITLED'],
    ['a moved member (now in another unit)', viewer('m'), { ...m, orgUnitId: 'P' }, 'NOT_ENTITLED'],
  ])('%s: %p', (_who, v, self, expected) => {
    expect(unitRaterVerdict({ viewer: v, agencyId: 'A', orgUnitId: 'U', self, headsOfUnit: heads })).toBe(expected);
  });

  it('refuses anonymous callers', () => {
    expect(
      unitRaterVerdict({
        viewer: { userId: null, employeeId: null, agencyId: null, grants: [] },
        agencyId: 'A',
        orgUnitId: 'U',
        self: null,
        headsOfUnit: heads,
      }),
    ).toBe('NOT_ENTITLED');
  });
});

describe('changing a unit rating after a finalization', () => {
  it.each<[string, Parameters<typeof unitRatingChange>[0], { reopening: boolean } | string]>([
    ['first rating, nobody final', { before: null, rating: 'BAIK', finalizedInUnit: 0, reason: null }, { reopening: false }],
    ['a change before any finalization', { before: 'BAIK', rating: 'ISTIMEWA', finalizedInUnit: 0, reason: null }, { reopening: false }],
    ['the same rating again after finalizations', { before: 'BAIK', rating: 'BAIK', finalizedInUnit: 3, reason: null }, { reopening: false }],
    ['a change after a finalization without a reason', { before: 'BAIK', rating: 'ISTIMEWA', finalizedInUnit: 1, reason: null }, 'CONFLICT'],
    ['a change after a finalization with a blank reason', { before: 'BAIK', rating: 'ISTIMEWA', finalizedInUnit: 1, reason: '   ' }, 'CONFLICT'],
    ['a change after a finalization with a short reason', { before: 'BAIK', rating: 'ISTIMEWA', finalizedInUnit: 1, reason: 'salah' }, 'BAD_USER_INPUT'],
    ['a first rating after finalizations without a reason', { before: null, rating: 'BAIK', finalizedInUnit: 2, reason: null }, 'CONFLICT'],
    [
      'a change after a finalization with a reason',
      { before: 'BAIK', rating: 'ISTIMEWA', finalizedInUnit: 1, reason: ' Hasil evaluasi SAKIP direvisi ' },
      { reopening: true },
    ],
  ])('%s', (_case, change, expected) => {
    if (typeof expected === 'string') {
      expect(() => unitRatingChange(change)).toThrow(expect.objectContaining({ code: expected }));
    } else {
      expect(unitRatingChange(change)).toMatchObject(expected);
    }
  });

  it('keeps the trimmed reason of a reopening', () => {
    expect(unitRatingChange({ before: 'BAIK', rating: 'KURANG', finalizedInUnit: 1, reason: ' Hasil evaluasi SAKIP direvisi ' })).toEqual({
      reopening: true,
      reason: 'Hasil evaluasi SAKIP direvisi',
    });
  });
});
